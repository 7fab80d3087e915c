package org.yiyang.shared.infra;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiyang.shared.DemoMode;
import org.yiyang.shared.DemoSeeder;
import org.yiyang.shared.DemoSettings;

/**
 * Demo mode: on the embedded database (or when {@code yiyang.demo.enabled=true}), an empty database
 * gets the generated demo city once, and the demo logins are printed at every start.
 */
@Component
@Order(0)
class DemoDataRunner implements ApplicationRunner {

    @org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
    static class DemoModeConfiguration {
        @org.springframework.context.annotation.Bean
        DemoMode demoMode(ObjectProvider<EmbeddedDatabase> embedded, @Value("${yiyang.demo.enabled:auto}") String enabled) {
            return new DemoMode("auto".equals(enabled) ? embedded.getIfAvailable() != null : Boolean.parseBoolean(enabled));
        }
    }

    private static final Logger log = LoggerFactory.getLogger(DemoDataRunner.class);

    private final JdbcClient jdbc;
    private final List<DemoSeeder> seeders;
    private final boolean enabled;
    private final DemoSettings settings;
    private final Environment env;

    private final TransactionTemplate transaction;

    DemoDataRunner(JdbcClient jdbc, List<DemoSeeder> seeders, DemoMode demoMode, PlatformTransactionManager transactions,
            @Value("${yiyang.demo.seed:20261122}") long seed,
            @Value("${yiyang.demo.size:default}") String size, Environment env) {
        this.jdbc = jdbc;
        this.seeders = seeders.stream().sorted(Comparator.comparingInt(DemoSeeder::order)).toList();
        this.enabled = demoMode.enabled();
        this.settings = new DemoSettings(seed, DemoSettings.Size.valueOf(size.toUpperCase()));
        this.env = env;
        this.transaction = new TransactionTemplate(transactions);
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!enabled) {
            return;
        }
        boolean seeded = jdbc.sql("select count(*) from demo_state").query(Long.class).single() > 0;
        if (!seeded) {
            Instant start = Instant.now();
            log.info("Generating the demo city ({} elders, seed {})…", settings.size().elders(), settings.seed());
            // One transaction: a start that dies half-way leaves an empty database, and the next start seeds again.
            transaction.executeWithoutResult(status -> {
                for (DemoSeeder seeder : seeders) {
                    seeder.seed(settings);
                }
                jdbc.sql("insert into demo_state(seed, size) values (?, ?)")
                        .params(settings.seed(), settings.size().name()).update();
            });
            log.info("Demo city ready in {} ms", Duration.between(start, Instant.now()).toMillis());
        }
        String port = env.getProperty("local.server.port", env.getProperty("server.port", "8080"));
        log.info("""

                ==============================================================
                  Yiyang (颐养) is running in demo mode:  http://localhost:{}/
                  Demo logins (password "demo" for all):
                    city      city civil-affairs bureau supervisor (whole city)
                    county    supervisor of the first county (that county only)
                    operator  hotline operator and dispatcher (whole city)
                    provider  manager of the first home-care provider
                    caregiver a caregiver of that provider
                    family    family member of one elder
                    assessor, assessor2  ability assessors (whole city)
                  API: http://localhost:{}/swagger-ui.html
                ==============================================================
                """, port, port);
    }
}
