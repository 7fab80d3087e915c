package org.yiyang.shared.infra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.beans.factory.DisposableBean;

/**
 * Marks that the platform runs on its own embedded PostgreSQL (and so may be in demo mode). When
 * the application context closes (after its connection pool, which depends on this bean), the
 * context gives the server back; the server stops when no context uses it any more.
 */
public record EmbeddedDatabase(EmbeddedPostgres server, Runnable release) implements DisposableBean {

    @Override
    public void destroy() {
        release.run();
    }
}
