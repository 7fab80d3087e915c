package org.yiyang.provider;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.yiyang.provider.FacilityShortfall.Measure;
import org.yiyang.shared.RegionCode;

class FacilityStandardTests {

    /** Source document 001 (Puyang): street centre at least 1,500 m² and 50 beds. */
    private final FacilityStandard streetCentre = new FacilityStandard(1L, "", FacilityType.STREET_CENTRE,
            new BigDecimal("1500"), 50, "001");

    @Test
    void aCentreAboveBothMinimumsLacksNothing() {
        assertThat(streetCentre.shortfalls(new BigDecimal("2400.5"), 80)).isEmpty();
    }

    @Test
    void exactlyAtTheMinimumMeetsTheStandard() {
        assertThat(streetCentre.shortfalls(new BigDecimal("1500.0"), 50)).isEmpty();
    }

    @Test
    void justBelowEitherMinimumIsLacking() {
        assertThat(streetCentre.shortfalls(new BigDecimal("1499.9"), 50))
                .containsExactly(new FacilityShortfall(Measure.AREA, new BigDecimal("1499.9"), new BigDecimal("1500")));
        assertThat(streetCentre.shortfalls(new BigDecimal("1500"), 49))
                .containsExactly(new FacilityShortfall(Measure.BEDS, BigDecimal.valueOf(49), BigDecimal.valueOf(50)));
    }

    @Test
    void aSmallCentreLacksAreaAndBedsInThatOrder() {
        List<FacilityShortfall> lacks = streetCentre.shortfalls(new BigDecimal("1200"), 30);
        assertThat(lacks).extracting(FacilityShortfall::measure).containsExactly(Measure.AREA, Measure.BEDS);
        assertThat(lacks.get(0).actual()).isEqualByComparingTo("1200");
        assertThat(lacks.get(0).required()).isEqualByComparingTo("1500");
        assertThat(lacks.get(1).actual()).isEqualByComparingTo("30");
        assertThat(lacks.get(1).required()).isEqualByComparingTo("50");
    }

    @Test
    void anUnrecordedMeasureThatTheRuleRequiresIsLacking() {
        List<FacilityShortfall> lacks = streetCentre.shortfalls(null, 60);
        assertThat(lacks).containsExactly(new FacilityShortfall(Measure.AREA, null, new BigDecimal("1500")));
    }

    @Test
    void aRuleWithoutABedMinimumIgnoresBeds() {
        FacilityStandard station = new FacilityStandard(2L, "", FacilityType.COMMUNITY_STATION, new BigDecimal("350"), null, "Guizhou");
        assertThat(station.shortfalls(new BigDecimal("400"), null)).isEmpty();
        assertThat(station.shortfalls(new BigDecimal("349"), 0)).extracting(FacilityShortfall::measure).containsExactly(Measure.AREA);
    }

    @Test
    void theLongestMatchingPrefixWins() {
        FacilityStandard city = new FacilityStandard(3L, "4109", FacilityType.STREET_CENTRE, new BigDecimal("1200"), 40, "city");
        FacilityStandard county = new FacilityStandard(4L, "410902", FacilityType.STREET_CENTRE, new BigDecimal("1000"), null, "county");
        FacilityStandard otherCounty = new FacilityStandard(5L, "410922", FacilityType.STREET_CENTRE, new BigDecimal("900"), null, "other");
        FacilityStandard dayCare = new FacilityStandard(6L, "410902001", FacilityType.DAY_CARE, new BigDecimal("100"), 5, "street");
        List<FacilityStandard> rules = List.of(streetCentre, city, county, otherCounty, dayCare);

        assertThat(FacilityStandard.applicable(rules, FacilityType.STREET_CENTRE, RegionCode.of("410902001000"))).contains(county);
        assertThat(FacilityStandard.applicable(rules, FacilityType.STREET_CENTRE, RegionCode.of("410923001000"))).contains(city);
        assertThat(FacilityStandard.applicable(rules, FacilityType.STREET_CENTRE, RegionCode.of("110101001000"))).contains(streetCentre);
        // a rule for another type never applies, however long its prefix
        assertThat(FacilityStandard.applicable(rules, FacilityType.DAY_CARE, RegionCode.of("410902001002"))).contains(dayCare);
        assertThat(FacilityStandard.applicable(rules, FacilityType.DAY_CARE, RegionCode.of("410902002002"))).isEmpty();
    }

    @Test
    void theLocalRuleDecidesWhetherAFacilityIsBelowStandard() {
        FacilityStandard county = new FacilityStandard(4L, "410902", FacilityType.STREET_CENTRE, new BigDecimal("1000"), null, "county");
        FacilityStandard rule = FacilityStandard.applicable(List.of(streetCentre, county), FacilityType.STREET_CENTRE,
                RegionCode.of("410902001000")).orElseThrow();
        StandardCheck check = StandardCheck.of(rule, new Facility.Size(new BigDecimal("1200"), 30));
        assertThat(check.belowStandard()).isFalse();
        StandardCheck elsewhere = StandardCheck.of(streetCentre, new Facility.Size(new BigDecimal("1200"), 30));
        assertThat(elsewhere.belowStandard()).isTrue();
        assertThat(StandardCheck.of(null, new Facility.Size(null, null)).belowStandard()).isFalse();
    }
}
