package org.yiyang.assessment;

/**
 * How "two or more care-risk events in the last 30 days" is counted (DOMAIN.md §1.5, OPEN): a
 * rule-version setting, {@link #TOTAL} by default.
 */
public enum EventCounting {
    /** The sum over A.2.14.1–A.2.14.5 (2 falls, or 1 fall and 1 choking, both count). */
    TOTAL,
    /** Two or more of one kind (2 falls count, 1 fall and 1 choking do not). */
    PER_TYPE
}
