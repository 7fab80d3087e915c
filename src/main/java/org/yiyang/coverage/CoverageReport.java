package org.yiyang.coverage;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import org.yiyang.shared.RegionLevel;

/**
 * Coverage of a region and of each of its child regions for one facility type ({@code ANY}: a
 * facility of any type), with the circle rules it was measured by.
 */
public record CoverageReport(String regionCode, String regionName, RegionLevel level,
                             @Schema(description = "A facility type, or ANY") String type, boolean weighted,
                             CoverageRow total, List<CoverageRow> children, Circle circle, Instant computedAt) {

    /** How the circles were drawn. */
    @Schema(name = "CoverageCircle")
    public record Circle(@Schema(description = "straight-line or road-network") String travelModel,
                         double walkingSpeedKmh, double detourFactor, double urbanMinutes, double villageMeters) {
    }
}
