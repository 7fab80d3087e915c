package org.yiyang.coverage;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import org.yiyang.shared.GeoPoint;

/**
 * A candidate site the bureau lists (候选选址): an existing building where a facility could open —
 * a vacant community room, a former school — with its place and, when known, how many people it
 * could serve and its floor area.
 */
@Schema(name = "CandidateSiteListing", description = "A candidate site the bureau lists (候选选址)")
public record ListedSite(long id, String name, String address, GeoPoint location, String regionCode, String regionName,
                         String note, @Schema(description = "Places the building could offer") Integer capacity,
                         BigDecimal floorAreaM2, int version, Instant updatedAt) {
}
