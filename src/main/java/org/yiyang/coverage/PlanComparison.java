package org.yiyang.coverage;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.yiyang.shared.GeoPoint;

/**
 * Two to four plans side by side: their totals, and every site any of them chose with its rank in
 * each plan ({@code null} where a plan did not choose it); a site chosen by two or more is shared.
 */
@Schema(name = "PlanComparison")
public record PlanComparison(List<SitingPlanSummary> plans, List<ComparedSite> sites) {

    @Schema(name = "PlanComparisonSite")
    public record ComparedSite(String key, String name, String regionCode, String regionName, GeoPoint location,
                               @Schema(description = "The site's rank in each plan, in the order of plans; null where not chosen")
                               List<Integer> ranks,
                               @Schema(description = "The site's marginal gain in each plan; null where not chosen")
                               List<Double> gains) {

        /** How many of the plans chose the site. */
        public int chosenBy() {
            return (int) ranks.stream().filter(java.util.Objects::nonNull).count();
        }

        public boolean shared() {
            return chosenBy() >= 2;
        }
    }

    /** How many sites two or more of the plans chose. */
    public long sharedSites() {
        return sites.stream().filter(ComparedSite::shared).count();
    }
}
