package org.yiyang.coverage;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.yiyang.provider.FacilityType;
import org.yiyang.shared.GeoPoint;

/**
 * The gaps of a region as hexagons (H3 cells at {@code resolution}): elders and uncovered elders
 * per cell, and the open facilities of the type in the region.
 */
public record HexMap(String regionCode, String type, int resolution, List<Cell> cells, List<Site> facilities) {

    @Schema(name = "CoverageHexCell")
    public record Cell(@Schema(description = "H3 cell index (hex)") String cell, GeoPoint centre, List<GeoPoint> boundary,
                       long elders, long uncovered, double uncoveredWeight) {
    }

    @Schema(name = "CoverageFacility")
    public record Site(long id, String name, FacilityType type, GeoPoint location) {
    }
}
