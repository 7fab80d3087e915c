package org.yiyang.provider;

import org.yiyang.shared.PageQuery;

/**
 * A search over facilities: {@code q} part of the name or address, {@code region} a region code or
 * prefix, optional type, {@code belowStandard} true/false (null = either), owning provider; all
 * nullable except the page.
 */
public record FacilityQuery(String q, String region, FacilityType type, Boolean belowStandard, Long providerId,
                            PageQuery page) {

    public static FacilityQuery all(PageQuery page) {
        return new FacilityQuery(null, null, null, null, null, page);
    }

    public FacilityQuery withPage(PageQuery other) {
        return new FacilityQuery(q, region, type, belowStandard, providerId, other);
    }
}
