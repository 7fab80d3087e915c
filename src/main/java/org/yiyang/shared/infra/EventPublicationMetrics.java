package org.yiyang.shared.infra;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Gauges for the module event publications (what to alert on, see docs/OPERATIONS.md):
 * {@code yiyang.events.incomplete} — publications not completed yet (normally near 0; a number
 * that keeps growing means a listener keeps failing or cannot keep up) and
 * {@code yiyang.events.oldest.incomplete} — the age in seconds of the oldest one. Read from the
 * database when scraped (cluster-wide figures: every node reports the same). NaN while the
 * database cannot be reached.
 */
@Component
class EventPublicationMetrics implements MeterBinder {

    private final JdbcClient jdbc;

    EventPublicationMetrics(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("yiyang.events.incomplete", this, m -> m.query("select count(*) from event_publication where completion_date is null"))
                .description("Module event publications not completed yet (all nodes)").register(registry);
        Gauge.builder("yiyang.events.oldest.incomplete", this, m -> m.query(
                        "select coalesce(extract(epoch from now() - min(publication_date)), 0) from event_publication where completion_date is null"))
                .description("Age of the oldest incomplete module event publication").baseUnit("seconds").register(registry);
    }

    private double query(String sql) {
        try {
            return jdbc.sql(sql).query(Double.class).single();
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }
}
