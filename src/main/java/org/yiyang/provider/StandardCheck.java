package org.yiyang.provider;

import java.util.List;

/**
 * A facility measured against the standard that applies to it. {@code rule} is null when no rule
 * covers its type in its region (then it cannot be below standard).
 */
public record StandardCheck(FacilityStandard rule, List<FacilityShortfall> shortfalls) {

    public StandardCheck {
        shortfalls = List.copyOf(shortfalls);
    }

    public static StandardCheck of(FacilityStandard rule, Facility.Size size) {
        return rule == null ? new StandardCheck(null, List.of())
                : new StandardCheck(rule, rule.shortfalls(size.floorAreaM2(), size.beds()));
    }

    public boolean belowStandard() {
        return !shortfalls.isEmpty();
    }
}
