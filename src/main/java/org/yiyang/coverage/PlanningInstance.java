package org.yiyang.coverage;

import java.util.List;

/**
 * A maximal covering location problem taken from the current coverage: the uncovered elders of a
 * region as weighted demand, the candidate sites, and for each candidate {@code covers[j]} the
 * indexes into {@code demand} of the elders a facility there would bring within its circle (the same
 * circle rules and travel model as the coverage itself).
 */
public record PlanningInstance(String regionCode, String type, List<DemandPoint> demand, List<CandidateSite> candidates,
                               int[][] covers) {

    public double totalWeight() {
        double w = 0;
        for (DemandPoint d : demand) w += d.weight();
        return w;
    }

    /** The weight covered by the chosen candidates (indexes into {@code candidates}), each elder counted once. */
    public double coveredWeight(int[] chosen) {
        boolean[] covered = new boolean[demand.size()];
        double w = 0;
        for (int j : chosen) {
            for (int i : covers[j]) {
                if (!covered[i]) {
                    covered[i] = true;
                    w += demand.get(i).weight();
                }
            }
        }
        return w;
    }
}
