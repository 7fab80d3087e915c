package org.yiyang.provider;

import java.time.LocalDate;
import java.util.Set;
import org.yiyang.shared.GeoPoint;
import org.yiyang.shared.RegionCode;

/**
 * A caregiver who may be offered a visit (see {@link CaregiverDirectory#candidatesFor}): where they
 * start from, what they can do, and how much work they take.
 *
 * @param certificateExpiry the skill certificate’s last valid day (null when none is on record: never qualifies)
 * @param window            working days and daily shift
 * @param maxDailyOrders    how many visits a day at most
 */
public record CaregiverCandidate(long id, long providerId, GeoPoint home, RegionCode homeRegion,
                                 Set<CaregiverSkill> skills, LocalDate certificateExpiry,
                                 CaregiverWorkWindow window, int maxDailyOrders) {
}
