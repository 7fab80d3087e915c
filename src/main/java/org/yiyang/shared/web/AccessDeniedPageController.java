package org.yiyang.shared.web;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/** The page Spring Security forwards to when a logged-in user may not open something. */
@Controller
class AccessDeniedPageController {

    @RequestMapping("/error/403")
    String denied(HttpServletResponse response) {
        response.setStatus(403);
        return "error/403";
    }
}
