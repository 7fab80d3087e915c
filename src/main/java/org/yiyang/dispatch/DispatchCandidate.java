package org.yiyang.dispatch;

import java.util.Set;
import org.yiyang.shared.GeoPoint;

/**
 * A qualified caregiver in ranked order: who, from where, how far ({@code distanceMeters} in a
 * straight line, {@code travelSeconds} by the travel-time model), how busy that day
 * ({@code load} of {@code maxDailyOrders}), their rating and why they rank where they do.
 */
public record DispatchCandidate(long caregiverId, long providerId, GeoPoint home, long travelSeconds,
                                long distanceMeters, int load, int maxDailyOrders, double rating,
                                Set<CandidateReason> reasons) {

    public DispatchCandidate {
        reasons = Set.copyOf(reasons);
    }
}
