package org.yiyang.shared;

/**
 * The record does not exist, or lies outside the caller's scope: both answer 404, so that nobody
 * learns that a record exists elsewhere.
 */
public class NotFoundException extends RuntimeException {

    private final String code;

    public NotFoundException(String code, Object id) {
        super(code + ": " + id);
        this.code = code;
    }

    /** A stable code such as {@code elder.not-found}; its text is in the message bundles. */
    public String code() {
        return code;
    }
}
