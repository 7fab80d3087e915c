package org.yiyang.shared.infra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/** Marks that the platform runs on its own embedded PostgreSQL (and so may be in demo mode). */
public record EmbeddedDatabase(EmbeddedPostgres server) {
}
