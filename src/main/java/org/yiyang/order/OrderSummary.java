package org.yiyang.order;

import java.time.Instant;

/** One row of the order list. */
public record OrderSummary(long id, OrderState state, long elderId, String regionCode, String serviceCode,
                           String serviceName, Instant placedAt, Instant windowFrom, Instant windowTo,
                           Long caregiverId, boolean atRisk) {

    public OrderSummary(long id, OrderState state, long elderId, String regionCode, String serviceCode, String serviceName,
                        Instant placedAt, Instant windowFrom, Instant windowTo, Long caregiverId) {
        this(id, state, elderId, regionCode, serviceCode, serviceName, placedAt, windowFrom, windowTo, caregiverId, false);
    }
}
