package org.yiyang.order.internal;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Gauges for the dispatch queue (the orders table, ADR 0011; what to alert on, see
 * docs/OPERATIONS.md): {@code yiyang.dispatch.queue.due} — orders due for automatic dispatch now
 * (normally a handful; a number that keeps growing means the workers cannot keep up or are off),
 * {@code yiyang.dispatch.queue.oldest} — seconds since the longest-waiting one came due, and
 * {@code yiyang.orders.unassignable} — orders awaiting dispatch because nobody qualified (the
 * dispatcher's queue on the board). Read from the database when scraped (cluster-wide: every node
 * reports the same); NaN while it cannot be reached.
 */
@Component
class DispatchQueueMetrics implements MeterBinder {

    private final JdbcClient jdbc;

    DispatchQueueMetrics(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("yiyang.dispatch.queue.due", this,
                        m -> m.query("select count(*) from service_order where dispatch_due_at <= now()"))
                .description("Orders due for automatic dispatch now (all nodes)").register(registry);
        Gauge.builder("yiyang.dispatch.queue.oldest", this, m -> m.query("""
                        select coalesce(extract(epoch from now() - min(dispatch_due_at)), 0)
                          from service_order where dispatch_due_at <= now()
                        """))
                .description("Seconds since the longest-waiting due order came due").baseUnit("seconds").register(registry);
        Gauge.builder("yiyang.orders.unassignable", this,
                        m -> m.query("select count(*) from service_order where state = 'CREATED' and unassignable_at is not null"))
                .description("Orders awaiting dispatch because nobody qualified").register(registry);
    }

    private double query(String sql) {
        try {
            return jdbc.sql(sql).query(Double.class).single();
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }
}
