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
 * A family member who lands on the console's home page goes to the large-font page instead:
 * {@code GET /} → {@code /f/}. Runs after the security filters; every other request and role passes.
 */
@Component
class FamilyAppHomeRedirect extends OncePerRequestFilter {

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !"GET".equals(request.getMethod()) || !"/".equals(path);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (CurrentUser.hasAuthority(Role.FAMILY.authority())) {
            String lang = request.getParameter("lang");
            boolean keepLang = lang != null && lang.matches("[A-Za-z-]{2,10}");
            response.sendRedirect(request.getContextPath() + "/f/" + (keepLang ? "?lang=" + lang : ""));
            return;
        }
        chain.doFilter(request, response);
    }
}
