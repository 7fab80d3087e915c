package org.yiyang.provider;

import java.math.BigDecimal;

/**
 * One way a facility falls short of its standard: the measure, what it has (null when not recorded)
 * and what the standard requires. Shown as "建筑面积 1,200 m²，低于标准 1,500 m²".
 */
public record FacilityShortfall(Measure measure, BigDecimal actual, BigDecimal required) {

    public enum Measure {
        /** Floor area in m². */
        AREA,
        /** Beds. */
        BEDS
    }
}
