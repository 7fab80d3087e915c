package org.yiyang.elder;

import java.util.Optional;

/**
 * The care categories recorded for an elder (see DOMAIN.md §6.3). 高龄 (80 and over) is not one of
 * them: it follows from the birth date, see {@link ElderAge#isAdvanced()}. Labels are in the
 * message bundles under {@link #messageKey()}.
 */
public enum ElderCategory {
    /** 独居 */
    LIVING_ALONE,
    /** 空巢 */
    EMPTY_NEST,
    /** 留守 */
    LEFT_BEHIND,
    /** 失能 */
    DISABLED,
    /** 重残 */
    SEVERE_DISABILITY,
    /** 计生特殊 (计划生育特殊家庭) */
    FAMILY_PLANNING_SPECIAL,
    /** 低保 */
    SUBSISTENCE_ALLOWANCE,
    /** 特困 */
    EXTREME_POVERTY,
    /** 经济困难 */
    ECONOMIC_HARDSHIP;

    /** The filter value for the derived 高龄 (80+) category in searches. */
    public static final String ADVANCED_AGE = "ADVANCED_AGE";

    public String messageKey() {
        return "elder.category." + name();
    }

    public static Optional<ElderCategory> byName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        for (ElderCategory c : values()) {
            if (c.name().equalsIgnoreCase(name.trim())) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
