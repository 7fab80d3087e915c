package org.yiyang.shared.infra;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * A slow or locked database must not make requests pile up: every connection pool (embedded or
 * external PostgreSQL) waits at most {@code yiyang.db.connection-timeout} for a free connection, and
 * its connections cancel a statement after {@code yiyang.db.statement-timeout} and give up waiting
 * for a lock after {@code yiyang.db.lock-timeout} (PostgreSQL's {@code statement_timeout} and
 * {@code lock_timeout}, set at connect time; 0 switches one off). The API answers these failures
 * with 503 and {@code Retry-After} (see {@code ApiProblemAdvice}). Work that may legitimately run
 * long lifts them: the demo city generation for its transaction ({@code set local …}), Flyway on its
 * own unpooled connections ({@link FlywayConnections}).
 */
@Component
class DatabaseTimeouts implements BeanPostProcessor, EnvironmentAware {

    private Duration connectionTimeout = Duration.ofSeconds(5);
    private Duration statementTimeout = Duration.ofSeconds(30);
    private Duration lockTimeout = Duration.ofSeconds(5);

    @Override
    public void setEnvironment(Environment environment) {
        Binder binder = Binder.get(environment);
        connectionTimeout = binder.bind("yiyang.db.connection-timeout", Duration.class).orElse(connectionTimeout);
        statementTimeout = binder.bind("yiyang.db.statement-timeout", Duration.class).orElse(statementTimeout);
        lockTimeout = binder.bind("yiyang.db.lock-timeout", Duration.class).orElse(lockTimeout);
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource pool && !pool.isRunning()) {
            apply(pool);
        }
        return bean;
    }

    void apply(HikariDataSource pool) {
        if (connectionTimeout.toMillis() > 0) {
            pool.setConnectionTimeout(Math.max(250, connectionTimeout.toMillis()));
        }
        String options = "-c statement_timeout=" + statementTimeout.toMillis() + " -c lock_timeout=" + lockTimeout.toMillis();
        Object configured = pool.getDataSourceProperties().get("options");
        pool.addDataSourceProperty("options", configured == null ? options : configured + " " + options);
    }
}
