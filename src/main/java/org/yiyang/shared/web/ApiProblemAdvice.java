package org.yiyang.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.yiyang.shared.FieldViolation;
import org.yiyang.shared.InputRejectedException;
import org.yiyang.shared.InvalidValueException;
import org.yiyang.shared.NotFoundException;
import org.yiyang.shared.RuleViolationException;

/**
 * Turns every failure of a JSON controller into RFC 9457 {@code application/problem+json} with a
 * stable {@code code}, the text in the caller's language and, for validation, {@code errors}.
 * Never a stack trace: unexpected failures carry a correlation id that is in the log.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiProblemAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiProblemAdvice.class);

    private final MessageSource messages;

    ApiProblemAdvice(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(NotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, e.code(), text(e.code()), null);
    }

    @ExceptionHandler(RuleViolationException.class)
    ResponseEntity<ProblemDetail> rule(RuleViolationException e) {
        return problem(HttpStatus.valueOf(e.status()), e.code(), text(e.code(), e.args()), null);
    }

    @ExceptionHandler(InputRejectedException.class)
    ResponseEntity<ProblemDetail> rejected(InputRejectedException e) {
        return validation(e.violations());
    }

    @ExceptionHandler(InvalidValueException.class)
    ResponseEntity<ProblemDetail> invalidValue(InvalidValueException e) {
        return validation(List.of(new FieldViolation("", e.code(), e.rejected())));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> denied(AccessDeniedException e) {
        return problem(HttpStatus.FORBIDDEN, "access.denied", text("access.denied"), null);
    }

    /**
     * A multipart body that cannot be parsed (cut short, no closing boundary, a broken part): the
     * client's input, 400. (Too large stays 413: Spring's own handler of the subclass is closer.)
     */
    @ExceptionHandler(org.springframework.web.multipart.MultipartException.class)
    ResponseEntity<ProblemDetail> unreadableMultipart(org.springframework.web.multipart.MultipartException e, HttpServletRequest request) {
        log.info("Unreadable multipart body on {} {}: {}", request.getMethod(), request.getRequestURI(), e.toString());
        return problem(HttpStatus.BAD_REQUEST, "request.malformed", text("request.malformed"), null);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) {
        if (RejectedData.isCause(e)) {
            // e.g. a NUL character in a text: the client's input, and the transaction rolled back
            log.info("Data refused by the database on {} {}: {}", request.getMethod(), request.getRequestURI(), e.toString());
            return problem(HttpStatus.BAD_REQUEST, RejectedData.CODE, text(RejectedData.CODE), null);
        }
        if (DatabaseUnavailable.isCause(e)) {
            // the database is down, overloaded or locked: a clean 503 the client may retry, not a 500
            log.warn("Database unavailable on {} {}: {}", request.getMethod(), request.getRequestURI(), e.toString());
            ProblemDetail pd = problem(HttpStatus.SERVICE_UNAVAILABLE, "service.unavailable", text("service.unavailable"), null).getBody();
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, DatabaseUnavailable.RETRY_AFTER_SECONDS)
                    .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON).body(pd);
        }
        String id = UUID.randomUUID().toString();
        log.error("Unexpected failure {} on {} {}", id, request.getMethod(), request.getRequestURI(), e);
        ResponseEntity<ProblemDetail> r = problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal", text("error.internal"), null);
        r.getBody().setProperty("correlationId", id);
        return r;
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldViolation> list = new ArrayList<>();
        ex.getBindingResult().getFieldErrors().forEach(fe ->
                list.add(new FieldViolation(fe.getField(), "field." + fe.getCode(), fe.getRejectedValue())));
        return new ResponseEntity<>(validation(list).getBody(), HttpStatus.BAD_REQUEST);
    }

    /** Spring's own failures (unreadable JSON, wrong type, unsupported media, size): keep their status, add a code. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        String code = switch (statusCode.value()) {
            case 400 -> "request.malformed";
            case 404 -> "resource.not-found";
            case 405 -> "request.method-not-allowed";
            case 406 -> "request.not-acceptable";
            case 413 -> "request.too-large";
            case 415 -> "request.unsupported-media-type";
            default -> "request.rejected";
        };
        ProblemDetail pd = ProblemDetail.forStatusAndDetail(statusCode, text(code));
        pd.setType(type(code));
        pd.setTitle(text(code));
        pd.setProperty("code", code);
        return new ResponseEntity<>(pd, headers, statusCode);
    }

    private ResponseEntity<ProblemDetail> validation(List<FieldViolation> violations) {
        List<Map<String, Object>> errors = violations.stream()
                .map(v -> Map.<String, Object>of("field", v.field(), "code", v.code(), "message", text(v.code(), v.args())))
                .toList();
        String detail = violations.size() == 1 ? text(violations.getFirst().code(), violations.getFirst().args())
                : text("validation.failed");
        return problem(HttpStatus.BAD_REQUEST, "validation.failed", detail, errors);
    }

    private ResponseEntity<ProblemDetail> problem(HttpStatus status, String code, String detail, Object errors) {
        ProblemDetail pd = ProblemDetail.forStatusAndDetail(status, detail);
        pd.setType(type(code));
        pd.setTitle(text("status." + status.value(), status.getReasonPhrase()));
        pd.setProperty("code", code);
        if (errors != null) {
            pd.setProperty("errors", errors);
        }
        return ResponseEntity.status(status).contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON).body(pd);
    }

    private static URI type(String code) {
        return URI.create("urn:yiyang:problem:" + code);
    }

    private String text(String code, Object... args) {
        Locale locale = LocaleContextHolder.getLocale();
        return messages.getMessage(code, args, code, locale);
    }
}
