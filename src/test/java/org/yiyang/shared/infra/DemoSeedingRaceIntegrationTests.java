package org.yiyang.shared.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.env.MockEnvironment;
import org.yiyang.IntegrationTest;
import org.yiyang.shared.DemoMode;
import org.yiyang.shared.DemoSeeder;
import org.yiyang.shared.DemoSettings;

/**
 * Two nodes starting at the same moment on one empty database (bench/multi-node.sh): only one may
 * generate the demo city; the other waits for it and starts normally. Before the advisory lock both
 * seeded and the second failed on duplicate keys. Runs two demo runners on a scratch schema of the
 * test database with a slow stand-in seeder.
 */
@IntegrationTest
class DemoSeedingRaceIntegrationTests {

    @Autowired
    DataSource dataSource;

    @AfterEach
    void dropScratchSchema() {
        JdbcClient.create(dataSource).sql("drop schema if exists demo_race cascade").update();
    }

    @Test
    void twoNodesStartingOnAnEmptyDatabaseGenerateTheDemoCityOnce() throws Exception {
        JdbcClient admin = JdbcClient.create(dataSource);
        admin.sql("drop schema if exists demo_race cascade").update();
        admin.sql("create schema demo_race").update();
        admin.sql("create table demo_race.demo_state (seed bigint not null, size text not null, created_at timestamptz not null default now())").update();
        admin.sql("create table demo_race.seeded (node text not null)").update();

        HikariDataSource pool = (HikariDataSource) dataSource;
        String url = pool.getJdbcUrl() + (pool.getJdbcUrl().contains("?") ? "&" : "?") + "currentSchema=demo_race";
        DriverManagerDataSource scoped = new DriverManagerDataSource(url, pool.getUsername(), "");
        JdbcClient jdbc = JdbcClient.create(scoped);

        CountDownLatch go = new CountDownLatch(1);
        try (ExecutorService nodes = Executors.newFixedThreadPool(2)) {
            List<Future<Object>> started = new java.util.ArrayList<>();
            for (String node : List.of("node-1", "node-2")) {
                started.add(nodes.submit(() -> {
                DemoSeeder slow = new DemoSeeder() {
                    @Override
                    public int order() {
                        return 100;
                    }

                    @Override
                    public void seed(DemoSettings settings) {
                        jdbc.sql("insert into seeded (node) values (?)").param(node).update();
                        try {
                            Thread.sleep(700);   // long enough for the other node to look at demo_state meanwhile
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                };
                DemoDataRunner runner = new DemoDataRunner(jdbc, List.of(slow), new DemoMode(true),
                        new DataSourceTransactionManager(scoped), 7, "default", new MockEnvironment());
                go.await();
                runner.run(null);
                return null;
                }));
            }
            go.countDown();
            for (Future<Object> node : started) {
                node.get();   // neither node fails
            }
        }
        assertThat(jdbc.sql("select count(*) from seeded").query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from demo_state").query(Long.class).single()).isEqualTo(1);
    }
}
