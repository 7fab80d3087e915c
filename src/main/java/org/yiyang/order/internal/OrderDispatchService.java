package org.yiyang.order.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yiyang.order.DispatchContext;
import org.yiyang.order.DispatchDecision;
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
                .map(o -> context(o, orders.caregiversWhoServed(o.elderId)));
    }

    private DispatchContext context(ServiceOrder o, Set<Long> servedBy) {
        return new DispatchContext(o.id, o.item.requiredSkill(), o.elderId, o.address.location(), o.windowFrom, o.windowTo,
                o.item.standardMinutes(), (o.windowFrom == null ? clock.instant() : o.windowFrom).atZone(OrderService.ZONE).toLocalDate(),
                o.pastCaregivers(), servedBy);
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
    public void markUnassignable(long orderId, String reasonZh, String reasonEn, Instant retryAt) {
        Instant now = clock.instant();
        if (orders.markUnassignable(orderId, reasonZh, reasonEn, now, retryAt)) {
            orders.appendSteps(orderId, List.of(unassignableStep(reasonZh, reasonEn, now)));
        }
    }

    private static ServiceOrder.Step unassignableStep(String reasonZh, String reasonEn, Instant now) {
        return new ServiceOrder.Step("unassignable", OrderState.CREATED, OrderState.CREATED, PLATFORM, now, null, reasonZh, reasonEn);
    }

    @Override
    @Transactional
    public int dispatchDue(int limit, Duration retryAfter, Function<List<DispatchContext>, Map<Long, DispatchDecision>> decide) {
        Instant now = clock.instant();
        List<ServiceOrder> taken = orders.lockDueForDispatch(now, limit);
        if (taken.isEmpty()) {
            return 0;
        }
        // an order changed behind the queue's back (by hand in the database) no longer awaits dispatch: out of the queue
        List<ServiceOrder> due = taken.stream().filter(o -> o.state() == OrderState.CREATED).toList();
        orders.retryDispatchAt(taken.stream().filter(o -> o.state() != OrderState.CREATED).map(o -> o.id).toList(), null);
        Map<Long, Set<Long>> served = orders.caregiversWhoServed(due.stream().map(o -> o.elderId).distinct().toList());
        Map<Long, DispatchDecision> decisions = decide.apply(due.stream()
                .map(o -> context(o, served.getOrDefault(o.elderId, Set.of())))
                .toList());
        Instant retryAt = now.plus(retryAfter);
        List<ServiceOrder> offered = new ArrayList<>();
        List<OrderRepository.UnassignableMark> unassignable = new ArrayList<>();
        List<Long> later = new ArrayList<>();
        List<Map.Entry<Long, ServiceOrder.Step>> steps = new ArrayList<>();
        for (ServiceOrder o : due) {
            switch (decisions.get(o.id)) {
                case DispatchDecision.Offer offer when !o.pastCaregivers().contains(offer.caregiverId()) -> {
                    try {
                        o.offerTo(offer.caregiverId(), offer.providerId(), now.plus(offerTimeout), PLATFORM, now);
                    } catch (RuntimeException e) {
                        later.add(o.id);    // one odd order must not hold up the batch
                        continue;
                    }
                    offered.add(o);
                    o.drainSteps().forEach(s -> steps.add(Map.entry(o.id, s)));
                }
                case DispatchDecision.Unassignable none -> {
                    unassignable.add(new OrderRepository.UnassignableMark(o.id, none.reasonZh(), none.reasonEn(), now, retryAt));
                    // a retry finding nobody for the same reason adds nothing to the history
                    if (!none.reasonZh().equals(o.unassignableZh)) {
                        steps.add(Map.entry(o.id, unassignableStep(none.reasonZh(), none.reasonEn(), now)));
                    }
                }
                case null, default -> later.add(o.id);
            }
        }
        if (!offered.isEmpty()) {
            orders.updateOffers(offered);
        }
        if (!unassignable.isEmpty()) {
            orders.markUnassignable(unassignable);
        }
        orders.retryDispatchAt(later, retryAt);
        if (!steps.isEmpty()) {
            orders.appendSteps(steps);
        }
        offered.forEach(o -> o.drainEvents().forEach(publisher::publishEvent));
        return taken.size();
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
