package org.yiyang.shared.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.util.ContentCachingResponseWrapper;
import org.yiyang.shared.CurrentUser;
import org.yiyang.shared.ScopedPrincipal;

/**
 * {@code Idempotency-Key} on API POSTs: the first request with a key is executed and its successful
 * answer kept; the same key and body again gets that answer replayed (header
 * {@code Idempotent-Replayed: true}) and creates nothing; the same key with another body is 422;
 * a key whose first request is still running is 409. Keys are per caller. A failed first
 * attempt (4xx/5xx) is forgotten, so the client can correct and retry with the same key.
 */
class IdempotencyFilter extends OncePerRequestFilter {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(IdempotencyFilter.class);

    static final String HEADER = "Idempotency-Key";
    private static final int MAX_KEY_LENGTH = 200;

    private final JdbcClient jdbc;
    private final MessageSource messages;
    private final LocaleResolver locales;

    IdempotencyFilter(JdbcClient jdbc, MessageSource messages, LocaleResolver locales) {
        this.jdbc = jdbc;
        this.messages = messages;
        this.locales = locales;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || !request.getRequestURI().startsWith("/api/")
                || request.getHeader(HEADER) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<ScopedPrincipal> principal = CurrentUser.principal();
        String key = request.getHeader(HEADER).trim();
        if (principal.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        if (key.isEmpty() || key.length() > MAX_KEY_LENGTH) {
            problem(request, response, 400, "idempotency.key-invalid");
            return;
        }
        byte[] body = request.getInputStream().readAllBytes();
        String hash = sha256(request.getMethod() + " " + request.getRequestURI() + "?" + request.getQueryString() + "\n"
                + request.getContentType() + "\n", body);
        String who = principal.get().username();

        try {
            // Take over a record whose first request died more than five minutes ago without an answer.
            jdbc.sql("delete from idempotency_record where principal = ? and key = ? and completed_at is null and created_at < now() - interval '5 minutes'")
                    .params(who, key).update();
            int inserted = jdbc.sql("insert into idempotency_record (principal, key, request_hash) values (?, ?, ?) on conflict do nothing")
                    .params(who, key, hash).update();
            if (inserted == 0) {
                replayOrRefuse(request, response, who, key, hash);
                return;
            }
        } catch (RuntimeException e) {
            if (!DatabaseUnavailable.isCause(e)) {
                throw e;
            }
            // before the controller, so not seen by ApiProblemAdvice: the same clean 503 here
            log.warn("Database unavailable on {} {} (Idempotency-Key): {}", request.getMethod(), request.getRequestURI(), e.toString());
            response.setHeader("Retry-After", DatabaseUnavailable.RETRY_AFTER_SECONDS);
            problem(request, response, 503, "service.unavailable");
            return;
        }
        ContentCachingResponseWrapper wrapped = new ContentCachingResponseWrapper(response);
        boolean kept = false;
        try {
            chain.doFilter(new BufferedBodyRequest(request, body), wrapped);
            int status = wrapped.getStatus();
            if (status >= 200 && status < 300) {
                jdbc.sql("""
                        update idempotency_record set status = ?, content_type = ?, location = ?, body = ?, completed_at = now()
                        where principal = ? and key = ?""")
                        .params(status, wrapped.getContentType(), wrapped.getHeader("Location"),
                                wrapped.getContentAsByteArray(), who, key)
                        .update();
                kept = true;
            }
        } finally {
            if (!kept) {
                try {
                    jdbc.sql("delete from idempotency_record where principal = ? and key = ?").params(who, key).update();
                } catch (RuntimeException e) {
                    if (!DatabaseUnavailable.isCause(e)) {
                        throw e;
                    }
                    // the database went away during the request: the unanswered record is taken over after five minutes
                    log.warn("Idempotency-Key record of {} not released: {}", who, e.toString());
                }
            }
            wrapped.copyBodyToResponse();
        }
    }

    private void replayOrRefuse(HttpServletRequest request, HttpServletResponse response, String who, String key,
                                String hash) throws IOException {
        var row = jdbc.sql("select request_hash, status, content_type, location, body, completed_at from idempotency_record where principal = ? and key = ?")
                .params(who, key)
                .query((rs, n) -> new Stored(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4),
                        rs.getBytes(5), rs.getTimestamp(6) != null))
                .optional();
        if (row.isEmpty()) {
            problem(request, response, 409, "idempotency.in-progress");
            return;
        }
        Stored s = row.get();
        if (!s.hash().equals(hash)) {
            problem(request, response, 422, "idempotency.key-reused");
            return;
        }
        if (!s.completed()) {
            problem(request, response, 409, "idempotency.in-progress");
            return;
        }
        response.setStatus(s.status());
        if (s.contentType() != null) response.setContentType(s.contentType());
        if (s.location() != null) response.setHeader("Location", s.location());
        response.setHeader("Idempotent-Replayed", "true");
        if (s.body() != null) response.getOutputStream().write(s.body());
    }

    private record Stored(String hash, int status, String contentType, String location, byte[] body, boolean completed) {
    }

    private void problem(HttpServletRequest request, HttpServletResponse response, int status, String code) throws IOException {
        Locale locale = locales.resolveLocale(request);
        String text = messages.getMessage(code, null, code, locale).replace("\\", "\\\\").replace("\"", "\\\"");
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("{\"type\":\"urn:yiyang:problem:" + code + "\",\"title\":\"" + text + "\",\"status\":"
                + status + ",\"detail\":\"" + text + "\",\"code\":\"" + code + "\"}");
    }

    private static String sha256(String head, byte[] body) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(head.getBytes(StandardCharsets.UTF_8));
            md.update(body);
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Lets the controller read the body the filter already read for hashing. */
    private static final class BufferedBodyRequest extends HttpServletRequestWrapper {
        private final byte[] body;

        BufferedBodyRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new IllegalStateException("synchronous reads only");
                }

                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }
    }
}
