package org.yiyang.order;

/** Module event: a service order offer expired unanswered; the order awaits dispatch again (ids only; read the order for details). */
public record ServiceOrderOfferExpired(long orderId, long caregiverId) {
}
