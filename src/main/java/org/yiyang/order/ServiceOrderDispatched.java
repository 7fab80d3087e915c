package org.yiyang.order;

/** Module event: a service order was dispatched (ids only; read the order for details). */
public record ServiceOrderDispatched(long orderId, long caregiverId, long providerId, java.time.Instant offerExpiresAt) {
}
