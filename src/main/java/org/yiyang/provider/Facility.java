package org.yiyang.provider;

import java.math.BigDecimal;
import org.yiyang.shared.GeoPoint;
import org.yiyang.shared.RegionCode;

/**
 * A place where elders are served: its type, the community or street it stands in, its location,
 * size, opening hours and the organisation that runs it ({@code providerId} may be null for a
 * facility the government runs itself), measured against the standard for its type.
 */
public record Facility(long id, Long providerId, String providerName, String name, FacilityType type,
                       RegionCode regionCode, String address, GeoPoint location, Size size, String openingHours,
                       String phone, FacilityStatus status, int version, StandardCheck standard) {

    /** Floor area in m² and beds; either may be unrecorded (null). */
    public record Size(BigDecimal floorAreaM2, Integer beds) {
    }

    public boolean belowStandard() {
        return standard.belowStandard();
    }
}
