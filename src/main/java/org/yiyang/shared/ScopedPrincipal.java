package org.yiyang.shared;

/** Implemented by the logged-in principal, so modules learn the caller's scope without knowing identity. */
public interface ScopedPrincipal {

    long userId();

    String username();

    DataScope scope();

    /** The name people know the user by (the login name unless identity knows better). */
    default String displayName() {
        return username();
    }
}
