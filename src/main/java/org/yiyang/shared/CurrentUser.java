package org.yiyang.shared;

import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The caller of the current request, read from Spring Security's context. */
public final class CurrentUser {

    private CurrentUser() {
    }

    public static Optional<ScopedPrincipal> principal() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof ScopedPrincipal p) {
            return Optional.of(p);
        }
        return Optional.empty();
    }

    /** The caller's scope; {@link DataScope.None} when nobody is logged in. */
    public static DataScope scope() {
        return principal().map(ScopedPrincipal::scope).orElse(new DataScope.None());
    }

    public static boolean hasAuthority(String authority) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getAuthorities().stream().anyMatch(a -> authority.equals(a.getAuthority()));
    }
}
