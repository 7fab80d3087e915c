package org.yiyang.order;

/** Module event: a service order was completed (ids only; read the order for details). */
public record ServiceOrderCompleted(long orderId, long caregiverId, long elderId, long serviceItemId, int durationMinutes) {
}
