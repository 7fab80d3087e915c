package org.yiyang.order;

/** Module event: a service order was accepted (ids only; read the order for details). */
public record ServiceOrderAccepted(long orderId, long caregiverId, long providerId) {
}
