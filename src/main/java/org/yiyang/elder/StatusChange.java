package org.yiyang.elder;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;

/** A change of an elder's status: the new status, why, and since when (default today). */
public record StatusChange(@Schema(description = "ACTIVE, MOVED_OUT or DECEASED", example = "MOVED_OUT") String status,
                           @Schema(example = "随子女迁往外地") String reason,
                           @Schema(description = "Defaults to today") LocalDate effectiveDate) {
}
