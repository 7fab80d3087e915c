package org.yiyang.shared;

/** A WGS-84 coordinate. Serialised as {"lat": 35.76, "lng": 115.03}. */
public record GeoPoint(double lat, double lng) {

    private static final double EARTH_RADIUS_M = 6_371_008.8;

    public GeoPoint {
        if (Double.isNaN(lat) || lat < -90 || lat > 90 || Double.isNaN(lng) || lng < -180 || lng > 180) {
            throw new InvalidValueException("geo.invalid", lat + "," + lng);
        }
    }

    /** Great-circle distance in metres (haversine). */
    public double distanceMeters(GeoPoint other) {
        double dLat = Math.toRadians(other.lat - lat);
        double dLng = Math.toRadians(other.lng - lng);
        double a = Math.sin(dLat / 2) * Math.sin(dLat / 2)
                + Math.cos(Math.toRadians(lat)) * Math.cos(Math.toRadians(other.lat))
                * Math.sin(dLng / 2) * Math.sin(dLng / 2);
        return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(a)));
    }
}
