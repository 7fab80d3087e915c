package org.yiyang.order.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.yiyang.identity.Role;
import org.yiyang.shared.CurrentUser;

/**
 * Users with a page of their own who land on the console's home page (after login, or by the
 * brand link) go to it instead: caregivers {@code GET /} → {@code /m/}, family members → {@code /f/}.
 * Runs after the security filters, so the caller is known; every other request and role passes.
 */
@Component
class RoleHomeRedirect extends OncePerRequestFilter {

    private static final Map<Role, String> HOMES = Map.of(Role.CAREGIVER, "/m/", Role.FAMILY, "/f/");

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !"GET".equals(request.getMethod()) || !"/".equals(path);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        for (Map.Entry<Role, String> home : HOMES.entrySet()) {
            if (CurrentUser.hasAuthority(home.getKey().authority())) {
                String lang = request.getParameter("lang");
                boolean keepLang = lang != null && lang.matches("[A-Za-z-]{2,10}");
                response.sendRedirect(request.getContextPath() + home.getValue() + (keepLang ? "?lang=" + lang : ""));
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
