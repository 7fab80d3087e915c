package org.yiyang.order;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The platform's side of dispatch (派单), for the dispatch module: not scoped to a user, it acts as
 * the platform ("system" in the order's history). Offering locks the order's row and checks its
 * state, so one order is offered to one caregiver at a time whatever the number of dispatch
 * workers or nodes.
 */
public interface OrderDispatching {

    /** The order's dispatch context while it awaits dispatch (state CREATED); empty otherwise or when absent. */
    Optional<DispatchContext> awaitingDispatch(long orderId);

    /**
     * Offers the order to the caregiver until the configured offer expiry. False, changing nothing,
     * when the order no longer awaits dispatch (someone else offered it, it was cancelled, …) or
     * the caregiver already refused it or let an offer of it expire.
     */
    boolean offer(long orderId, long caregiverId, long providerId);

    /**
     * Nobody qualifies: the order stays awaiting dispatch, in the dispatcher's queue with the reason,
     * and automatic dispatch tries it again at {@code retryAt}. No-op unless awaiting dispatch.
     */
    void markUnassignable(long orderId, String reasonZh, String reasonEn, java.time.Instant retryAt);

    /**
     * One batch of automatic dispatch, in one transaction: takes up to {@code limit} orders due for
     * dispatch (placed, refused, offer expired, or unassignable and due for a retry), locked so that
     * other workers and nodes skip them, asks {@code decide} for each one's decision (it may read
     * loads through this interface meanwhile), and applies them: offers (with history and events),
     * unassignable marks retried after {@code retryAfter}; an order without a decision is retried
     * after {@code retryAfter} too. Returns how many orders the batch took (0 = none due).
     */
    int dispatchDue(int limit, java.time.Duration retryAfter,
                    java.util.function.Function<java.util.List<DispatchContext>, Map<Long, DispatchDecision>> decide);

    /** Each caregiver's orders on the day (offered or accepted and not cancelled); absent = none. */
    Map<Long, Integer> loadOn(Collection<Long> caregiverIds, LocalDate day);

    /** The caregivers who completed a visit to the elder. */
    Set<Long> caregiversWhoServed(long elderId);
}
