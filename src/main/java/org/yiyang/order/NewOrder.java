package org.yiyang.order;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.OffsetDateTime;

/**
 * An order as placed. No window means "as soon as possible"; {@code address} is the text of one
 * of the elder's registered addresses (empty: the primary one); {@code channel} defaults from the
 * caller's role (operator: HOTLINE, family: FAMILY, system: API).
 */
@Schema(name = "NewOrder")
public record NewOrder(Long elderId, Long serviceItemId, OrderChannel channel, String address,
                       OffsetDateTime windowFrom, OffsetDateTime windowTo, String notes) {
}
