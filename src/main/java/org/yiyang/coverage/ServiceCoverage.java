package org.yiyang.coverage;

import org.yiyang.shared.DataScope;
import org.yiyang.shared.PageQuery;
import org.yiyang.shared.PageResult;

/**
 * Coverage of the service circles, for bureau users (a region scope): {@code region} is a 12-digit
 * code within the caller's region (blank: the caller's own region); a region outside the scope,
 * or any other kind of scope, is {@code region.not-found} (404). {@code type} is a
 * {@link org.yiyang.provider.FacilityType} name or blank/{@code ANY} for a facility of any type; a
 * bad one is a field error on {@code type}.
 */
public interface ServiceCoverage {

    /** The region and each child region. */
    CoverageReport report(DataScope scope, String region, String type, boolean weighted);

    /** The uncovered elders of the region, the heaviest-weighted first (then by community and id); numbers masked. */
    PageResult<UncoveredElder> uncovered(DataScope scope, String region, String type, PageQuery page);

    /** The hexagon heat map of the region's gaps. */
    HexMap hexes(DataScope scope, String region, String type);

    /** The facilities of the region (and type, if given) below their type's standard, scoped in SQL. */
    PageResult<FacilityGap> belowStandard(DataScope scope, String region, String type, PageQuery page);

    CoverageStatus status();

    /** Recomputes the whole city now (normally on start and on a schedule; changes update it incrementally). */
    void recomputeAll();
}
