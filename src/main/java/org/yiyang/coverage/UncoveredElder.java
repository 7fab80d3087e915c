package org.yiyang.coverage;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.yiyang.elder.ElderCategory;
import org.yiyang.shared.Sex;

/**
 * An active elder outside every circle of the type, numbers masked, with the weight the elder
 * counts with and the straight-line distance to the nearest facility of the type (null beyond 5 km).
 */
public record UncoveredElder(long elderId, String name, Sex sex, int age, boolean advancedAge, String idNumberMasked,
                             List<String> phonesMasked, String regionCode, String communityName,
                             List<ElderCategory> categories, double weight,
                             @Schema(description = "Straight-line metres to the nearest facility of the type; null beyond 5 km")
                             Integer nearestFacilityMeters) {
}
