package org.yiyang.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.yiyang.coverage.internal.CircleRules;
import org.yiyang.coverage.internal.CoverageIndex;
import org.yiyang.coverage.internal.CoverageIndex.ElderPoint;
import org.yiyang.coverage.internal.CoverageIndex.SitePoint;
import org.yiyang.coverage.internal.CoverageTally;
import org.yiyang.coverage.internal.ElderWeights;
import org.yiyang.coverage.internal.StraightLineWalk;
import org.yiyang.elder.ElderCategory;
import org.yiyang.elder.LivingSituation;
import org.yiyang.elder.LocatedElder;
import org.yiyang.provider.FacilityType;
import org.yiyang.shared.GeoPoint;
import org.yiyang.shared.RegionCode;

/**
 * The coverage arithmetic on a hand-made small city: straight line × 1.3 at 4.5 km/h, so a
 * 15-minute walk (1,125 m) reaches 865 m in a straight line, and the village kilometre 769 m.
 */
class CoverageIndexTests {

    static final GeoPoint ORIGIN = new GeoPoint(35.70, 115.00);
    static final CircleRules RULES = new CircleRules(4.5, 15, 1000);
    static final String TOWN_A = "410902001001";
    static final String TOWN_B = "410902002001";
    static final String VILLAGE = "410902101201";

    static GeoPoint at(double northMeters, double eastMeters) {
        return CoverageFixtures.offset(ORIGIN, northMeters, eastMeters);
    }

    static CoverageIndex city() {
        CoverageIndex index = new CoverageIndex(new StraightLineWalk(1.3, 4.5), RULES, ORIGIN.lat());
        index.loadSite(new SitePoint(100, FacilityType.COMMUNITY_STATION, ORIGIN));
        index.loadSite(new SitePoint(200, FacilityType.CANTEEN, at(3000, 0)));
        index.loadElder(new ElderPoint(1, TOWN_A, at(500, 0), false, 3));   // covered by the station
        index.loadElder(new ElderPoint(2, TOWN_A, at(860, 0), false, 1));   // 860 × 1.3 = 1,118 m ≤ 1,125: covered
        index.loadElder(new ElderPoint(3, TOWN_B, at(0, 870), false, 1));   // 1,131 m: just outside
        index.loadElder(new ElderPoint(4, VILLAGE, at(-760, 0), true, 1));  // village: 988 m ≤ 1,000: covered
        index.loadElder(new ElderPoint(5, VILLAGE, at(0, -780), true, 2));  // village: 1,014 m > 1,000 although a town elder there would be covered
        index.loadElder(new ElderPoint(6, TOWN_B, at(3000, 10), false, 1)); // 3 km away, next to the canteen
        index.computeAll();
        return index;
    }

    @Test
    void sharesOnTheSmallCityAreExact() {
        CoverageIndex index = city();
        int station = CoverageIndex.bit(FacilityType.COMMUNITY_STATION);

        CoverageTally all = CoverageTally.of(index, "410902", 9, station);
        assertThat(all.total().elders()).isEqualTo(6);
        assertThat(all.total().covered()).isEqualTo(3);
        assertThat(all.total().share()).isEqualTo(0.5);

        assertThat(all.group("410902001").covered()).isEqualTo(2);
        assertThat(all.group("410902001").share()).isEqualTo(1.0);
        assertThat(all.group("410902002").elders()).isEqualTo(2);
        assertThat(all.group("410902002").share()).isEqualTo(0.0);
        assertThat(all.group("410902101").share()).isEqualTo(0.5);
        assertThat(all.groups()).containsOnlyKeys("410902001", "410902002", "410902101");

        CoverageTally canteen = CoverageTally.of(index, "410902", 9, CoverageIndex.bit(FacilityType.CANTEEN));
        assertThat(canteen.total().covered()).isEqualTo(1);
        CoverageTally any = CoverageTally.of(index, "", 0, CoverageIndex.anyType());
        assertThat(any.total().covered()).isEqualTo(4);
        CoverageTally dayCare = CoverageTally.of(index, "410902", 9, CoverageIndex.bit(FacilityType.DAY_CARE));
        assertThat(dayCare.total().covered()).isZero();
    }

