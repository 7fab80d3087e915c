package org.yiyang.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.yiyang.shared.GeoPoint;

class RadiusCoverageTests {

    @Test
    void distanceIsExactlyTheSharedGeoPointDistance() {
        SplittableRandom r = new SplittableRandom(1);
        for (int i = 0; i < 100_000; i++) {
            double lat1 = r.nextDouble(-89, 89);
            double lng1 = r.nextDouble(-180, 180);
            double lat2 = lat1 + r.nextDouble(-0.05, 0.05);
            double lng2 = Math.max(-180, Math.min(180, lng1 + r.nextDouble(-0.05, 0.05)));
            lat2 = Math.max(-90, Math.min(90, lat2));
            assertThat(RadiusCoverage.distanceMeters(lat1, lng1, lat2, lng2))
                    .isEqualTo(new GeoPoint(lat1, lng1).distanceMeters(new GeoPoint(lat2, lng2)));
        }
    }

    @Test
    void aPointExactlyOnTheCircleIsCoveredAndOneBeyondIsNot() {
        SplittableRandom r = new SplittableRandom(2);
        for (int i = 0; i < 2_000; i++) {
            GeoPoint site = new GeoPoint(r.nextDouble(-60, 60), r.nextDouble(-170, 170));
            GeoPoint elder = new GeoPoint(site.lat() + r.nextDouble(-0.01, 0.01), site.lng() + r.nextDouble(-0.01, 0.01));
            double d = site.distanceMeters(elder);
            assertThat(RadiusCoverage.within(List.of(elder), List.of(site), d)[0]).as("at %s m", d).containsExactly(0);
            assertThat(RadiusCoverage.within(List.of(elder), List.of(site), Math.nextDown(d))[0]).as("beyond %s m", d).isEmpty();
        }
    }

    @Test
    void gridAnswersLikeBruteForce() {
        SplittableRandom r = new SplittableRandom(3);
        for (double[] place : new double[][] {{35.76, 115.03}, {69.65, 18.96}, {-33.9, 151.2}, {0.1, 179.9}}) {
            List<GeoPoint> demand = new ArrayList<>();
            List<GeoPoint> sites = new ArrayList<>();
            for (int i = 0; i < 3_000; i++) {
                demand.add(new GeoPoint(place[0] + r.nextDouble(-0.05, 0.05), Math.min(180, place[1] + r.nextDouble(-0.08, 0.08))));
            }
            for (int i = 0; i < 150; i++) {
                sites.add(new GeoPoint(place[0] + r.nextDouble(-0.07, 0.07), Math.min(180, place[1] + r.nextDouble(-0.1, 0.1))));
            }
            for (double radius : new double[] {0, 150, 800, 2_500}) {
                int[][] cover = RadiusCoverage.within(demand, sites, radius);
                for (int c = 0; c < sites.size(); c++) {
                    List<Integer> expected = new ArrayList<>();
                    for (int i = 0; i < demand.size(); i++) {
                        if (sites.get(c).distanceMeters(demand.get(i)) <= radius) expected.add(i);
                    }
                    assertThat(cover[c]).as("%s radius %s site %d", place[0], radius, c)
                            .containsExactly(expected.stream().mapToInt(Integer::intValue).toArray());
                }
            }
        }
    }

    @Test
    void radiusZeroCoversOnlyTheSamePlaceAndAHugeRadiusEverything() {
        List<GeoPoint> demand = List.of(new GeoPoint(35.0, 115.0), new GeoPoint(35.0, 115.000001), new GeoPoint(-35, -65));
        List<GeoPoint> sites = List.of(new GeoPoint(35.0, 115.0));
        assertThat(RadiusCoverage.within(demand, sites, 0)[0]).containsExactly(0);
        assertThat(RadiusCoverage.within(demand, sites, 0.5)[0]).containsExactly(0, 1);
        assertThat(RadiusCoverage.within(demand, sites, 21_000_000)[0]).containsExactly(0, 1, 2);
    }

    @Test
    void candidatesOutsideTheDemandAreaStillFindTheirNeighbours() {
        List<GeoPoint> demand = List.of(new GeoPoint(35.0, 115.0), new GeoPoint(35.01, 115.01));
        // 300 m north of the northernmost demand point, outside the grid
        GeoPoint north = new GeoPoint(35.01 + 300 / 111_195.0, 115.01);
        GeoPoint far = new GeoPoint(36, 116);
        int[][] cover = RadiusCoverage.within(demand, List.of(north, far), 400);
        assertThat(cover[0]).containsExactly(1);
        assertThat(cover[1]).isEmpty();
    }

    @Test
    void aNegativeRadiusIsRejected() {
        assertThatThrownBy(() -> RadiusCoverage.within(List.of(), List.of(), -1)).isInstanceOf(IllegalArgumentException.class);
    }
}
