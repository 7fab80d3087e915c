package org.yiyang.assessment;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Map;

/**
 * An assessment as the assessor enters it (create or save a draft). Text fields stay text so that a
 * wrong value comes back as a field error. With {@code complete} the assessment is signed and
 * submitted in the same step, which needs {@code coSigner} when two assessors are required.
 */
public record AssessmentInput(
        @Schema(description = "A.1 reason: FIRST, ROUTINE, AD_HOC, DISPUTE or OTHER") String reason,
        @Schema(description = "Day of the assessment (yyyy-MM-dd), not in the future") String assessedOn,
        @Schema(description = "Annex B answers: item code → score") Map<String, Integer> answers,
        @Schema(description = "A.2.14 care-risk events: code → count 0..3") Map<String, Integer> riskEvents,
        @Schema(description = "A.4.1 diagnoses as ICD-10 codes") List<String> diagnoses,
        @Schema(description = "A.5.11 coma") Boolean coma,
        @Schema(description = "Free notes of the assessors") String notes,
        @Schema(description = "Sign and submit at once (POST only)") Boolean complete,
        @Schema(description = "The second assessor, confirming with their own credentials") CoSigner coSigner) {

    public AssessmentAnswers scored() {
        return new AssessmentAnswers(answers, riskEvents, diagnoses, coma);
    }

    public boolean completeNow() {
        return Boolean.TRUE.equals(complete);
    }
}
