package org.yiyang.dispatch.internal;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.yiyang.dispatch.CaregiverLoad;
import org.yiyang.order.OrderDispatching;

/** The caregivers' loads from the order module: their offered and taken orders that day, one query per dispatch. */
@Component
class OrderCaregiverLoad implements CaregiverLoad {

    private final OrderDispatching orders;

    OrderCaregiverLoad(OrderDispatching orders) {
        this.orders = orders;
    }

    @Override
    public int ordersOn(long caregiverId, LocalDate day) {
        return orders.loadOn(List.of(caregiverId), day).getOrDefault(caregiverId, 0);
    }

    @Override
    public Map<Long, Integer> ordersOn(Collection<Long> caregiverIds, LocalDate day) {
        return orders.loadOn(caregiverIds, day);
    }
}
