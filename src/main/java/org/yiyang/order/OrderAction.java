package org.yiyang.order;

import io.swagger.v3.oas.annotations.media.Schema;
import org.yiyang.shared.GeoPoint;

/**
 * The body of {@code POST /orders/{id}/{action}}; each action reads what it needs:
 * dispatch {@code caregiverId}; refuse and cancel {@code reason}; check-in {@code location} (and a
 * {@code reason} when outside the geofence); check-out {@code location}; confirm {@code code} (the
 * caregiver types the code the elder reads out) or, for an operator, {@code reason}; rate
 * {@code stars} 1–5 and {@code comment}.
 */
@Schema(name = "OrderAction")
public record OrderAction(Long caregiverId, GeoPoint location, String reason, String code, Integer stars, String comment) {

    public static OrderAction empty() {
        return new OrderAction(null, null, null, null, null, null);
    }
}
