package org.yiyang.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.yiyang.shared.NotFoundException;
import org.yiyang.shared.RuleViolationException;

/**
 * Console pages: a record that is absent or outside the user's region is the same 404 page;
 * a refused rule is a page with its message; a database that cannot serve now a 503 page (try
 * again); anything else a 500 page with a correlation id.
 */
@ControllerAdvice(annotations = Controller.class)
class ConsoleErrorAdvice {

    private static final Logger log = LoggerFactory.getLogger(ConsoleErrorAdvice.class);

    @ExceptionHandler(NotFoundException.class)
    String notFound(NotFoundException e, HttpServletResponse response, Model model) {
        response.setStatus(404);
        model.addAttribute("messageCode", e.code());
        return "error/404";
    }

    @ExceptionHandler(RuleViolationException.class)
    String rule(RuleViolationException e, HttpServletResponse response, Model model) {
        response.setStatus(e.status());
        model.addAttribute("messageCode", e.code());
        model.addAttribute("messageArgs", e.args());
        return "error/rule";
    }

    /** An upload without a Content-Length that grew past the limit while being read. */
    @ExceptionHandler(org.springframework.web.multipart.MultipartException.class)
    String tooLarge(HttpServletResponse response) {
        response.setStatus(413);
        return "error/413";
    }

    @ExceptionHandler(Exception.class)
    String unexpected(Exception e, HttpServletRequest request, HttpServletResponse response, Model model) throws Exception {
        if (e instanceof org.springframework.security.access.AccessDeniedException
                || e instanceof org.springframework.web.servlet.resource.NoResourceFoundException) {
            throw e;
        }
        if (RejectedData.isCause(e)) {
            log.info("Data refused by the database on {} {}: {}", request.getMethod(), request.getRequestURI(), e.toString());
            response.setStatus(400);
            model.addAttribute("messageCode", RejectedData.CODE);
            model.addAttribute("messageArgs", new Object[0]);
            return "error/rule";
        }
        if (DatabaseUnavailable.isCause(e)) {
            log.warn("Database unavailable on {} {}: {}", request.getMethod(), request.getRequestURI(), e.toString());
            response.setStatus(503);
            response.setHeader("Retry-After", DatabaseUnavailable.RETRY_AFTER_SECONDS);
            return "error/503";
        }
        String id = UUID.randomUUID().toString();
        log.error("Unexpected failure {} on {} {}", id, request.getMethod(), request.getRequestURI(), e);
        response.setStatus(500);
        model.addAttribute("correlationId", id);
        return "error/500";
    }
}
