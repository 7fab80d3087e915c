package org.yiyang.coverage;

import org.yiyang.shared.GeoPoint;

/** Points placed by metres north and east of another (exact enough over a few kilometres). */
public final class CoverageFixtures {

    private CoverageFixtures() {
    }

    public static GeoPoint offset(GeoPoint from, double northMeters, double eastMeters) {
        double k = 6_371_008.8 * Math.PI / 180;
        double lat = from.lat() + northMeters / k;
        double lng = from.lng() + eastMeters / (k * Math.cos(Math.toRadians((from.lat() + lat) / 2)));
        return new GeoPoint(lat, lng);
    }
}
