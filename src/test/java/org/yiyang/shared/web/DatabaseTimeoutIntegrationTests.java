package org.yiyang.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.yiyang.IntegrationTest;

/**
 * A slow or locked database: requests fail cleanly and quickly with 503 (problem+json with
 * Retry-After in the API, the "busy" page in the console) instead of waiting and piling up.
 */
@IntegrationTest
class DatabaseTimeoutIntegrationTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    DataSource dataSource;

    @Test
    void pooledConnectionsCarryTheStatementAndLockTimeouts() {
        JdbcClient jdbc = JdbcClient.create(dataSource);
        assertThat(jdbc.sql("show statement_timeout").query(String.class).single()).isEqualTo("30s");
        assertThat(jdbc.sql("show lock_timeout").query(String.class).single()).isEqualTo("5s");
        assertThat(((HikariDataSource) dataSource).getConnectionTimeout()).isEqualTo(5000);
        // every pooled connection, not only the first one handed out (Flyway must not have lifted them)
        HikariDataSource pool = (HikariDataSource) dataSource;
        java.util.List<Connection> held = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < pool.getMaximumPoolSize() - 2; i++) {
                Connection c = pool.getConnection();
                held.add(c);
                try (Statement s = c.createStatement(); java.sql.ResultSet rs = s.executeQuery("show statement_timeout")) {
                    rs.next();
                    assertThat(rs.getString(1)).isEqualTo("30s");
                }
            }
        } catch (java.sql.SQLException e) {
            throw new AssertionError(e);
        } finally {
            held.forEach(c -> {
                try {
                    c.close();
                } catch (java.sql.SQLException ignored) {
                    // closing a pooled connection gives it back
                }
            });
        }
    }

    @Test
    void aRequestBlockedByALockGetsA503WithinTheLockTimeout() throws Exception {
        HikariDataSource pool = (HikariDataSource) dataSource;
        try (Connection other = DriverManager.getConnection(pool.getJdbcUrl(), pool.getUsername(), "")) {
            other.setAutoCommit(false);
            try (Statement s = other.createStatement()) {
                // another session holds the catalogue table (a long migration, a stuck batch job)
                s.execute("lock table service_item in access exclusive mode");
            }
            Instant start = Instant.now();
            mvc.perform(get("/api/v1/service-items").param("q", "ZC").with(httpBasic("operator", "demo")))
                    .andExpect(status().isServiceUnavailable())
                    .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                    .andExpect(header().string("Retry-After", "5"))
                    .andExpect(jsonPath("$.code").value("service.unavailable"))
                    .andExpect(jsonPath("$.status").value(503));
            assertThat(Duration.between(start, Instant.now())).isBetween(Duration.ofSeconds(4), Duration.ofSeconds(15));

            mvc.perform(get("/service-items").with(httpBasic("operator", "demo")))
                    .andExpect(status().isServiceUnavailable())
                    .andExpect(header().string("Retry-After", "5"))
                    .andExpect(content().string(org.hamcrest.Matchers.containsString("系统繁忙")));
            other.rollback();
        }
        // and once the lock is gone the same request works
        mvc.perform(get("/api/v1/service-items").param("q", "ZC").with(httpBasic("operator", "demo")))
                .andExpect(status().isOk());
    }
}
