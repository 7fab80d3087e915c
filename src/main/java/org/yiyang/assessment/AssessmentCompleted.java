package org.yiyang.assessment;

import java.time.LocalDate;

/**
 * Module event: an ability assessment of an elder was completed (signed by its assessors) and its
 * final level is now the elder's current level. Published through the persistent event
 * publication, so eligibility and others react after commit.
 *
 * @param assessmentId the assessment
 * @param elderId      the elder assessed
 * @param regionCode   the elder's community code (12 digits) at the time
 * @param finalLevel   the final level (C.5) after the change rules
 * @param assessedOn   the day of the assessment
 */
public record AssessmentCompleted(long assessmentId, long elderId, String regionCode, AbilityLevel finalLevel,
        LocalDate assessedOn) {
}
