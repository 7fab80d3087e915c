package org.yiyang.dispatch.internal;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.scheduling.annotation.Async;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.yiyang.dispatch.CandidateChooser;
import org.yiyang.dispatch.DispatchCandidate;
import org.yiyang.dispatch.DispatchRequest;
import org.yiyang.dispatch.DispatchResult;
import org.yiyang.dispatch.NoCandidate;
import org.yiyang.order.DispatchContext;
import org.yiyang.order.OrderDispatching;
import org.yiyang.order.ServiceOrderOfferExpired;
import org.yiyang.order.ServiceOrderPlaced;
import org.yiyang.order.ServiceOrderRefused;
import org.yiyang.provider.CaregiverSkill;

/**
 * Automatic dispatch (派单): whenever an order awaits dispatch (placed, refused, offer expired) it is
 * offered to the best candidate the chooser ranks, leaving out the caregivers who already declined
 * it; when nobody qualifies the order goes to the dispatcher's queue with the reason. Runs after
 * the order's transaction committed, on a bounded pool of dispatch workers
 * ({@code yiyang.dispatch.workers}), through Spring Modulith's persistent event publication (an
 * event whose dispatch failed, or that was queued when the process died, stays incomplete and is
 * resubmitted).
 *
 * <p>One offer at a time: {@link OrderDispatching#offer} locks the order's row and offers only
 * while it awaits dispatch, so concurrent dispatchers (threads or nodes) for the same order make
 * exactly one offer; the others see {@code false} and stop.
 *
 * <p>{@code yiyang.dispatch.auto} switches it off (the dispatcher then dispatches by hand); the
 * switch can also be flipped at run time.
 */
@Component
public class AutoDispatcher {

    private static final Logger log = LoggerFactory.getLogger(AutoDispatcher.class);
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final int ROUNDS = 3;
    private static final int RETRY_BATCH = 200;
    /** Older orders have expired or wait for the dispatcher's hand. */
    private static final Duration RETRY_HORIZON = Duration.ofDays(1);

    private final OrderDispatching orders;
    private final CandidateChooser chooser;
    private final MessageSource messages;
    private final AtomicBoolean enabled;
    private final Duration retryAfter;

    AutoDispatcher(OrderDispatching orders, CandidateChooser chooser, MessageSource messages,
                   @Value("${yiyang.dispatch.auto:true}") boolean enabled,
                   @Value("${yiyang.dispatch.retry-interval:PT2M}") Duration retryAfter) {
        this.retryAfter = retryAfter;
        this.orders = orders;
        this.chooser = chooser;
        this.messages = messages;
        this.enabled = new AtomicBoolean(enabled);
    }

    public boolean isEnabled() {
        return enabled.get();
    }

    public void setEnabled(boolean on) {
        enabled.set(on);
    }

    // Like @ApplicationModuleListener (after commit, asynchronous, recorded in the persistent event
    // publication), but on the bounded dispatch workers and without one transaction around the whole
    // dispatch: each step below takes a connection only for its own short transaction, so a burst of
    // placed orders queues here instead of holding connections the placing requests need.

    @Async(DispatchConfiguration.DISPATCH_EXECUTOR)
    @TransactionalEventListener
    void on(ServiceOrderPlaced event) {
        dispatchIfEnabled(event.orderId());
    }

    @Async(DispatchConfiguration.DISPATCH_EXECUTOR)
    @TransactionalEventListener
    void on(ServiceOrderRefused event) {
        dispatchIfEnabled(event.orderId());
    }

    @Async(DispatchConfiguration.DISPATCH_EXECUTOR)
    @TransactionalEventListener
    void on(ServiceOrderOfferExpired event) {
        dispatchIfEnabled(event.orderId());
    }

    /**
     * Every few minutes, orders still awaiting dispatch (nobody qualified then, or placed while
     * automatic dispatch was off) are tried again: a caregiver may have come on duty or freed up.
     * Safe on several nodes: offers are made under the order's row lock.
     */
    @Scheduled(fixedDelayString = "${yiyang.dispatch.retry-interval:PT2M}", initialDelayString = "${yiyang.dispatch.retry-interval:PT2M}")
    void retryAwaiting() {
        if (enabled.get()) {
            java.time.Instant now = java.time.Instant.now();
            retryAwaiting(now.minus(RETRY_HORIZON), now.minus(retryAfter));
        }
    }

    /** Dispatches the orders placed after {@code placedAfter} still awaiting dispatch since {@code before} (a batch); how many were offered. */
    public int retryAwaiting(java.time.Instant placedAfter, java.time.Instant before) {
        int offered = 0;
        List<Long> ids = orders.stillAwaitingDispatch(placedAfter, before, RETRY_BATCH);
        for (long id : ids) {
            if (dispatch(id).isPresent()) {
                offered++;
            }
        }
        if (!ids.isEmpty()) {
            log.info("Dispatch retry: {} of {} waiting orders offered", offered, ids.size());
        }
        return offered;
    }

    private void dispatchIfEnabled(long orderId) {
        if (enabled.get()) {
            dispatch(orderId);
        }
    }

    /**
     * Dispatches one order now: the caregiver it was offered to, or empty when nobody qualified (the
     * order is then marked unassignable) or when the order no longer awaits dispatch.
     */
    public OptionalLong dispatch(long orderId) {
        for (int round = 0; round < ROUNDS; round++) {
            Optional<DispatchContext> context = orders.awaitingDispatch(orderId);
            if (context.isEmpty()) {
                return OptionalLong.empty();
            }
            DispatchContext ctx = context.get();
            DispatchResult result = chooser.choose(request(ctx));
            if (result instanceof NoCandidate none) {
                String zh = none.reason(messages, Locale.SIMPLIFIED_CHINESE);
                String en = none.reason(messages, Locale.ENGLISH);
                orders.markUnassignable(orderId, zh, en);
                log.info("Order {} unassignable: {}", orderId, en);
                return OptionalLong.empty();
            }
            Set<Long> declined = new HashSet<>(ctx.declinedBy());
            for (DispatchCandidate candidate : ((DispatchResult.Candidates) result).ranked()) {
                if (declined.contains(candidate.caregiverId())) {
                    continue;
                }
                if (orders.offer(orderId, candidate.caregiverId(), candidate.providerId())) {
                    return OptionalLong.of(candidate.caregiverId());
                }
                // lost a race: either the order moved on (stop) or this caregiver declined meanwhile (next one)
                Optional<DispatchContext> now = orders.awaitingDispatch(orderId);
                if (now.isEmpty()) {
                    return OptionalLong.empty();
                }
                declined.addAll(now.get().declinedBy());
            }
        }
        return OptionalLong.empty();
    }

    static DispatchRequest request(DispatchContext ctx) {
        return DispatchRequest.forOrder(ctx, ZONE);
    }
}
