package org.yiyang.order.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.yiyang.identity.Role;
import org.yiyang.shared.CurrentUser;

/**
 * A caregiver who lands on the console's home page (after login, or by the brand link) goes to
 * the phone page instead: {@code GET /} → {@code /m/}. Runs after the security filters, so the
 * caller is known; every other request and every other role passes through untouched.
 */
@Component
class CaregiverAppHomeRedirect extends OncePerRequestFilter {

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !"GET".equals(request.getMethod()) || !"/".equals(path);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (CurrentUser.hasAuthority(Role.CAREGIVER.authority())) {
            String lang = request.getParameter("lang");
            boolean keepLang = lang != null && lang.matches("[A-Za-z-]{2,10}");
            response.sendRedirect(request.getContextPath() + "/m/" + (keepLang ? "?lang=" + lang : ""));
            return;
        }
        chain.doFilter(request, response);
    }
}
