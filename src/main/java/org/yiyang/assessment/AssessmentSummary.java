package org.yiyang.assessment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** One assessment in an elder's history: the levels without the answers. */
public record AssessmentSummary(long id, long elderId, AssessmentStandard standard, AssessmentStatus status,
                                AssessmentReason reason, LocalDate assessedOn, Integer total, AbilityLevel preliminaryLevel,
                                AbilityLevel finalLevel, List<ChangeRule> changeRules, Integer legacyLevel,
                                List<String> signers, Instant completedAt) {
}
