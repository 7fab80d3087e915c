package org.yiyang.identity.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;

/**
 * Checks user name and password with BCrypt (deliberately slow: ~80 ms on this hardware), and
 * remembers a successful check for a short time so that scripts and systems calling the API with
 * HTTP Basic don't pay BCrypt on every request. Only an HMAC of the credentials under a key made
 * at start-up is kept in memory, never the password; a remembered login expires after
 * {@code ttl} (so a changed password or disabled user takes effect within that time), and the
 * memory is bounded.
 */
class RecentCredentialsAuthenticationProvider implements AuthenticationProvider {

    private static final int MAX_ENTRIES = 10_000;

    private final DaoAuthenticationProvider delegate;
    private final Duration ttl;
    private final Clock clock;
    private final byte[] key = new byte[32];
    private final Map<String, Remembered> remembered = new ConcurrentHashMap<>();

    RecentCredentialsAuthenticationProvider(DaoAuthenticationProvider delegate, Duration ttl, Clock clock) {
        this.delegate = delegate;
        this.ttl = ttl;
        this.clock = clock;
        new SecureRandom().nextBytes(key);
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        if (authentication.getCredentials() == null) {
            return delegate.authenticate(authentication);
        }
        String fingerprint = fingerprint(authentication.getName(), authentication.getCredentials().toString());
        Instant now = clock.instant();
        Remembered hit = remembered.get(fingerprint);
        if (hit != null && hit.until().isAfter(now)) {
            return UsernamePasswordAuthenticationToken.authenticated(hit.user(), null, hit.user().getAuthorities());
        }
        Authentication result = delegate.authenticate(authentication);
        if (result != null && result.getPrincipal() instanceof YiyangUser user) {
            if (remembered.size() >= MAX_ENTRIES) {
                remembered.entrySet().removeIf(e -> !e.getValue().until().isAfter(now));
                if (remembered.size() >= MAX_ENTRIES) remembered.clear();
            }
            remembered.put(fingerprint, new Remembered(user.withoutPassword(), now.plus(ttl)));
            return UsernamePasswordAuthenticationToken.authenticated(user.withoutPassword(), null, user.getAuthorities());
        }
        return result;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return delegate.supports(authentication);
    }

    private String fingerprint(String username, String password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal((username + '\u0000' + password).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Remembered(YiyangUser user, Instant until) {
    }
}
