package org.yiyang.order;

import java.time.Instant;

/** One row of the order list. */
public record OrderSummary(long id, OrderState state, long elderId, String regionCode, String serviceCode,
                           String serviceName, Instant placedAt, Instant windowFrom, Instant windowTo,
                           Long caregiverId) {
}
