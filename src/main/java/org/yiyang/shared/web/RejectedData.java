package org.yiyang.shared.web;

import java.sql.SQLException;

/**
 * Input that passed the checks but that PostgreSQL refuses as data (SQL state class 22): a NUL
 * character in a text ("invalid byte sequence for encoding UTF8: 0x00"), a number out of a column's
 * range, a value too long for its column. The client's input, not a fault of the platform: 400, and
 * the transaction has rolled back, so nothing was stored.
 */
final class RejectedData {

    static final String CODE = "request.invalid-data";

    private RejectedData() {
    }

    static boolean isCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("22")) {
                return true;
            }
        }
        return false;
    }
}
