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

    /** Nobody qualifies: the order stays awaiting dispatch, in the dispatcher's queue with the reason. No-op unless awaiting dispatch. */
    void markUnassignable(long orderId, String reasonZh, String reasonEn);

    /**
     * Orders placed after {@code placedAfter} still awaiting dispatch with nothing happening since
     * {@code before} (marked unassignable or never dispatched), oldest first.
     */
    java.util.List<Long> stillAwaitingDispatch(java.time.Instant placedAfter, java.time.Instant before, int limit);

    /** Each caregiver's orders on the day (offered or accepted and not cancelled); absent = none. */
    Map<Long, Integer> loadOn(Collection<Long> caregiverIds, LocalDate day);

    /** The caregivers who completed a visit to the elder. */
    Set<Long> caregiversWhoServed(long elderId);
}
