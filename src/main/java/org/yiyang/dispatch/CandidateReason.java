package org.yiyang.dispatch;

/**
 * Why a candidate stands where it does in the ranking, shown to the dispatcher (labels
 * {@code dispatch.reason.<NAME>}).
 */
public enum CandidateReason {
    /** The shortest travel time of all qualified caregivers. */
    NEAREST,
    /** Within the tie tolerance of another candidate: continuity and rating decided the order. */
    TIED,
    /** Has served this elder before (continuity of care). */
    SERVED_BEFORE,
    /** The certificate expires within 30 days of the visit. */
    CERTIFICATE_EXPIRING
}
