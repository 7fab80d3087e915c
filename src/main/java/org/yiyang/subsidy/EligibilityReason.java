package org.yiyang.subsidy;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * One reason behind an eligibility decision: a condition of the rule and whether the elder met it.
 * Codes and their arguments:
 * <ul>
 *   <li>{@code age}: [age in years, minimum age]</li>
 *   <li>{@code category}: met → [the elder's matching categories…]; not met → [the categories asked for…]</li>
 *   <li>{@code level}: [level code 0–4, assessed on (ISO date), minimum level code]</li>
 *   <li>{@code level.none}: no assessment yet — [minimum level code]</li>
 *   <li>{@code status}: the elder is not active — [status]</li>
 *   <li>{@code all}: the rule has no conditions: every active elder</li>
 *   <li>{@code not-offered}: the benefit is not offered in the elder's region</li>
 *   <li>{@code no-rule}: no rule for the benefit covers the elder's region</li>
 * </ul>
 */
@Schema(description = "A condition of the rule and whether the elder met it")
public record EligibilityReason(
        @Schema(example = "level") String code,
        boolean met,
        @Schema(example = "[\"3\", \"2026-03-02\", \"2\"]") List<String> args) {

    public EligibilityReason {
        args = List.copyOf(args);
    }

    public static EligibilityReason of(String code, boolean met, Object... args) {
        return new EligibilityReason(code, met, java.util.Arrays.stream(args).map(String::valueOf).toList());
    }
}
