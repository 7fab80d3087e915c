package org.yiyang.assessment;

/**
 * The ability level of GB/T 42195-2022 (老年人能力等级), codes 0–4 as in Annex C. A higher code means
 * less able.
 */
public enum AbilityLevel {
    /** 0 能力完好: total 90. */
    INTACT,
    /** 1 能力轻度受损（轻度失能）: total 66–89. */
    MILD,
    /** 2 能力中度受损（中度失能）: total 46–65. */
    MODERATE,
    /** 3 能力重度受损（重度失能）: total 30–45. */
    SEVERE,
    /** 4 能力完全丧失（完全失能）: total 0–29. */
    TOTAL;

    /** The level's code 0–4. */
    public int code() {
        return ordinal();
    }

    public static AbilityLevel ofCode(int code) {
        if (code < 0 || code > 4) throw new IllegalArgumentException("ability level code " + code);
        return values()[code];
    }

    /** At least moderately impaired (中度失能 or worse): the usual threshold of care subsidies. */
    public boolean atLeast(AbilityLevel other) {
        return ordinal() >= other.ordinal();
    }
}
