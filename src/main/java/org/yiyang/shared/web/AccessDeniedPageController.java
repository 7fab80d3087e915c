package org.yiyang.shared.web;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/** Error pages reached by forward: access denied (from Spring Security) and upload too large. */
@Controller
class AccessDeniedPageController {

    @RequestMapping("/error/403")
    String denied(HttpServletResponse response) {
        response.setStatus(403);
        return "error/403";
    }

    /** An upload larger than the limit (see UploadSizeFilter and ConsoleErrorAdvice). */
    @RequestMapping("/error/413")
    String tooLarge(HttpServletResponse response) {
        response.setStatus(413);
        return "error/413";
    }
}
