package org.yiyang.shared;

/**
 * A business rule refused the action (already dispatched, duplicate ID number, ...). The code is
 * stable and part of the API; its text, with {@link #args()}, is in the message bundles.
 */
public class RuleViolationException extends RuntimeException {

    private final String code;
    private final int status;
    private final Object[] args;

    public RuleViolationException(String code, int status, Object... args) {
        super(code);
        this.code = code;
        this.status = status;
        this.args = args;
    }

    /** 409: the current state does not allow it. */
    public static RuleViolationException conflict(String code, Object... args) {
        return new RuleViolationException(code, 409, args);
    }

    /** 422: well-formed but not acceptable. */
    public static RuleViolationException unprocessable(String code, Object... args) {
        return new RuleViolationException(code, 422, args);
    }

    public String code() {
        return code;
    }

    public int status() {
        return status;
    }

    public Object[] args() {
        return args.clone();
    }
}
