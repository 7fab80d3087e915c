package org.yiyang.dispatch;

import org.yiyang.shared.GeoPoint;

/**
 * A caregiver with the required skill near a visit, as the dispatcher's map shows them: how far
 * (straight line and travel time), how busy that day, and the first rule they fail ({@code null}
 * when they qualify). A dispatcher may choose someone off duty, overloaded or beyond the radius
 * (they know things the rules do not, e.g. that the caregiver agreed on the phone), never someone
 * without a valid certificate.
 */
public record NearbyCaregiver(long caregiverId, long providerId, GeoPoint home, long distanceMeters, long travelSeconds,
                              int load, int maxDailyOrders, DispatchFilter failed) {

    public boolean qualifies() {
        return failed == null;
    }

    /** Whether a dispatcher may offer the visit by hand: everything but an invalid certificate or a refusal. */
    public boolean dispatchableByHand() {
        return failed != DispatchFilter.CERTIFICATE && failed != DispatchFilter.SKILL && failed != DispatchFilter.DECLINED;
    }
}
