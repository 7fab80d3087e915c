package org.yiyang.dispatch.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.HashSet;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.yiyang.dispatch.DispatchCandidate;
import org.yiyang.dispatch.DispatchRequest;
import org.yiyang.dispatch.DispatchResult;
import org.yiyang.dispatch.NoCandidate;
import org.yiyang.order.DispatchContext;
import org.yiyang.order.DispatchDecision;
import org.yiyang.order.OrderDispatching;
import org.yiyang.order.ServiceOrderOfferExpired;
import org.yiyang.order.ServiceOrderPlaced;
import org.yiyang.order.ServiceOrderRefused;

/**
 * Automatic dispatch (派单): every order awaiting dispatch (placed, refused, offer expired, or found
 * unassignable and due for a retry) is offered to the best candidate the chooser ranks, leaving out
 * the caregivers who already declined it; when nobody qualifies the order goes to the dispatcher's
 * queue with the reason and is tried again after {@code yiyang.dispatch.retry-interval}.
 *
 * <p>The queue is the orders table (ADR 0010): {@code yiyang.dispatch.workers} threads on each node
 * take the due orders in batches ({@link OrderDispatching#dispatchDue}, rows locked with SKIP
 * LOCKED, so workers and nodes never take the same order), decide them with one read of the
 * caregivers' loads ({@link IndexedCandidateChooser#batch}) and write the offers in one
 * transaction. Nothing lives only in memory: an order placed just before a crash is still due
 * afterwards. A worker sleeps when nothing is due; placing, refusing or an expired offer wakes one
 * after the commit (it then waits {@code yiyang.dispatch.linger} so that orders arriving together
 * are decided in one batch), and every {@code yiyang.dispatch.poll-interval} a worker looks anyway
 * (orders placed on other nodes, retries coming due).
 *
 * <p>{@code yiyang.dispatch.auto} switches it off (the dispatcher then dispatches by hand); the
 * switch can also be flipped at run time.
 */
@Component
public class AutoDispatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AutoDispatcher.class);
    private static final int ROUNDS = 3;
    private static final java.time.ZoneId ZONE = java.time.ZoneId.of("Asia/Shanghai");

    private final OrderDispatching orders;
    private final IndexedCandidateChooser chooser;
    private final MessageSource messages;
    private final AtomicBoolean enabled;
    private final Duration retryAfter;
    private final int workers;
    private final int batchSize;
    private final Duration pollInterval;
    private final Duration linger;
    private final Semaphore wake = new Semaphore(0);
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running;

    AutoDispatcher(OrderDispatching orders, IndexedCandidateChooser chooser, MessageSource messages,
                   @Value("${yiyang.dispatch.auto:true}") boolean enabled,
                   @Value("${yiyang.dispatch.retry-interval:PT2M}") Duration retryAfter,
                   @Value("${yiyang.dispatch.workers:2}") int workers,
                   @Value("${yiyang.dispatch.batch-size:64}") int batchSize,
                   @Value("${yiyang.dispatch.poll-interval:PT0.5S}") Duration pollInterval,
                   @Value("${yiyang.dispatch.linger:PT0.025S}") Duration linger) {
        if (workers < 1 || batchSize < 1) {
            throw new IllegalArgumentException("yiyang.dispatch.workers and batch-size must be at least 1: " + workers + ", " + batchSize);
        }
        this.orders = orders;
        this.chooser = chooser;
        this.messages = messages;
        this.enabled = new AtomicBoolean(enabled);
        this.retryAfter = retryAfter;
        this.workers = workers;
        this.batchSize = batchSize;
        this.pollInterval = pollInterval;
        this.linger = linger;
    }

    public boolean isEnabled() {
        return enabled.get();
    }

    public void setEnabled(boolean on) {
        enabled.set(on);
        if (on) {
            wake.release(workers);
        }
    }

    // ---- waking the workers ----------------------------------------------------------------------

    @EventListener
    void on(ServiceOrderPlaced event) {
        wakeAfterCommit();
    }

    @EventListener
    void on(ServiceOrderRefused event) {
        wakeAfterCommit();
    }

    @EventListener
    void on(ServiceOrderOfferExpired event) {
        wakeAfterCommit();
    }

    /** Plain listeners (not transactional ones, which the event publication registry would record): the order row is the durable part. */
    private void wakeAfterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    wakeOne();
                }
            });
        } else {
            wakeOne();
        }
    }

    private void wakeOne() {
        if (wake.availablePermits() < workers) {
            wake.release();
        }
    }

    // ---- the workers ---------------------------------------------------------------------------------

    @Override
    public void start() {
        running = true;
        for (int i = 0; i < workers; i++) {
            Thread t = Thread.ofPlatform().name("dispatch-" + (i + 1)).daemon().unstarted(this::work);
            threads.add(t);
            t.start();
        }
    }

    @Override
    public void stop() {
        running = false;
        wake.release(workers);
        for (Thread t : threads) {
            try {
                t.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        threads.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void work() {
        while (running) {
            int taken = 0;
            if (enabled.get()) {
                try {
                    taken = dispatchDue();
                } catch (RuntimeException e) {
                    // the database may be restarting: the orders stay due, try again after a pause
                    log.warn("Dispatch batch failed, retrying in {}: {}", pollInterval, e.toString());
                }
            }
            if (taken < batchSize) {
                try {
                    if (wake.tryAcquire(pollInterval.toMillis(), TimeUnit.MILLISECONDS) && !linger.isZero()) {
                        // woken by an order just placed: let a few more arrive so that one batch takes them together
                        Thread.sleep(linger);
                    }
                    wake.drainPermits();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** One batch now, on the calling thread: how many orders it took (0 = none due). */
    public int dispatchDue() {
        return orders.dispatchDue(batchSize, retryAfter, this::decide);
    }

    /** The decisions for a batch of due orders; an order whose decision failed is left out (and retried later). */
    private Map<Long, DispatchDecision> decide(List<DispatchContext> due) {
        List<DispatchContext> contexts = new ArrayList<>(due.size());
        List<DispatchRequest> requests = new ArrayList<>(due.size());
        for (DispatchContext ctx : due) {
            try {
                requests.add(request(ctx));
                contexts.add(ctx);
            } catch (RuntimeException e) {
                log.error("Order {} cannot be dispatched automatically: {}", ctx.orderId(), e.toString());
            }
        }
        IndexedCandidateChooser.Batch batch = chooser.batch(requests);
        Map<Long, DispatchDecision> decisions = new HashMap<>();
        for (int i = 0; i < requests.size(); i++) {
            DispatchContext ctx = contexts.get(i);
            try {
                DispatchResult result = batch.choose(i);
                if (result instanceof NoCandidate none) {
                    decisions.put(ctx.orderId(), new DispatchDecision.Unassignable(
                            none.reason(messages, Locale.SIMPLIFIED_CHINESE), none.reason(messages, Locale.ENGLISH)));
                } else {
                    DispatchCandidate best = ((DispatchResult.Candidates) result).best();
                    decisions.put(ctx.orderId(), new DispatchDecision.Offer(best.caregiverId(), best.providerId()));
                    batch.offered(best.caregiverId(), ctx.day());
                }
            } catch (RuntimeException e) {
                log.error("Dispatch of order {} failed", ctx.orderId(), e);
            }
        }
        return decisions;
    }

    /**
     * Dispatches one order now, outside the batches (a dispatcher's "try again", tests): the
     * caregiver it was offered to, or empty when nobody qualified (the order is then marked
     * unassignable) or when the order no longer awaits dispatch.
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
                orders.markUnassignable(orderId, zh, en, java.time.Instant.now().plus(retryAfter));
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
