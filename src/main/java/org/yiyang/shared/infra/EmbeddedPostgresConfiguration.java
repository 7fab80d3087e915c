package org.yiyang.shared.infra;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Runs PostgreSQL 17 inside the process (zonky binaries from Maven Central) when no
 * {@code spring.datasource.url} is configured. Data lives under {@code ./data/pg} and is kept across
 * restarts; tests point {@code yiyang.embedded-db.data-dir} at a scratch folder and ask for it clean.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedPostgresConfiguration.NoDatasourceUrl.class)
class EmbeddedPostgresConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

    /** One server per JVM and data folder: test contexts share it, as the suite shares one database. */
    private static final Map<String, EmbeddedPostgres> RUNNING = new HashMap<>();
    private static final Map<String, Integer> USERS = new HashMap<>();

    @Bean
    EmbeddedDatabase embeddedDatabase(@Value("${yiyang.embedded-db.data-dir:./data/pg}") String dataDir,
            @Value("${yiyang.embedded-db.clean:false}") boolean clean,
            @Value("${yiyang.embedded-db.port:0}") int port,
            @Value("${yiyang.embedded-db.synchronous-commit:on}") String synchronousCommit) {
        String key = new File(dataDir).getAbsoluteFile().getPath();
        return new EmbeddedDatabase(start(dataDir, clean, port, synchronousCommit), () -> release(key));
    }

    @Bean
    DataSource dataSource(EmbeddedDatabase db, @Value("${yiyang.embedded-db.pool-size:20}") int poolSize) {
        HikariDataSource ds = new HikariDataSource();
        ds.setJdbcUrl(db.server().getJdbcUrl("postgres", "postgres"));
        ds.setUsername("postgres");
        ds.setMaximumPoolSize(poolSize);
        ds.setPoolName("yiyang-embedded");
        return ds;
    }

    private static synchronized EmbeddedPostgres start(String dataDir, boolean clean, int port, String synchronousCommit) {
        File dir = new File(dataDir).getAbsoluteFile();
        String key = dir.getPath();
        EmbeddedPostgres running = RUNNING.get(key);
        if (running != null) {
            USERS.merge(key, 1, Integer::sum);
            return running;
        }
        try {
            Files.createDirectories(dir.toPath());
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dir)
                    .setCleanDataDirectory(clean)
                    // Stopped by release() after the last context closed its pool, not by a JVM hook racing Spring's own.
                    .setRegisterShutdownHook(false)
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("shared_buffers", "256MB")
                    .setServerConfig("timezone", "UTC")
                    // zonky turns this off for speed; an accepted order must survive a crash, so it is on
                    // unless a test profile trades durability for speed.
                    .setServerConfig("synchronous_commit", synchronousCommit)
                    .setLocaleConfig("encoding", "UTF8")
                    .setLocaleConfig("locale", "C.UTF-8");
            if (port > 0) {
                builder.setPort(port);
            }
            EmbeddedPostgres pg = builder.start();
            log.info("Embedded PostgreSQL running on port {} with data in {}", pg.getPort(), dir);
            RUNNING.put(key, pg);
            USERS.put(key, 1);
            return pg;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dir, e);
        }
    }

    /** Stops the server when the last application context using it has closed (after its pool). */
    private static synchronized void release(String key) {
        Integer users = USERS.merge(key, -1, Integer::sum);
        if (users != null && users <= 0) {
            USERS.remove(key);
            EmbeddedPostgres pg = RUNNING.remove(key);
            if (pg != null) {
                try {
                    pg.close();
                    log.info("Embedded PostgreSQL in {} stopped", key);
                } catch (IOException e) {
                    log.warn("Could not stop the embedded PostgreSQL in {} cleanly", key, e);
                }
            }
        }
    }

    static class NoDatasourceUrl implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !StringUtils.hasText(context.getEnvironment().getProperty("spring.datasource.url"));
        }
    }
}
