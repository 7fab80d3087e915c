package org.yiyang.coverage;

import java.util.List;

/**
 * Chosen sites in the order they were chosen, each with the weight it adds to those before it
 * (its marginal gain) and how many uncovered elders it newly covers; the total covered weight and
 * the instance's total uncovered weight.
 */
public record SitePlan(String method, List<Chosen> sites, double coveredWeight, double totalWeight, long coveredElders,
                       long totalElders) {

    public record Chosen(CandidateSite site, double marginalGain, int newlyCovered) {
    }
}
