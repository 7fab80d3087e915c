package org.yiyang.provider;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.yiyang.shared.RegionCode;

/**
 * The minimum size of one facility type in a region: floor area in m² and/or beds, with the
 * document it comes from. Rules are kept per region prefix; for a facility the rule with the
 * longest prefix of its region code wins, and {@code ""} is the default for everywhere. A null
 * minimum means the rule says nothing about that measure.
 */
public record FacilityStandard(Long id, String regionPrefix, FacilityType type, BigDecimal minAreaM2, Integer minBeds,
                               String source) {

    public FacilityStandard {
        regionPrefix = regionPrefix == null ? "" : regionPrefix.trim();
    }

    /**
     * What a facility of this size lacks against the rule, in the order area, beds. An unrecorded
     * measure that the rule requires counts as lacking (its actual value is null).
     */
    public List<FacilityShortfall> shortfalls(BigDecimal floorAreaM2, Integer beds) {
        List<FacilityShortfall> list = new ArrayList<>(2);
        if (minAreaM2 != null && (floorAreaM2 == null || floorAreaM2.compareTo(minAreaM2) < 0)) {
            list.add(new FacilityShortfall(FacilityShortfall.Measure.AREA, floorAreaM2, minAreaM2));
        }
        if (minBeds != null && (beds == null || beds < minBeds)) {
            list.add(new FacilityShortfall(FacilityShortfall.Measure.BEDS,
                    beds == null ? null : BigDecimal.valueOf(beds), BigDecimal.valueOf(minBeds)));
        }
        return List.copyOf(list);
    }

    public boolean appliesTo(FacilityType type, RegionCode region) {
        return this.type == type && region.value().startsWith(regionPrefix);
    }

    /** The rule for a facility of this type in this region: the longest matching prefix wins. */
    public static Optional<FacilityStandard> applicable(Collection<FacilityStandard> rules, FacilityType type,
                                                        RegionCode region) {
        return rules.stream()
                .filter(r -> r.appliesTo(type, region))
                .max(Comparator.comparingInt(r -> r.regionPrefix().length()));
    }
}
