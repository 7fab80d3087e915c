package org.yiyang.dispatch;

/**
 * The filters a caregiver passes to become a candidate, in the order they are applied when
 * explaining why nobody qualified (message keys {@code dispatch.no-candidate.<name in lower case>}).
 */
public enum DispatchFilter {
    /** Lacks the skill the service requires. */
    SKILL,
    /** The certificate is no longer valid on the day of the visit. */
    CERTIFICATE,
    /** Not working that day, or not for the whole window and service. */
    OFF_DUTY,
    /** Further than the dispatch radius from the elder. */
    TOO_FAR,
    /** Already has as many orders that day as they take. */
    OVERLOADED,
    /** Already refused this order or let the offer expire. */
    DECLINED
}
