package org.yiyang.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.yiyang.identity.Role;
import org.yiyang.shared.DataScope;

class RecentCredentialsAuthenticationProviderTests {

    private final BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(4);
    private final AtomicInteger bcryptChecks = new AtomicInteger();
    private final String hash = bcrypt.encode("demo");
    private Instant now = Instant.parse("2026-11-22T08:00:00Z");

    private RecentCredentialsAuthenticationProvider provider() {
        DaoAuthenticationProvider dao = new DaoAuthenticationProvider(username -> {
            if (!username.equals("county")) throw new UsernameNotFoundException(username);
            return new YiyangUser(7, "county", hash, "县民政局", Role.BUREAU_SUPERVISOR, DataScope.region("410902"), true);
        });
        dao.setPasswordEncoder(new org.springframework.security.crypto.password.PasswordEncoder() {
            public String encode(CharSequence raw) {
                return bcrypt.encode(raw);
            }

            public boolean matches(CharSequence raw, String encoded) {
                bcryptChecks.incrementAndGet();
                return bcrypt.matches(raw, encoded);
            }
        });
        Clock clock = new Clock() {
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            public Instant instant() {
                return now;
            }
        };
        return new RecentCredentialsAuthenticationProvider(dao, Duration.ofSeconds(60), clock);
    }

    @Test
    void aRepeatedLoginWithinTheMinuteSkipsBcryptAndKeepsTheScope() {
        var provider = provider();
        var first = provider.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("county", "demo"));
        var second = provider.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("county", "demo"));
        assertThat(bcryptChecks.get()).isEqualTo(1);
        assertThat(((YiyangUser) second.getPrincipal()).scope()).isEqualTo(DataScope.region("410902"));
        assertThat(((YiyangUser) first.getPrincipal()).passwordHash()).isEmpty();
        assertThat(second.getAuthorities()).extracting(Object::toString).contains("ROLE_BUREAU_SUPERVISOR", "PII_VIEW");
    }

    @Test
    void aWrongPasswordIsNeverRememberedAndAlwaysChecked() {
        var provider = provider();
        provider.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("county", "demo"));
        assertThatThrownBy(() -> provider.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("county", "wrong")))
                .isInstanceOf(BadCredentialsException.class);
        assertThatThrownBy(() -> provider.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("county", "wrong")))
                .isInstanceOf(BadCredentialsException.class);
        assertThat(bcryptChecks.get()).isEqualTo(3);
    }

    @Test
    void aRememberedLoginExpires() {
        var provider = provider();
        provider.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("county", "demo"));
        now = now.plusSeconds(61);
        provider.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("county", "demo"));
        assertThat(bcryptChecks.get()).isEqualTo(2);
    }

    @Test
    void requestsArrivingDuringACheckWaitForItInsteadOfCheckingAgain() throws Exception {
        java.util.concurrent.CountDownLatch inCheck = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        DaoAuthenticationProvider dao = new DaoAuthenticationProvider(username ->
                new YiyangUser(7, "county", hash, "县民政局", Role.BUREAU_SUPERVISOR, DataScope.region("410902"), true));
        dao.setPasswordEncoder(new org.springframework.security.crypto.password.PasswordEncoder() {
            public String encode(CharSequence raw) {
                return bcrypt.encode(raw);
            }

            public boolean matches(CharSequence raw, String encoded) {
                bcryptChecks.incrementAndGet();
                inCheck.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                return bcrypt.matches(raw, encoded);
            }
        });
        var provider = new RecentCredentialsAuthenticationProvider(dao, Duration.ofSeconds(60), Clock.systemUTC());
        try (var pool = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            var first = pool.submit(() -> provider.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("county", "demo")));
            inCheck.await();
            var others = new java.util.ArrayList<java.util.concurrent.Future<org.springframework.security.core.Authentication>>();
            for (int i = 0; i < 20; i++) {
                others.add(pool.submit(() -> provider.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("county", "demo"))));
            }
            var wrong = pool.submit(() -> provider.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("county", "wrong")));
            Thread.sleep(200);
            release.countDown();
            assertThat(first.get().isAuthenticated()).isTrue();
            for (var f : others) {
                assertThat(((YiyangUser) f.get().getPrincipal()).scope()).isEqualTo(DataScope.region("410902"));
            }
            assertThatThrownBy(wrong::get).hasCauseInstanceOf(BadCredentialsException.class);
        }
        // one check for the right password (shared by 21 requests), one for the wrong one
        assertThat(bcryptChecks.get()).isEqualTo(2);
    }
}
