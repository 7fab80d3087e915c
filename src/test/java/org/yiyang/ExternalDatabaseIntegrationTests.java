package org.yiyang;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The platform on an external PostgreSQL: a separate server process (the PostgreSQL 17 binaries,
 * started here on its own port and data folder, as an operator would run one), reached only
 * through {@code SPRING_DATASOURCE_URL}-style properties. The embedded database must stay off,
 * Flyway must build the schema there, and demo mode must be off by default.
 */
class ExternalDatabaseIntegrationTests {

    @Test
    void thePlatformRunsOnAnExternalPostgresqlWithoutDemoData() throws Exception {
        Path dataDir = Files.createTempDirectory("yiyang-external-pg");
        try (EmbeddedPostgres server = EmbeddedPostgres.builder().setDataDirectory(dataDir).setCleanDataDirectory(true).start()) {
            JdbcClient admin = JdbcClient.create(server.getPostgresDatabase());
            admin.sql("create database yiyang_ext").update();
            admin.sql("create user yiyang_app password 'secret'").update();
            admin.sql("alter database yiyang_ext owner to yiyang_app").update();
            String url = "jdbc:postgresql://localhost:" + server.getPort() + "/yiyang_ext";

            try (ConfigurableApplicationContext app = new SpringApplicationBuilder(YiyangApplication.class)
                    .run("--spring.datasource.url=" + url,
                            "--spring.datasource.username=yiyang_app",
                            "--spring.datasource.password=secret",
                            "--server.port=0",
                            "--yiyang.embedded-db.data-dir=target/must-not-exist-pg",
                            "--yiyang.crypto.key=MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=")) {
                assertThat(app.getBeanNamesForType(org.yiyang.shared.infra.EmbeddedDatabase.class)).isEmpty();
                assertThat(Path.of("target/must-not-exist-pg")).doesNotExist();

                JdbcClient db = JdbcClient.create(app.getBean(javax.sql.DataSource.class));
                assertThat(db.sql("select current_database()").query(String.class).single()).isEqualTo("yiyang_ext");
                assertThat(db.sql("select count(*) from flyway_schema_history where success").query(Long.class).single())
                        .isGreaterThanOrEqualTo(5);
                assertThat(db.sql("select count(*) from demo_state").query(Long.class).single()).isZero();
                assertThat(db.sql("select count(*) from app_user").query(Long.class).single()).isZero();

                String port = app.getEnvironment().getProperty("local.server.port");
                HttpResponse<String> health = HttpClient.newHttpClient().send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(health.statusCode()).isEqualTo(200);
                assertThat(health.body()).contains("\"status\":\"UP\"");
            }
        }
    }
}
