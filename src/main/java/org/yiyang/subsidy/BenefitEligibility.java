package org.yiyang.subsidy;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/**
 * An elder's stored result for one benefit: eligible or not, why, which region's rule decided
 * ({@code ruleRegionCode} null = the default rule, {@code ruleFound} false = no rule at all), since
 * when the yes/no holds and when the result last changed.
 */
public record BenefitEligibility(@Schema(example = "CARE_SUBSIDY") String benefitCode, boolean eligible,
                                 List<EligibilityReason> reasons, boolean ruleFound,
                                 @Schema(example = "410900000000") String ruleRegionCode, Instant since, Instant updatedAt) {

    public BenefitEligibility {
        reasons = List.copyOf(reasons);
    }
}
