package org.yiyang.shared.infra;

import com.zaxxer.hikari.HikariDataSource;
import java.util.Properties;
import javax.sql.DataSource;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Migrations may run long (an index on a big table) and wait for locks: Flyway connects on its own,
 * unpooled, to the pool's database without the request limits of {@link DatabaseTimeouts}. (A
 * {@code set} on a pooled connection would outlive the migration and lift the limits for requests.)
 */
@Configuration(proxyBeanMethods = false)
class FlywayConnections {

    @Bean
    FlywayConfigurationCustomizer flywayWithoutRequestTimeouts(DataSource dataSource) {
        return configuration -> {
            if (dataSource instanceof HikariDataSource pool && pool.getJdbcUrl() != null) {
                DriverManagerDataSource direct = new DriverManagerDataSource(pool.getJdbcUrl());
                Properties properties = new Properties();
                properties.putAll(pool.getDataSourceProperties());
                properties.setProperty("options", "-c statement_timeout=0 -c lock_timeout=0");
                if (pool.getUsername() != null) {
                    properties.setProperty("user", pool.getUsername());
                }
                if (pool.getPassword() != null) {
                    properties.setProperty("password", pool.getPassword());
                }
                direct.setConnectionProperties(properties);
                configuration.dataSource(direct);
            }
        };
    }
}
