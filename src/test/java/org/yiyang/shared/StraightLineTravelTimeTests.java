package org.yiyang.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class StraightLineTravelTimeTests {

    private static final GeoPoint ELDER = new GeoPoint(35.7618, 115.0292);

    private static GeoPoint north(double meters) {
        return new GeoPoint(ELDER.lat() + meters / 111_195.0, ELDER.lng());
    }

    @Test
    void eBikeTakesDistanceTimesDetourAtFifteenKmPerHour() {
        GeoPoint oneKmNorth = north(1_000);
        double meters = ELDER.distanceMeters(oneKmNorth);
        assertThat(meters).isBetween(999.0, 1001.0);
        // 1 km × 1.3 = 1.3 km at 15 km/h = 312 s
        assertThat(StraightLineTravelTime.byEBike().seconds(oneKmNorth, ELDER)).isBetween(311L, 313L);
        assertThat(StraightLineTravelTime.byEBike().secondsFor(1_000)).isEqualTo(312);
    }

    @Test
    void walkingIsSlowerAndTheDetourFactorScales() {
        assertThat(new StraightLineTravelTime(1.3, StraightLineTravelTime.WALKING_KMH).secondsFor(1_000)).isEqualTo(1_040);
        assertThat(new StraightLineTravelTime(1.0, 15).secondsFor(1_000)).isEqualTo(240);
        assertThat(new StraightLineTravelTime(1.0, 15).seconds(ELDER, ELDER)).isZero();
    }

    @Test
    void manyOriginsAtOnceGiveTheSameAsOneByOne() {
        StraightLineTravelTime model = StraightLineTravelTime.byEBike();
        List<org.yiyang.shared.GeoPoint> origins = List.of(north(100), north(2_000), north(4_500));

        assertThat(model.secondsTo(origins, ELDER))
                .containsExactly(model.seconds(origins.get(0), ELDER), model.seconds(origins.get(1), ELDER), model.seconds(origins.get(2), ELDER));
    }

    @Test
    void rejectsImpossibleSettings() {
        assertThatThrownBy(() -> new StraightLineTravelTime(0.9, 15)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new StraightLineTravelTime(1.3, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new StraightLineTravelTime(Double.NaN, 15)).isInstanceOf(IllegalArgumentException.class);
    }
}
