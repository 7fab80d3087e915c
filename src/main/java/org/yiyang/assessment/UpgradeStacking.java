package org.yiyang.assessment;

/**
 * Whether the two "one level up" triggers of C.4 (a dementia or psychiatric diagnosis; two or more
 * care-risk events) add up when both apply. The standard's text does not say (DOMAIN.md §1.5,
 * OPEN): a rule-version setting, {@link #SINGLE} by default.
 */
public enum UpgradeStacking {
    /** At most one level up, however many triggers apply. */
    SINGLE,
    /** One level up per trigger (so up to two). */
    CUMULATIVE
}
