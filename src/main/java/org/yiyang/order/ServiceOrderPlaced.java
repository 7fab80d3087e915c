package org.yiyang.order;

/** Module event: a service order was placed (ids only; read the order for details). */
public record ServiceOrderPlaced(long orderId, long elderId, long serviceItemId, String regionCode, OrderChannel channel) {
}
