package org.yiyang.order.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.scheduling.annotation.Scheduled;
import org.yiyang.order.ServiceOrders;

/**
 * Every few seconds: offers past their expiry go back to "awaiting dispatch", and orders nobody
 * accepted before their window closed expire. Safe with several nodes: the sweep locks the due
 * rows with {@code for update skip locked}, so each order is handled by one node once.
 */
@Component
class OrderSweepJob {

    private static final Logger log = LoggerFactory.getLogger(OrderSweepJob.class);

    private final ServiceOrders orders;

    OrderSweepJob(ServiceOrders orders) {
        this.orders = orders;
    }

    @Scheduled(fixedDelayString = "${yiyang.order.sweep-interval:PT15S}", initialDelayString = "${yiyang.order.sweep-interval:PT15S}")
    void sweep() {
        int changed;
        do {
            changed = orders.sweep();
            if (changed > 0) {
                log.info("Order sweep: {} offers or orders expired", changed);
            }
        } while (changed >= OrderService.SWEEP_BATCH);
    }
}
