package org.yiyang.identity;

import java.time.Instant;
import java.util.List;

/** Another system's account (12345 hotline, a provider's system, devices) with its tokens (never their values). */
public record SystemAccount(long id, String username, String displayName, String regionPrefix, boolean enabled,
                            List<Token> tokens) {

    public record Token(long id, String name, Instant createdAt, Instant lastUsedAt, Instant revokedAt) {
        public boolean active() {
            return revokedAt == null;
        }
    }
}
