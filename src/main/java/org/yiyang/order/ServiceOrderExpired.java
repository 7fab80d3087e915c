package org.yiyang.order;

/** Module event: a service order was expired (ids only; read the order for details). */
public record ServiceOrderExpired(long orderId, long elderId) {
}
