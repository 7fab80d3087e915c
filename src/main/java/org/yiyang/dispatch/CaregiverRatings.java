package org.yiyang.dispatch;

/**
 * How well a caregiver is rated (the elders' and families' average, 1–5 stars). Caregivers nobody
 * rated yet get {@link #NEUTRAL}, so they neither win nor lose a tie against an average caregiver.
 */
public interface CaregiverRatings {

    double NEUTRAL = 3.0;

    /** Everyone {@link #NEUTRAL}: the default until the order module rates visits. */
    CaregiverRatings UNRATED = caregiverId -> NEUTRAL;

    double ratingOf(long caregiverId);
}
