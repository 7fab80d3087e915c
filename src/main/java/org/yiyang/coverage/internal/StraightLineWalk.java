package org.yiyang.coverage.internal;

import org.yiyang.shared.GeoPoint;
import org.yiyang.shared.StraightLineTravelTime;

/**
 * Walking without a road network: the straight line × a detour factor at walking speed (the same
 * rule as {@link StraightLineTravelTime}, which dispatch uses for e-bikes).
 */
public final class StraightLineWalk implements WalkModel {

    private final double detourFactor;
    private final double metersPerSecond;

    public StraightLineWalk(double detourFactor, double speedKmh) {
        // the shared model validates the same numbers
        StraightLineTravelTime rule = new StraightLineTravelTime(detourFactor, speedKmh);
        this.detourFactor = rule.detourFactor();
        this.metersPerSecond = speedKmh / 3.6;
    }

    @Override
    public double maxStraightMeters(double seconds) {
        return seconds * metersPerSecond / detourFactor;
    }

    @Override
    public Origin origin(GeoPoint from, double maxSeconds) {
        double lat = from.lat();
        double lng = from.lng();
        return (at, place) -> {
            double s = WalkModel.metres(lat, lng, at.lat(), at.lng()) * detourFactor / metersPerSecond;
            return s <= maxSeconds ? s : Double.POSITIVE_INFINITY;
        };
    }

    @Override
    public Object place(GeoPoint at) {
        return null;
    }

    @Override
    public String name() {
        return "straight-line";
    }
}
