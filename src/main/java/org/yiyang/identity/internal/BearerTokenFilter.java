package org.yiyang.identity.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.web.filter.OncePerRequestFilter;

/** {@code Authorization: Bearer yy_…}: a system account's token, checked by its SHA-256 hash. */
class BearerTokenFilter extends OncePerRequestFilter {

    private final UserRepository users;
    private final AuthenticationEntryPoint entryPoint;

    BearerTokenFilter(UserRepository users, AuthenticationEntryPoint entryPoint) {
        this.users = users;
        this.entryPoint = entryPoint;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            String hash = UserAccountService.hash(header.substring(7).trim());
            var user = users.findByActiveTokenHash(hash).filter(YiyangUser::enabled);
            if (user.isEmpty()) {
                SecurityContextHolder.clearContext();
                entryPoint.commence(request, response, new BadCredentialsException("invalid token"));
                return;
            }
            users.touchToken(hash);
            YiyangUser u = user.get().withoutPassword();
            var auth = UsernamePasswordAuthenticationToken.authenticated(u, null, u.getAuthorities());
            var context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(auth);
            SecurityContextHolder.setContext(context);
        }
        chain.doFilter(request, response);
    }
}
