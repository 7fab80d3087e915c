package org.yiyang.assessment;

/** A draft can be saved, resumed and signed; a completed assessment never changes. */
public enum AssessmentStatus {
    DRAFT, COMPLETED;

    public String messageKey() {
        return "assessment.status." + name();
    }
}
