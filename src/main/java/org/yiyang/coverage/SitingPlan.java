package org.yiyang.coverage;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import org.yiyang.shared.GeoPoint;

/**
 * A saved site plan (规划方案): where to open {@code k} new facilities of a type in a region, the
 * sites chosen in order — each with its marginal gain, the weighted elders it newly covers given
 * the sites before it — and the region's coverage before and after. Weights: an elder counts 1,
 * more when 失能, 独居 or 高龄 (the coverage module's weights).
 */
@Schema(name = "SitingPlan", description = "A saved site plan (规划方案)")
public record SitingPlan(long id, String title, String regionCode, String regionName,
                         @Schema(description = "A facility type, or ANY") String type, int k, CandidateSource source,
                         @Schema(description = "greedy, optimised, or optimal (proven)") String method,
                         @Schema(description = "How many candidate sites there were") int candidates,
                         Rules rules, Totals totals, String createdBy, String createdByName, Instant createdAt,
                         List<Site> sites) {

    public SitingPlan {
        sites = List.copyOf(sites);
    }

    /** The circle rules the plan was made with. */
    @Schema(name = "SitingPlanRules")
    public record Rules(@Schema(description = "straight-line or road-network") String travelModel, double urbanMinutes,
                        double villageMeters) {
    }

    /**
     * The region's coverage of the type before the plan and with the plan's sites open:
     * {@code newlyCovered} elders and {@code gain} weight (the sum of the marginal gains) more.
     */
    @Schema(name = "SitingPlanTotals")
    public record Totals(long elders, long coveredBefore, long coveredAfter, long newlyCovered, double shareBefore,
                         double shareAfter, double weight, double coveredWeightBefore, double coveredWeightAfter,
                         @Schema(description = "Weighted elders newly covered: the sum of the marginal gains") double gain,
                         double weightedShareBefore, double weightedShareAfter) {

        public static Totals of(long elders, long coveredBefore, long coveredAfter, double weight,
                                double coveredWeightBefore, double coveredWeightAfter) {
            return new Totals(elders, coveredBefore, coveredAfter, coveredAfter - coveredBefore, share(coveredBefore, elders),
                    share(coveredAfter, elders), weight, coveredWeightBefore, coveredWeightAfter,
                    coveredWeightAfter - coveredWeightBefore, share(coveredWeightBefore, weight), share(coveredWeightAfter, weight));
        }

        private static double share(double part, double whole) {
            return whole <= 0 ? 0 : part / whole;
        }
    }

    /**
     * A chosen site. {@code key} is {@code site:<id>} for a listed site, {@code h3:<cell>} for a
     * grid cell; a grid cell has no name or address, and its {@code regionCode} is the community
     * whose centre is nearest.
     */
    @Schema(name = "SitingPlanSite")
    public record Site(int rank, String key, Long candidateSiteId, String name, String address, String regionCode,
                       String regionName, GeoPoint location,
                       @Schema(description = "Weighted elders newly covered, given the sites before it") double marginalGain,
                       @Schema(description = "Elders newly covered, given the sites before it") int newlyCovered) {
    }
}
