package org.yiyang.order;

/** Module event: a service order was cancelled (ids only; read the order for details). */
public record ServiceOrderCancelled(long orderId, long elderId, OrderState previousState, String reason) {
}
