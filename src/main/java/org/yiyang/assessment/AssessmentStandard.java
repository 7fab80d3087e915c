package org.yiyang.assessment;

/** The standard an assessment follows. New assessments use GB/T 42195-2022; MZ/T 039 results are kept read-only. */
public enum AssessmentStandard {
    /** GB/T 42195-2022《老年人能力评估规范》: 26 items, total 0–90, five levels. */
    GBT_42195_2022,
    /** MZ/T 039-2013《老年人能力评估》: four dimension grades and four levels; old records only. */
    MZT_039_2013;

    public String messageKey() {
        return "assessment.standard." + name();
    }
}
