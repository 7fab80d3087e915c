package org.yiyang.assessment.internal;

import java.util.Optional;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Component;
import org.yiyang.shared.Authorities;
import org.yiyang.shared.ScopedPrincipal;

/**
 * Checks the second assessor's username and password, typed on the first assessor's tablet, with
 * the same authentication as the login form (BCrypt, disabled accounts refused). The password is
 * never stored or logged (docs/adr/0006-assessment-signatures.md).
 */
@Component
class CoSignerCheck {

    private final AuthenticationProvider authentication;

    CoSignerCheck(AuthenticationProvider authentication) {
        this.authentication = authentication;
    }

    /** The co-signer as a user, with whether they may assess. */
    record Verified(ScopedPrincipal user, boolean assessor) {
    }

    Optional<Verified> verify(String username, String password) {
        if (username == null || username.isBlank() || password == null || password.isEmpty()) {
            return Optional.empty();
        }
        try {
            Authentication a = authentication.authenticate(
                    UsernamePasswordAuthenticationToken.unauthenticated(username.strip(), password));
            if (a == null || !a.isAuthenticated() || !(a.getPrincipal() instanceof ScopedPrincipal p)) {
                return Optional.empty();
            }
            boolean assessor = a.getAuthorities().stream().anyMatch(g -> Authorities.ASSESS.equals(g.getAuthority()));
            return Optional.of(new Verified(p, assessor));
        } catch (AuthenticationException e) {
            return Optional.empty();
        }
    }
}
