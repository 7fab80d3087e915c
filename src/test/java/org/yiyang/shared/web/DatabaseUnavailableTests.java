package org.yiyang.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

class DatabaseUnavailableTests {

    @Test
    void poolExhaustionOutagesTimeoutsAndLocksAreUnavailable() {
        SQLTransientConnectionException poolTimeout = new SQLTransientConnectionException("yiyang - Connection is not available, request timed out after 5000ms");
        assertThat(DatabaseUnavailable.isCause(new CannotCreateTransactionException("Could not open JDBC Connection", poolTimeout))).isTrue();
        assertThat(DatabaseUnavailable.isCause(new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection", poolTimeout))).isTrue();
        assertThat(DatabaseUnavailable.isCause(new QueryTimeoutException("statement timeout"))).isTrue();
        assertThat(DatabaseUnavailable.isCause(new CannotAcquireLockException("lock timeout"))).isTrue();
        assertThat(DatabaseUnavailable.isCause(new DataAccessResourceFailureException("connection refused"))).isTrue();
        // untranslated, by SQL state, also when wrapped
        assertThat(DatabaseUnavailable.isCause(new UncategorizedSQLException("x", "select", new SQLException("canceling statement due to statement timeout", "57014")))).isTrue();
        assertThat(DatabaseUnavailable.isCause(new IllegalStateException(new SQLException("terminating connection due to administrator command", "57P01")))).isTrue();
        assertThat(DatabaseUnavailable.isCause(new RuntimeException(new SQLException("Connection refused", "08001")))).isTrue();
        // PostgreSQL restarted under a transaction: the rollback fails on the pool's closed connection (seen in bench/faults.sh)
        assertThat(DatabaseUnavailable.isCause(new TransactionSystemException("JDBC rollback failed", new SQLException("Connection is closed")))).isTrue();
    }

    @Test
    void faultsInTheRequestOrTheCodeAreNot() {
        assertThat(DatabaseUnavailable.isCause(new IllegalStateException("bug"))).isFalse();
        assertThat(DatabaseUnavailable.isCause(new TransactionSystemException("Could not commit: no transaction"))).isFalse();
        assertThat(DatabaseUnavailable.isCause(new DataIntegrityViolationException("duplicate key"))).isFalse();
        assertThat(DatabaseUnavailable.isCause(new OptimisticLockingFailureException("stale version"))).isFalse();
        assertThat(DatabaseUnavailable.isCause(new UncategorizedSQLException("x", "select", new SQLException("syntax error", "42601")))).isFalse();
    }
}
