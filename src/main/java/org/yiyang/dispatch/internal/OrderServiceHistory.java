package org.yiyang.dispatch.internal;

import java.util.Set;
import org.springframework.stereotype.Component;
import org.yiyang.dispatch.ServiceHistory;
import org.yiyang.order.OrderDispatching;

/** Continuity of care from the order module: the caregivers who completed a visit to the elder. */
@Component
class OrderServiceHistory implements ServiceHistory {

    private final OrderDispatching orders;

    OrderServiceHistory(OrderDispatching orders) {
        this.orders = orders;
    }

    @Override
    public Set<Long> servedBefore(long elderId) {
        return orders.caregiversWhoServed(elderId);
    }
}
