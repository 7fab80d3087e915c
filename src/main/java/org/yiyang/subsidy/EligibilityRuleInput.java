package org.yiyang.subsidy;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** A rule as a supervisor submits it; every condition is optional. */
@Schema(description = "A benefit's rule for a region")
public record EligibilityRuleInput(
        @Schema(description = "false: the benefit is not given in this region (default true)") Boolean offered,
        @Schema(description = "Minimum age in years (0–150)", example = "80") Integer minAge,
        @Schema(description = "Any of these elder categories (ElderCategory names)", example = "[\"ECONOMIC_HARDSHIP\", \"SUBSISTENCE_ALLOWANCE\"]") List<String> categories,
        @Schema(description = "Minimum ability level: a code 0–4 or INTACT, MILD, MODERATE, SEVERE, TOTAL", example = "2") String minLevel,
        @Schema(description = "The version read; a stale one is refused (409)") Integer version) {

    public EligibilityRuleInput {
        categories = categories == null ? List.of() : categories;
    }
}
