package org.yiyang.coverage;

import java.util.List;

/**
 * A maximal covering location problem taken from the current coverage: the uncovered elders of a
 * region as weighted demand, the candidate sites, and for each candidate {@code covers[j]} the
 * indexes into {@code demand} of the elders a facility there would bring within its circle (the same
 * circle rules and travel model as the coverage itself). {@code regionElders} and
 * {@code regionWeight} are all the region's active elders and their weight, read in the same
 * moment as the demand, so that the coverage before a plan is {@code regionElders - demand.size()}.
 */
public record PlanningInstance(String regionCode, String type, List<DemandPoint> demand, List<CandidateSite> candidates,
                               int[][] covers, long regionElders, double regionWeight) {

    /** An instance whose region has no covered elders (all of its elders are the demand). */
    public PlanningInstance(String regionCode, String type, List<DemandPoint> demand, List<CandidateSite> candidates,
                            int[][] covers) {
        this(regionCode, type, demand, candidates, covers, demand.size(), weightOf(demand));
    }

    public double totalWeight() {
        return weightOf(demand);
    }

    /** The region's elders already within a circle of the type. */
    public long coveredElders() {
        return regionElders - demand.size();
    }

    /** The weight of the region's elders already within a circle of the type. */
    public double coveredWeight() {
        return Math.max(0, regionWeight - totalWeight());
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

    private static double weightOf(List<DemandPoint> demand) {
        double w = 0;
        for (DemandPoint d : demand) w += d.weight();
        return w;
    }
}
