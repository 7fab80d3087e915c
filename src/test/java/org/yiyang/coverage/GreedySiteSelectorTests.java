package org.yiyang.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.yiyang.shared.GeoPoint;

class GreedySiteSelectorTests {

    static final GeoPoint P = new GeoPoint(35.7, 115.0);

    static PlanningInstance instance(double[] weights, int[][] covers) {
        List<DemandPoint> demand = new java.util.ArrayList<>();
        for (int i = 0; i < weights.length; i++) demand.add(new DemandPoint(i, P, weights[i]));
        List<CandidateSite> sites = new java.util.ArrayList<>();
        for (int j = 0; j < covers.length; j++) sites.add(new CandidateSite("c" + j, "site " + j, P));
        return new PlanningInstance("410902000000", "COMMUNITY_STATION", demand, sites, covers);
    }

    @Test
    void eachChosenSiteAddsItsMarginalGainOnTopOfThoseBefore() {
        // c0 covers {0,1,2} = 6; c1 covers {2,3} = 7; then c0 and c2 both add 3: the tie goes to the first
        PlanningInstance in = instance(new double[] {1, 2, 3, 4}, new int[][] {{0, 1, 2}, {2, 3}, {0, 1}});
        SitePlan plan = new GreedySiteSelector().select(in, 2);
        assertThat(plan.sites()).extracting(c -> c.site().id()).containsExactly("c1", "c0");
        assertThat(plan.sites()).extracting(SitePlan.Chosen::marginalGain).containsExactly(7.0, 3.0);
        assertThat(plan.coveredWeight()).isEqualTo(10.0).isEqualTo(in.coveredWeight(new int[] {1, 0}));
        assertThat(plan.coveredElders()).isEqualTo(4);
        assertThat(plan.totalWeight()).isEqualTo(10.0);
    }

    @Test
    void itStopsWhenNothingMoreCanBeCovered() {
        PlanningInstance in = instance(new double[] {1, 1}, new int[][] {{0}, {0}, {}});
        SitePlan plan = new GreedySiteSelector().select(in, 3);
        assertThat(plan.sites()).hasSize(1);
        assertThat(plan.coveredWeight()).isEqualTo(1.0);
    }
}
