package org.yiyang.coverage;

/** Where a plan's candidate sites come from. */
public enum CandidateSource {
    /** The sites the bureau lists in the plan's region. */
    LISTED,
    /** The centres of the H3 cells (about 0.1 km²) where uncovered elders live. */
    GRID;

    public String messageKey() {
        return "coverage.plan.source." + name();
    }
}
