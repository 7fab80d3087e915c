package org.yiyang.planning;

import java.time.Duration;
import java.util.List;

/**
 * The answer of {@link SitePlanner}: the chosen sites, in order — each one adds the most of what is
 * still uncovered after the existing facilities and the sites before it — with their marginal gains.
 *
 * @param sites                the chosen sites in order (as many as asked for, unless there are fewer candidates)
 * @param coveredWeight        weight covered by the existing facilities and the chosen sites together
 * @param alreadyCoveredWeight weight covered by the existing facilities alone
 * @param totalWeight          weight of all demand
 * @param upperBound           the best known bound on {@code coveredWeight} for this number of sites
 *                             (equal to it when proven optimal)
 * @param provenOptimal        no choice of as many sites covers more
 * @param elapsed              time spent planning
 */
public record SitePlan(List<PlannedSite> sites, double coveredWeight, double alreadyCoveredWeight, double totalWeight,
                       double upperBound, boolean provenOptimal, Duration elapsed) {

    public SitePlan {
        sites = List.copyOf(sites);
    }

    /** Weight the chosen sites add to what the existing facilities cover. */
    public double newlyCoveredWeight() {
        return coveredWeight - alreadyCoveredWeight;
    }

    /** Relative distance to the upper bound: 0 when proven optimal. */
    public double gap() {
        return upperBound <= 0 ? 0 : Math.max(0, (upperBound - coveredWeight) / upperBound);
    }

    /** The chosen candidates' indices in plan order. */
    public int[] candidates() {
        return sites.stream().mapToInt(PlannedSite::candidate).toArray();
    }
}
