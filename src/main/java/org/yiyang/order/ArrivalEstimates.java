package org.yiyang.order;

import java.time.Instant;
import org.yiyang.shared.GeoPoint;

/**
 * How soon a caregiver could come, for the operator placing an order: the dispatch module
 * implements it with the same rules automatic dispatch applies (the order module does not know
 * them). Without an implementation no estimate is shown.
 */
public interface ArrivalEstimates {

    /**
     * For a service needing {@code requiredSkill} (a {@code CaregiverSkill} name or null) at
     * {@code location}, as soon as possible ({@code windowFrom} null) or in a window.
     */
    Estimate estimate(long elderId, String requiredSkill, GeoPoint location, Instant windowFrom, Instant windowTo,
                      int standardMinutes);

    /**
     * {@code travelMinutes} of the best qualified caregiver (null when nobody qualifies, then
     * {@code reason} says why, in the caller's language), and how many qualify.
     */
    record Estimate(Integer travelMinutes, int qualified, String reason) {
    }
}
