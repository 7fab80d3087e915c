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
 * memory is bounded. When a remembered login expires under load, the requests arriving meanwhile
 * wait for the one BCrypt check already running for the same credentials instead of each starting
 * their own (at 300 requests/s an expiry used to start ~25 checks at once: 2 s of CPU).
 */
class RecentCredentialsAuthenticationProvider implements AuthenticationProvider {

    private static final int MAX_ENTRIES = 10_000;

    private final DaoAuthenticationProvider delegate;
    private final Duration ttl;
    private final Clock clock;
    private final byte[] key = new byte[32];
    private final Map<String, Remembered> remembered = new ConcurrentHashMap<>();
    private final Map<String, java.util.concurrent.CompletableFuture<YiyangUser>> checking = new ConcurrentHashMap<>();

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
        java.util.concurrent.CompletableFuture<YiyangUser> mine = new java.util.concurrent.CompletableFuture<>();
        java.util.concurrent.CompletableFuture<YiyangUser> running = checking.putIfAbsent(fingerprint, mine);
        if (running != null) {
            YiyangUser user = await(running);
            if (user != null) {
                return UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
            }
            return delegate.authenticate(authentication);   // not one of ours: no sharing
        }
        try {
            Authentication result = delegate.authenticate(authentication);
            if (result != null && result.getPrincipal() instanceof YiyangUser user) {
                if (remembered.size() >= MAX_ENTRIES) {
                    remembered.entrySet().removeIf(e -> !e.getValue().until().isAfter(now));
                    if (remembered.size() >= MAX_ENTRIES) remembered.clear();
                }
                YiyangUser safe = user.withoutPassword();
                remembered.put(fingerprint, new Remembered(safe, now.plus(ttl)));
                mine.complete(safe);
                return UsernamePasswordAuthenticationToken.authenticated(safe, null, user.getAuthorities());
            }
            mine.complete(null);
            return result;
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            checking.remove(fingerprint, mine);
        }
    }

    /** The outcome of the check another request is running for the same credentials (its exception rethrown). */
    private static YiyangUser await(java.util.concurrent.CompletableFuture<YiyangUser> running) {
        try {
            return running.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
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
