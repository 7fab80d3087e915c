package org.yiyang.shared.web;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Failures that mean "the database cannot serve this request now" rather than a fault in the
 * request or the code: no pooled connection within {@code yiyang.db.connection-timeout}, the server
 * down or restarting, a statement cancelled by {@code statement_timeout}, a lock not granted within
 * {@code lock_timeout}, a deadlock, a commit or rollback on a connection that broke (PostgreSQL restarted
 * under the transaction). Both the API and the console answer them with 503 (try again),
 * not 500.
 */
final class DatabaseUnavailable {

    /** Seconds a client should wait before retrying ({@code Retry-After}). */
    static final String RETRY_AFTER_SECONDS = "5";

    private DatabaseUnavailable() {
    }

    static boolean isCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof CannotCreateTransactionException || t instanceof DataAccessResourceFailureException
                    || t instanceof QueryTimeoutException || t instanceof PessimisticLockingFailureException
                    || t instanceof TransientDataAccessResourceException || t instanceof RecoverableDataAccessException
                    || t instanceof SQLTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null && unavailableState(sql.getSQLState())) {
                return true;
            }
            // commit or rollback could not reach the database (the connection broke under the transaction);
            // the failure that started the rollback, if any, is kept aside as the "application exception"
            if (t instanceof TransactionSystemException tse
                    && (tse.getCause() instanceof SQLException || tse.getApplicationException() != null && isCause(tse.getApplicationException()))) {
                return true;
            }
        }
        return false;
    }

    /** 08… connection, 57014 statement cancelled, 57P0x shutting down or starting, 55P03 lock timeout, 40P01 deadlock, 53300 too many connections. */
    private static boolean unavailableState(String state) {
        return state.startsWith("08") || state.equals("57014") || state.startsWith("57P") || state.equals("55P03")
                || state.equals("40P01") || state.equals("53300");
    }
}
