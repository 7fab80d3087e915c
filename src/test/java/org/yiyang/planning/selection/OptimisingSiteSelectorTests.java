package org.yiyang.planning.selection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.yiyang.coverage.CandidateSite;
import org.yiyang.coverage.DemandPoint;
import org.yiyang.coverage.GreedySiteSelector;
import org.yiyang.coverage.PlanningInstance;
import org.yiyang.coverage.SitePlan;
import org.yiyang.planning.CityInstances;
import org.yiyang.planning.RadiusCoverage;
import org.yiyang.shared.GeoPoint;

class OptimisingSiteSelectorTests {

    private final OptimisingSiteSelector selector = new OptimisingSiteSelector(Duration.ofMillis(500));

    @Test
    void coversAtLeastAsMuchAsGreedyWithGainsInOrder() {
        CityInstances.Points d = CityInstances.demand(21, 1_500, 3_000, 8, 1, 3);
        CityInstances.Points c = CityInstances.candidatesNearDemand(21, 120, d, 150);
        List<DemandPoint> demand = new ArrayList<>();
        for (int i = 0; i < d.size(); i++) demand.add(new DemandPoint(i, new GeoPoint(d.lat()[i], d.lng()[i]), d.weight()[i]));
        List<CandidateSite> sites = new ArrayList<>();
        for (int j = 0; j < c.size(); j++) sites.add(new CandidateSite("same-id", "site " + j, new GeoPoint(c.lat()[j], c.lng()[j])));
        int[][] covers = RadiusCoverage.within(d.lat(), d.lng(), c.lat(), c.lng(), 400);
        PlanningInstance instance = new PlanningInstance("410900000000", "DAY_CARE", demand, sites, covers);

        SitePlan plan = selector.select(instance, 8);
        SitePlan greedy = new GreedySiteSelector().select(instance, 8);

        assertThat(plan.sites()).hasSize(8);
        assertThat(plan.coveredWeight()).isGreaterThanOrEqualTo(greedy.coveredWeight());
        int[] chosen = plan.sites().stream().mapToInt(s -> sites.indexOf(s.site())).toArray();
        assertThat(instance.coveredWeight(chosen)).isEqualTo(plan.coveredWeight());
        double previous = Double.MAX_VALUE;
        long elders = 0;
        for (SitePlan.Chosen s : plan.sites()) {
            assertThat(s.marginalGain()).isPositive().isLessThanOrEqualTo(previous);
            previous = s.marginalGain();
            elders += s.newlyCovered();
        }
        assertThat(plan.coveredElders()).isEqualTo(elders);
        assertThat(plan.totalElders()).isEqualTo(demand.size());
        assertThat(plan.method()).isIn("optimal", "optimised");
    }

    @Test
    void sitesThatAddNothingAreLeftOut() {
        List<DemandPoint> demand = List.of(new DemandPoint(1, new GeoPoint(35, 115), 2));
        List<CandidateSite> sites = List.of(new CandidateSite("a", "a", new GeoPoint(35, 115)),
                new CandidateSite("b", "b", new GeoPoint(36, 116)));
        PlanningInstance instance = new PlanningInstance("410900000000", "DAY_CARE", demand, sites, new int[][] {{0}, {}});
        SitePlan plan = selector.select(instance, 2);
        assertThat(plan.sites()).extracting(s -> s.site().id()).containsExactly("a");
        assertThat(plan.method()).isEqualTo("optimal");
        assertThat(plan.coveredWeight()).isEqualTo(2);
    }
}
