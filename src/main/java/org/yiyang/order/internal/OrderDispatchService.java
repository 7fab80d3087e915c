package org.yiyang.order.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yiyang.order.DispatchContext;
import org.yiyang.order.OrderDispatching;
import org.yiyang.order.OrderState;

/** The platform's dispatch operations on orders: unscoped, acting as "system", each offer under the order's row lock. */
@Service
class OrderDispatchService implements OrderDispatching {

    static final Actor PLATFORM = Actor.of(0, "system", Actor.Kind.SYSTEM);

    private final OrderRepository orders;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;
    private final Duration offerTimeout;

    OrderDispatchService(OrderRepository orders, ApplicationEventPublisher publisher, ObjectProvider<Clock> clock,
                         @Value("${yiyang.order.offer-timeout:PT10M}") Duration offerTimeout) {
        this.orders = orders;
        this.publisher = publisher;
        this.clock = clock.getIfAvailable(() -> Clock.system(OrderService.ZONE));
        this.offerTimeout = offerTimeout;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<DispatchContext> awaitingDispatch(long orderId) {
        return orders.findForPlatform(orderId, false)
                .filter(o -> o.state() == OrderState.CREATED)
                .map(o -> new DispatchContext(o.id, o.item.requiredSkill(), o.elderId, o.address.location(),
                        o.windowFrom, o.windowTo, o.item.standardMinutes(),
                        (o.windowFrom == null ? clock.instant() : o.windowFrom).atZone(OrderService.ZONE).toLocalDate(),
                        o.pastCaregivers()));
    }

    @Override
    @Transactional
    public boolean offer(long orderId, long caregiverId, long providerId) {
        ServiceOrder o = orders.findForPlatform(orderId, true).orElse(null);
        if (o == null || o.state() != OrderState.CREATED || o.pastCaregivers().contains(caregiverId)) {
            return false;
        }
        Instant now = clock.instant();
        o.offerTo(caregiverId, providerId, now.plus(offerTimeout), PLATFORM, now);
        orders.update(o);
        orders.appendSteps(o.id, o.drainSteps());
        o.drainEvents().forEach(publisher::publishEvent);
        return true;
    }

    @Override
    @Transactional
    public void markUnassignable(long orderId, String reasonZh, String reasonEn) {
        Instant now = clock.instant();
        if (orders.markUnassignable(orderId, reasonZh, reasonEn, now)) {
            orders.appendSteps(orderId, java.util.List.of(new ServiceOrder.Step("unassignable", OrderState.CREATED,
                    OrderState.CREATED, PLATFORM, now, null, reasonZh, reasonEn)));
        }
    }

    @Override
    @Transactional(readOnly = true)
    public java.util.List<Long> stillAwaitingDispatch(Instant placedAfter, Instant before, int limit) {
        return orders.stillAwaitingDispatch(placedAfter, before, limit);
    }

    @Override
    @Transactional(readOnly = true)
    public Map<Long, Integer> loadOn(Collection<Long> caregiverIds, LocalDate day) {
        return orders.loadOn(caregiverIds, day, OrderService.ZONE);
    }

    @Override
    @Transactional(readOnly = true)
    public Set<Long> caregiversWhoServed(long elderId) {
        return Set.copyOf(orders.caregiversWhoServed(elderId));
    }
}
