package org.yiyang.dispatch;

/**
 * Chooses the caregivers for a visit: the qualified ones (skill, certificate valid on the day, on
 * duty for the window, not overloaded, within the radius, not having declined) ranked by travel
 * time, near-ties broken by continuity of care and then by rating; or, when nobody qualifies, why.
 * Thread-safe; it neither reserves nor assigns anything (the order module offers the visit to the
 * first candidate and locks the order).
 */
public interface CandidateChooser {

    DispatchResult choose(DispatchRequest request);

    /**
     * The caregivers with the request's skill whose home base lies within twice the dispatch
     * radius, nearest (by travel time) first, at most {@code limit}, each with the first rule they
     * fail: what the dispatcher's map shows for a manual dispatch.
     */
    java.util.List<NearbyCaregiver> nearby(DispatchRequest request, int limit);
}
