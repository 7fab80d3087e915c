package org.yiyang.assessment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One assessment with everything the report (Annex C) shows. {@code result} is the stored result of
 * a completed GB/T 42195 assessment, or the live result of a draft (possibly incomplete); null for
 * an MZ/T 039 record, whose result is {@code legacy}.
 */
public record AssessmentView(long id, long elderId, String elderName, String regionCode, AssessmentStandard standard,
                             AssessmentStatus status, AssessmentReason reason, LocalDate assessedOn, AssessmentAnswers answers,
                             String notes, ScoreResult result, LegacyResult legacy, List<Signature> signatures,
                             String createdByName, Instant createdAt, Instant updatedAt, Instant completedAt, int version) {

    public boolean isDraft() {
        return status == AssessmentStatus.DRAFT;
    }

    public boolean isLegacy() {
        return standard == AssessmentStandard.MZT_039_2013;
    }
}