    @Test
    void villagesHaveTheKilometreAndTownsTheFifteenMinuteWalk() {
        CoverageIndex index = city();
        int station = CoverageIndex.bit(FacilityType.COMMUNITY_STATION);
        assertThat(index.mask(2) & station).isNotZero();  // town, 860 m
        assertThat(index.mask(3) & station).isZero();     // town, 870 m
        assertThat(index.mask(4) & station).isNotZero();  // village, 760 m
        assertThat(index.mask(5) & station).isZero();     // village, 780 m

        // the same point as elder 5, in a town community: within the 15-minute walk
        index.putElder(new ElderPoint(7, TOWN_B, at(0, -780), false, 1));
        assertThat(index.mask(7) & station).isNotZero();
        // with a 2 km village circle, elder 5 is covered
        CoverageIndex wider = new CoverageIndex(new StraightLineWalk(1.3, 4.5), new CircleRules(4.5, 15, 2000), ORIGIN.lat());
        wider.loadSite(new SitePoint(100, FacilityType.COMMUNITY_STATION, ORIGIN));
        wider.loadElder(new ElderPoint(5, VILLAGE, at(0, -780), true, 2));
        wider.computeAll();
        assertThat(wider.mask(5) & station).isNotZero();
    }

    @Test
    void weightedSharesCountVulnerableEldersMore() {
        CoverageIndex index = city();
        CoverageTally t = CoverageTally.of(index, "410902", 9, CoverageIndex.bit(FacilityType.COMMUNITY_STATION));
        // weights 3 + 1 + 1 + 1 + 2 + 1 = 9; covered 3 (elder 1) + 1 (elder 2) + 1 (elder 4) = 5
        assertThat(t.total().weight()).isEqualTo(9.0);
        assertThat(t.total().coveredWeight()).isEqualTo(5.0);
        assertThat(t.total().weightedShare()).isCloseTo(5.0 / 9, within(1e-12));
        assertThat(t.group("410902101").weightedShare()).isCloseTo(1.0 / 3, within(1e-12));
    }

    @Test
    void weightsAddUpForDisabledLivingAloneAndAdvancedAge() {
        ElderWeights weights = new ElderWeights(1.0, 0.5, 0.5);
        LocalDate today = LocalDate.of(2026, 11, 22);
        LocatedElder plain = elder(Set.of(), LivingSituation.WITH_SPOUSE, LocalDate.of(1950, 1, 1));
        LocatedElder all = elder(Set.of(ElderCategory.DISABLED), LivingSituation.ALONE, LocalDate.of(1940, 1, 1));
        LocatedElder severe = elder(Set.of(ElderCategory.SEVERE_DISABILITY, ElderCategory.LIVING_ALONE),
                LivingSituation.WITH_CHILDREN, LocalDate.of(1946, 11, 23)); // turns 80 tomorrow
        assertThat(weights.of(plain, today)).isEqualTo(1.0);
        assertThat(weights.of(all, today)).isEqualTo(3.0);
        assertThat(weights.of(severe, today)).isEqualTo(2.5);
        assertThat(weights.of(severe, today.plusDays(1))).isEqualTo(3.0);
    }

    static LocatedElder elder(Set<ElderCategory> categories, LivingSituation living, LocalDate born) {
        return new LocatedElder(1, new RegionCode(TOWN_A), ORIGIN, categories, living, born);
    }

    @Test
    void aClosedFacilityUncoversOnlyThoseWithNoOtherOfItsType() {
        CoverageIndex index = city();
        int station = CoverageIndex.bit(FacilityType.COMMUNITY_STATION);
        index.putSite(new SitePoint(101, FacilityType.COMMUNITY_STATION, at(900, 0)));
        assertThat(index.mask(3) & station).isZero();
        index.removeSite(100);
        assertThat(index.mask(1) & station).isNotZero(); // 400 m from the new station
        assertThat(index.mask(2) & station).isNotZero();
        assertThat(index.mask(4) & station).isZero();    // the village elder lost the only one near
        index.putSite(new SitePoint(101, FacilityType.DAY_CARE, at(900, 0)));   // changed its type
        assertThat(index.mask(1) & station).isZero();
        assertThat(index.mask(1) & CoverageIndex.bit(FacilityType.DAY_CARE)).isNotZero();
    }

