package org.yiyang.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yiyang.coverage.internal.CircleRules;
import org.yiyang.coverage.internal.CoverageIndex;
import org.yiyang.coverage.internal.CoverageIndex.ElderPoint;
import org.yiyang.coverage.internal.CoverageIndex.SitePoint;
import org.yiyang.coverage.internal.RoadNetworkWalk;
import org.yiyang.coverage.internal.StraightLineWalk;
import org.yiyang.provider.FacilityType;
import org.yiyang.shared.GeoPoint;

/**
 * A river town built in the test as an OpenStreetMap extract: a street on each bank 300 m apart,
 * 4 km long, with the only bridge at the east end, and a footpath up a hillside that zigzags. With
 * the extract configured the circles follow the ways; without it the straight line decides.
 */
class RoadNetworkWalkTests {

    static final GeoPoint O = new GeoPoint(35.76, 115.03);
    static final CircleRules RULES = new CircleRules(4.5, 15, 1000);
    static final String TOWN = "410902001001";

    @TempDir
    static Path dir;
    static RoadNetworkWalk roads;

    static GeoPoint at(double north, double east) {
        return CoverageFixtures.offset(O, north, east);
    }

    @BeforeAll
    static void buildTheTown() throws Exception {
        TinyOsmPbf osm = new TinyOsmPbf();
        List<Long> south = osm.way("residential", at(0, -2000), at(0, -1000), at(0, 0), at(0, 1000), at(0, 2000));
        List<Long> north = osm.way("residential", at(300, -2000), at(300, -1000), at(300, 0), at(300, 1000), at(300, 2000));
        osm.wayThrough("footway", List.of(south.getLast(), north.getLast()));   // the bridge, 2 km east
        // a zigzag path from the south street up a hill to the south: 6 legs of 300 m, 200 m apart
        List<Long> hill = osm.way("footway", at(0, -1500), at(-200, -1200), at(-400, -1500), at(-600, -1200),
                at(-800, -1500), at(-1000, -1200));
        osm.wayThrough("residential", List.of(south.get(0), hill.getFirst(), south.get(1)));
        Path file = dir.resolve("river-town.osm.pbf");
        osm.write(file);
        roads = new RoadNetworkWalk(file, dir.resolve("graph"), 4.5, 1.3, 300);
    }

    @AfterAll
    static void close() {
        if (roads != null) roads.close();
    }

    @Test
    void walkingTimesFollowTheStreets() {
        // 20 m to the street, 800 m along it, 10 m off it: 830 m at 1.25 m/s
        assertThat(roads.seconds(at(-20, 0), at(-10, 800), 3600)).isCloseTo(830 / 1.25, within(8.0));
        // across the river: 20 + 2,000 + 300 + 2,000 + 20 m by the bridge
        assertThat(roads.seconds(at(-20, 0), at(320, 0), 7200)).isCloseTo(4340 / 1.25, within(30.0));
        // beyond the budget the answer is "not reachable"
        assertThat(roads.seconds(at(-20, 0), at(320, 0), 900)).isInfinite();
    }

    @Test
    void anElderAcrossTheRiverIsNotCoveredAlthoughWithinStraightLineReach() {
        SitePoint station = new SitePoint(1, FacilityType.COMMUNITY_STATION, at(-20, 0));
        ElderPoint acrossTheRiver = new ElderPoint(1, TOWN, at(320, 0), false, 1);   // 340 m straight
        ElderPoint alongTheStreet = new ElderPoint(2, TOWN, at(-10, 800), false, 1);  // 830 m by the street
        ElderPoint upTheHill = new ElderPoint(3, TOWN, at(-1010, -1200), false, 1);   // 1.57 km straight; the path is longer
        ElderPoint nearTheHill = new ElderPoint(4, TOWN, at(-190, -1200), false, 1);  // 1.21 km straight, 1.86 km by the path

        CoverageIndex byRoad = new CoverageIndex(roads, RULES, O.lat());
        CoverageIndex byLine = new CoverageIndex(new StraightLineWalk(1.3, 4.5), RULES, O.lat());
        for (CoverageIndex index : List.of(byRoad, byLine)) {
            index.loadSite(station);
            List.of(acrossTheRiver, alongTheStreet, upTheHill, nearTheHill).forEach(index::loadElder);
            index.computeAll();
        }
        int bit = CoverageIndex.bit(FacilityType.COMMUNITY_STATION);
        assertThat(byLine.mask(1) & bit).as("straight line: 340 m × 1.3").isNotZero();
        assertThat(byRoad.mask(1) & bit).as("by road: 4.3 km round by the bridge").isZero();
        assertThat(byRoad.mask(2) & bit).isNotZero();
        assertThat(byLine.mask(2) & bit).isNotZero();
        assertThat(byRoad.mask(3) & bit).isZero();
        assertThat(byRoad.mask(4) & bit).isZero();

        // a station on the north bank covers the elder across the river, incrementally
        byRoad.putSite(new SitePoint(2, FacilityType.COMMUNITY_STATION, at(320, 100)));
        assertThat(byRoad.mask(1) & bit).isNotZero();
        assertThat(byRoad.mask(2) & bit).isNotZero();
    }

    @Test
    void placesFarFromAnyWayFallBackToTheStraightLine() {
        // 5 km north of the town: no way within 300 m
        GeoPoint far = at(5000, 0);
        assertThat(roads.place(far)).isNull();
        assertThat(roads.seconds(far, at(5500, 0), 3600)).isCloseTo(500 * 1.3 / 1.25, within(1.0));
    }
}
