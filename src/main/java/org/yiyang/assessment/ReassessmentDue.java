package org.yiyang.assessment;

import java.time.LocalDate;

/**
 * An elder whose reassessment is due: {@code dueOn} is the last assessment plus the region's
 * interval, or the day a change was reported ("at once"). {@code draftId} is an assessment in
 * progress, if any.
 */
public record ReassessmentDue(long elderId, String elderName, String regionCode, AssessmentStandard lastStandard,
                              Long lastAssessmentId, LocalDate lastAssessedOn, AbilityLevel lastLevel, Integer lastLegacyLevel,
                              int intervalMonths, LocalDate dueOn, State state, LocalDate changeReportedOn, String changeNote,
                              Long draftId) {

    public enum State {
        /** A change in the elder's condition was reported: reassess at once. */
        CHANGE_REPORTED,
        /** The due day has passed. */
        OVERDUE,
        /** Due within the look-ahead window. */
        DUE;

        public String messageKey() {
            return "assessment.due.state." + name();
        }
    }
}
