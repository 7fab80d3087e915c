package org.yiyang.order;

/** What automatic dispatch decided for one order of a batch ({@link OrderDispatching#dispatchDue}). */
public sealed interface DispatchDecision {

    /** Offer the order to this caregiver. */
    record Offer(long caregiverId, long providerId) implements DispatchDecision {
    }

    /** Nobody qualifies: the order waits in the dispatcher's queue with the reason and is tried again later. */
    record Unassignable(String reasonZh, String reasonEn) implements DispatchDecision {
    }
}
