package org.yiyang.order;

/** Module event: a service order was confirmed (ids only; read the order for details). */
public record ServiceOrderConfirmed(long orderId, long elderId) {
}
