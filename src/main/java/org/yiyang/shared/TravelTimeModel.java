package org.yiyang.shared;

import java.util.List;

/**
 * How long a caregiver needs to get from one point to another. The default is
 * {@link StraightLineTravelTime}; a road-network model (e.g. GraphHopper on an OSM extract) can
 * replace it by declaring another bean of this type. Such models answer one-to-many queries much
 * faster than many single ones, hence {@link #secondsTo(List, GeoPoint)}.
 */
public interface TravelTimeModel {

    /** Travel time in whole seconds (never negative). */
    long seconds(GeoPoint from, GeoPoint to);

    /**
     * The same when the caller already knows the great-circle distance between the points (a
     * straight-line model then needs no second computation of it).
     */
    default long seconds(GeoPoint from, GeoPoint to, double straightLineMeters) {
        return seconds(from, to);
    }

    /** Travel times from each origin to one destination, in the origins' order. */
    default long[] secondsTo(List<GeoPoint> origins, GeoPoint destination) {
        long[] result = new long[origins.size()];
        for (int i = 0; i < result.length; i++) {
            result[i] = seconds(origins.get(i), destination);
        }
        return result;
    }
}
