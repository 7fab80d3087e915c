package org.yiyang.coverage;

import java.util.List;
import org.yiyang.provider.FacilityShortfall;
import org.yiyang.provider.FacilityType;

/** A facility below its type's standard and what it lacks (from the provider module's standard check). */
public record FacilityGap(long facilityId, String name, FacilityType type, String regionCode, String providerName,
                          List<FacilityShortfall> shortfalls, String standardSource) {
}