    @Test
    void incrementalUpdatesEqualAFullRecomputationAfterRandomChanges() {
        for (long seed = 1; seed <= 20; seed++) {
            Random random = new Random(seed);
            CoverageIndex live = new CoverageIndex(new StraightLineWalk(1.3, 4.5), RULES, ORIGIN.lat());
            List<ElderPoint> elders = new ArrayList<>();
            List<SitePoint> sites = new ArrayList<>();
            for (int i = 0; i < 400; i++) elders.add(randomElder(random, i));
            for (int i = 0; i < 25; i++) sites.add(randomSite(random, 10_000 + i));
            elders.forEach(live::loadElder);
            sites.forEach(live::loadSite);
            live.computeAll();
            for (int step = 0; step < 300; step++) {
                switch (random.nextInt(6)) {
                    case 0 -> { // a facility opens
                        SitePoint s = randomSite(random, 20_000 + step);
                        sites.add(s);
                        live.putSite(s);
                    }
                    case 1 -> { // one moves or changes type
                        if (sites.isEmpty()) break;
                        int i = random.nextInt(sites.size());
                        SitePoint s = randomSite(random, sites.get(i).id());
                        sites.set(i, s);
                        live.putSite(s);
                    }
                    case 2 -> { // one closes
                        if (sites.isEmpty()) break;
                        live.removeSite(sites.remove(random.nextInt(sites.size())).id());
                    }
                    case 3 -> { // an elder registers
                        ElderPoint e = randomElder(random, 50_000 + step);
                        elders.add(e);
                        live.putElder(e);
                    }
                    case 4 -> { // one moves (maybe into a village)
                        int i = random.nextInt(elders.size());
                        ElderPoint e = randomElder(random, elders.get(i).id());
                        elders.set(i, e);
                        live.putElder(e);
                    }
                    default -> { // one moves out or dies
                        live.removeElder(elders.remove(random.nextInt(elders.size())).id());
                    }
                }
            }
            CoverageIndex full = new CoverageIndex(new StraightLineWalk(1.3, 4.5), RULES, ORIGIN.lat());
            elders.forEach(full::loadElder);
            sites.forEach(full::loadSite);
            full.computeAll();
            assertThat(live.masks()).as("seed %d", seed).isEqualTo(full.masks());
            assertThat(live.elderCount()).isEqualTo(elders.size());
            assertThat(live.masks().values()).as("the random city has covered and uncovered elders").contains(0).anyMatch(m -> m != 0);
        }
    }

    static ElderPoint randomElder(Random random, long id) {
        boolean village = random.nextInt(4) == 0;
        String community = village ? "410902101" + (201 + random.nextInt(3)) : "41090200" + (1 + random.nextInt(3)) + "00" + (1 + random.nextInt(5));
        return new ElderPoint(id, community, at(random.nextDouble() * 6000 - 3000, random.nextDouble() * 6000 - 3000),
                village, 1 + random.nextInt(3) * 0.5);
    }

    static SitePoint randomSite(Random random, long id) {
        FacilityType type = EnumSet.of(FacilityType.COMMUNITY_STATION, FacilityType.DAY_CARE, FacilityType.CANTEEN)
                .stream().toList().get(random.nextInt(3));
        return new SitePoint(id, type, at(random.nextDouble() * 6000 - 3000, random.nextDouble() * 6000 - 3000));
    }

    @Test
    void theNearestFacilityIsFoundWithinTheLimit() {
        CoverageIndex index = city();
        assertThat(index.nearestSiteMeters(at(0, 1500), CoverageIndex.bit(FacilityType.COMMUNITY_STATION), 5000))
                .isCloseTo(1500, within(1.0));
        assertThat(index.nearestSiteMeters(at(0, 1500), CoverageIndex.bit(FacilityType.DAY_CARE), 5000)).isNaN();
        assertThat(index.nearestSiteMeters(at(2900, 0), CoverageIndex.anyType(), 5000)).isCloseTo(100, within(1.0));
    }
}
