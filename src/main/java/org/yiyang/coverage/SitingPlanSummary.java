package org.yiyang.coverage;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** A plan in a list: what it is for, how many sites it chose and the coverage before and after. */
@Schema(name = "SitingPlanSummary")
public record SitingPlanSummary(long id, String title, String regionCode, String regionName, String type, int k,
                                CandidateSource source, int sites, SitingPlan.Totals totals, String createdByName,
                                Instant createdAt) {
}
