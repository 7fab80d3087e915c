package org.yiyang.assessment;

/** The level-change rules of Annex C.4 (能力等级变更依据); texts under {@link #messageKey()}. */
public enum ChangeRule {
    /** A.5.11 昏迷: the final level is 4 (能力完全丧失) whatever the score. */
    COMA,
    /** A.4.1 痴呆 F00–F03, or another mental or behavioural disorder F04–F99: one level up. */
    DEMENTIA_OR_MENTAL_DISORDER,
    /** Two or more care-risk events (A.2.14) in the last 30 days: one level up. */
    RISK_EVENTS;

    public String messageKey() {
        return "assessment.rule." + name();
    }
}
