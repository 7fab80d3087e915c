package org.yiyang.subsidy;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/**
 * A benefit's rule for a region. {@code regionCode} is null for the default that applies where no
 * region has its own rule. Conditions left null (or an empty category list) do not apply.
 */
public record EligibilityRuleView(
        @Schema(description = "12-digit code of the region the rule is set for; null for the default", example = "410900000000") String regionCode,
        @Schema(example = "CARE_SUBSIDY") String benefitCode,
        @Schema(description = "false: the benefit is not given in this region") boolean offered,
        @Schema(description = "Minimum age in years", example = "80") Integer minAge,
        @Schema(description = "Any of these elder categories", example = "[\"ECONOMIC_HARDSHIP\"]") List<String> categories,
        @Schema(description = "Minimum ability level code 0–4 (2 = moderately impaired)", example = "2") Integer minLevel,
        int version, String updatedBy, Instant updatedAt) {
}
