package org.yiyang.coverage;

import io.swagger.v3.oas.annotations.media.Schema;
import org.yiyang.shared.RegionLevel;

/**
 * One region's coverage: how many active elders live there, how many of them within a circle,
 * and the share. The weighted figures (失能, 独居, 高龄 count more) are present when asked for.
 */
@Schema(description = "Coverage of one region")
public record CoverageRow(String regionCode, String name, RegionLevel level, long elders, long covered,
                          @Schema(description = "covered / elders, 0–1") double share,
                          @Schema(description = "Sum of the elders' weights (weighted=true only)") Double weight,
                          @Schema(description = "Sum of the covered elders' weights (weighted=true only)") Double coveredWeight,
                          @Schema(description = "coveredWeight / weight, 0–1 (weighted=true only)") Double weightedShare) {
}
