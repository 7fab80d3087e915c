package org.yiyang.order;

/** Module event: a service order was refused (ids only; read the order for details). */
public record ServiceOrderRefused(long orderId, long caregiverId, String reason) {
}
