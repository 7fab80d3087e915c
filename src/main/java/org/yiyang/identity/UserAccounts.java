package org.yiyang.identity;

import java.util.Optional;

/** Creates users and issues tokens for system accounts. */
public interface UserAccounts {

    /** Creates the user; a taken username is a 409 {@code user.username-taken}. Returns the id. */
    long create(NewUser user);

    Optional<Long> idOf(String username);

    /**
     * Issues a bearer token for a system account; the token is shown once and only its hash is
     * stored. Revoke with {@link #revokeToken(long)}.
     */
    IssuedToken issueToken(long userId, String name);

    void revokeToken(long tokenId);

    record IssuedToken(long id, String token) {
    }
}
