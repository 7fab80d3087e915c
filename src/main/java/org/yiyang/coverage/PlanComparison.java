package org.yiyang.coverage;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Objects;
import org.yiyang.shared.GeoPoint;

/**
 * Two to four plans side by side: their totals, and every site any of them chose with its rank in
 * each plan ({@code null} where a plan did not choose it); a site chosen by two or more is shared.
 */
@Schema(name = "PlanComparison")
public record PlanComparison(List<SitingPlanSummary> plans, List<ComparedSite> sites,
                             @Schema(description = "How many sites two or more of the plans chose") long sharedSites) {

    public static PlanComparison of(List<SitingPlanSummary> plans, List<ComparedSite> sites) {
        return new PlanComparison(List.copyOf(plans), List.copyOf(sites), sites.stream().filter(ComparedSite::shared).count());
    }

    @Schema(name = "PlanComparisonSite")
    public record ComparedSite(String key, String name, String regionCode, String regionName, GeoPoint location,
                               @Schema(description = "The site's rank in each plan, in the order of plans; null where not chosen")
                               List<Integer> ranks,
                               @Schema(description = "The site's marginal gain in each plan; null where not chosen")
                               List<Double> gains,
                               @Schema(description = "How many of the plans chose it") int chosenBy,
                               @Schema(description = "Chosen by two or more of the plans") boolean shared) {

        public static ComparedSite of(String key, String name, String regionCode, String regionName, GeoPoint location,
                                      List<Integer> ranks, List<Double> gains) {
            int chosenBy = (int) ranks.stream().filter(Objects::nonNull).count();
            return new ComparedSite(key, name, regionCode, regionName, location, ranks, gains, chosenBy, chosenBy >= 2);
        }
    }
}
