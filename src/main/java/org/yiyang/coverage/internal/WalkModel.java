package org.yiyang.coverage.internal;

import org.yiyang.shared.GeoPoint;

/**
 * Walking times for the service circles, asked the way coverage needs them: from one facility to
 * many homes. {@link #origin} prepares a facility once (for a road network: the shortest-path tree
 * up to the longest circle), {@link #place} a home once; then {@link Origin#seconds} is cheap.
 */
public interface WalkModel {

    /**
     * A bound on the straight-line distance of any place reachable within the time, so a spatial
     * index can leave out everything farther away.
     */
    double maxStraightMeters(double seconds);

    /** A facility's location prepared for walking times up to {@code maxSeconds}. */
    Origin origin(GeoPoint from, double maxSeconds);

    /** A home prepared for {@link Origin#seconds}; may be null when the model needs nothing but the point. */
    Object place(GeoPoint at);

    /** A short name for reports: "straight-line" or "road-network". */
    String name();

    interface Origin {

        /**
         * Walking seconds from the origin to the place, or {@link Double#POSITIVE_INFINITY} when it
         * cannot be reached within the origin's {@code maxSeconds}.
         */
        double seconds(GeoPoint at, Object place);
    }

    /**
     * Metres between two points close to each other (a few km): the equirectangular approximation
     * at their mean latitude, within 0.01 % of the great circle at these distances and much cheaper.
     */
    static double metres(double lat1, double lng1, double lat2, double lng2) {
        double k = 6_371_008.8 * Math.PI / 180;
        double dy = (lat2 - lat1) * k;
        double dx = (lng2 - lng1) * k * Math.cos(Math.toRadians((lat1 + lat2) / 2));
        return Math.sqrt(dx * dx + dy * dy);
    }
}
