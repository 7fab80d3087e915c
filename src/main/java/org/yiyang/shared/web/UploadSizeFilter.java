package org.yiyang.shared.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.context.MessageSource;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Refuses an upload that is larger than {@code spring.servlet.multipart.max-request-size} by its
 * Content-Length, before anything tries to parse it: 413 problem+json for the API, the "file too
 * large" page for the console (rendered as a GET, so the oversized body is never read as a form).
 */
class UploadSizeFilter extends OncePerRequestFilter {

    private final long maxBytes;
    private final MessageSource messages;
    private final LocaleResolver locales;

    UploadSizeFilter(long maxBytes, MessageSource messages, LocaleResolver locales) {
        this.maxBytes = maxBytes;
        this.messages = messages;
        this.locales = locales;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String type = request.getContentType();
        return type == null || !type.toLowerCase().startsWith("multipart/") || request.getContentLengthLong() <= maxBytes;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getRequestURI().startsWith("/api/")) {
            String text = messages.getMessage("request.too-large", null, locales.resolveLocale(request))
                    .replace("\"", "\\\"");
            response.setStatus(413);
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write("{\"type\":\"urn:yiyang:problem:request.too-large\",\"title\":\"" + text
                    + "\",\"status\":413,\"detail\":\"" + text + "\",\"code\":\"request.too-large\"}");
            return;
        }
        request.getRequestDispatcher("/error/413").forward(new HttpServletRequestWrapper(request) {
            @Override
            public String getMethod() {
                return "GET";
            }

            @Override
            public String getContentType() {
                return null;
            }

            @Override
            public long getContentLengthLong() {
                return 0;
            }

            @Override
            public int getContentLength() {
                return 0;
            }

            // The oversized body must never be parsed as form fields or parts.
            @Override
            public String getParameter(String name) {
                return null;
            }

            @Override
            public java.util.Map<String, String[]> getParameterMap() {
                return java.util.Map.of();
            }

            @Override
            public java.util.Enumeration<String> getParameterNames() {
                return java.util.Collections.emptyEnumeration();
            }

            @Override
            public String[] getParameterValues(String name) {
                return null;
            }

            @Override
            public java.util.Collection<jakarta.servlet.http.Part> getParts() {
                return java.util.List.of();
            }

            @Override
            public jakarta.servlet.http.Part getPart(String name) {
                return null;
            }
        }, response);
    }
}
