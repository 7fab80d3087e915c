package org.yiyang.shared;


/**
 * Travel time without a road network: the great-circle distance times a detour factor (roads are
 * rarely straight; 1.3 is the usual urban ratio) at a constant speed (15 km/h for caregivers on
 * e-bikes, 4.5 km/h on foot).
 */
public final class StraightLineTravelTime implements TravelTimeModel {

    public static final double DEFAULT_DETOUR_FACTOR = 1.3;
    public static final double E_BIKE_KMH = 15.0;
    public static final double WALKING_KMH = 4.5;

    private final double detourFactor;
    private final double metersPerSecond;

    public StraightLineTravelTime(double detourFactor, double speedKmh) {
        if (!(detourFactor >= 1.0) || Double.isInfinite(detourFactor)) {
            throw new IllegalArgumentException("detour factor must be at least 1: " + detourFactor);
        }
        if (!(speedKmh > 0) || Double.isInfinite(speedKmh)) {
            throw new IllegalArgumentException("speed must be positive: " + speedKmh);
        }
        this.detourFactor = detourFactor;
        this.metersPerSecond = speedKmh / 3.6;
    }

    /** E-bike speed and the default detour factor. */
    public static StraightLineTravelTime byEBike() {
        return new StraightLineTravelTime(DEFAULT_DETOUR_FACTOR, E_BIKE_KMH);
    }

    @Override
    public long seconds(GeoPoint from, GeoPoint to) {
        return secondsFor(from.distanceMeters(to));
    }

    @Override
    public long seconds(GeoPoint from, GeoPoint to, double straightLineMeters) {
        return secondsFor(straightLineMeters);
    }

    /** The travel time for a straight-line distance in metres. */
    public long secondsFor(double straightLineMeters) {
        return Math.round(straightLineMeters * detourFactor / metersPerSecond);
    }

    public double detourFactor() {
        return detourFactor;
    }

    public double speedKmh() {
        return metersPerSecond * 3.6;
    }
}
