package org.yiyang.order;

/** Module event: a service order was rated (ids only; read the order for details). */
public record ServiceOrderRated(long orderId, long elderId, Long caregiverId, int stars) {
}
