package org.yiyang.assessment;

import java.time.LocalDate;

/**
 * A version of the assessment rules (规则版本): the open choices of the standard, settled by the
 * bureau, and how many assessors must sign. Every assessment keeps the settings it was scored with.
 *
 * @param version            the version's name, e.g. {@code GB/T 42195-2022 r1}
 * @param effectiveFrom      the first day the version applies to
 * @param stacking           whether the two one-level-up triggers add up
 * @param eventCounting      how care-risk events are counted
 * @param requiredAssessors  how many distinct assessors sign a completed assessment
 */
public record RuleSettings(String version, LocalDate effectiveFrom, UpgradeStacking stacking, EventCounting eventCounting,
                           int requiredAssessors) {

    /** The recommendation of DOMAIN.md §1.5: single step, total count, two assessors. */
    public static RuleSettings defaults() {
        return new RuleSettings("GB/T 42195-2022 r1", LocalDate.of(2022, 12, 30), UpgradeStacking.SINGLE, EventCounting.TOTAL, 2);
    }

    public RuleSettings with(UpgradeStacking s, EventCounting c) {
        return new RuleSettings(version, effectiveFrom, s, c, requiredAssessors);
    }
}
