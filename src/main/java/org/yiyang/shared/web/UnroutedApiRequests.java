package org.yiyang.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;

/**
 * API failures that happen before a controller method is chosen: a path or method the API does not
 * have (404, 405), a Content-Type the endpoint does not consume (415), a multipart body that cannot
 * be parsed (400; it was a 500). Without a controller {@link ApiProblemAdvice} does not apply, and
 * Spring answered these with Boot's generic JSON, or a 500 for the multipart body; here they get the
 * same problem+json, with a code, as every other API answer. Console paths are left to the defaults,
 * except an unreadable multipart body, which is the 400 page instead of a 500.
 */
@Component
class UnroutedApiRequests implements HandlerExceptionResolver, Ordered {

    private static final Logger log = LoggerFactory.getLogger(UnroutedApiRequests.class);

    private final ApiProblemAdvice problems;
    private final ObjectProvider<RequestMappingHandlerAdapter> adapter;

    UnroutedApiRequests(ApiProblemAdvice problems, ObjectProvider<RequestMappingHandlerAdapter> adapter) {
        this.problems = problems;
        this.adapter = adapter;
    }

    /** Before Spring MVC's own resolvers (order 0), which would answer these first. */
    @Override
    public int getOrder() {
        return -1;
    }

    @Override
    public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler, Exception ex) {
        if (handler instanceof HandlerMethod) {
            return null;   // a controller method: the advices answer
        }
        if (!request.getRequestURI().startsWith("/api/")) {
            if (ex instanceof MultipartException && !(ex instanceof org.springframework.web.multipart.MaxUploadSizeExceededException)) {
                log.info("Unreadable multipart body on {} {}: {}", request.getMethod(), request.getRequestURI(), ex.toString());
                ModelAndView page = new ModelAndView("error/rule", org.springframework.http.HttpStatus.BAD_REQUEST);
                page.addObject("messageCode", "request.malformed");
                page.addObject("messageArgs", new Object[0]);
                return page;
            }
            return null;
        }
        ServletWebRequest web = new ServletWebRequest(request, response);
        ResponseEntity<?> answer;
        try {
            answer = ex instanceof MultipartException m && !(ex instanceof org.springframework.web.multipart.MaxUploadSizeExceededException)
                    ? problems.unreadableMultipart(m, request)
                    : problems.handleException(ex, web);   // Spring MVC's exceptions, with our codes
        } catch (Exception notSpringMvcs) {
            return null;
        }
        if (answer == null || response.isCommitted()) {
            return null;
        }
        try {
            write(answer, request, response);
        } catch (Exception writing) {
            log.warn("Could not write the problem for {} {}: {}", request.getMethod(), request.getRequestURI(), writing.toString());
            return null;
        }
        return new ModelAndView();
    }

    @SuppressWarnings("unchecked")
    private void write(ResponseEntity<?> answer, HttpServletRequest request, HttpServletResponse response) throws Exception {
        Object body = answer.getBody();
        if (body instanceof ProblemDetail pd && pd.getInstance() == null) {
            pd.setInstance(URI.create(request.getRequestURI()));
        }
        ServletServerHttpResponse out = new ServletServerHttpResponse(response);
        out.setStatusCode(answer.getStatusCode());
        answer.getHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Content-Type")) {
                out.getHeaders().addAll(name, values);
            }
        });
        if (body == null) {
            out.flush();
            return;
        }
        for (HttpMessageConverter<?> converter : adapter.getObject().getMessageConverters()) {
            if (converter.canWrite(body.getClass(), MediaType.APPLICATION_PROBLEM_JSON)) {
                ((HttpMessageConverter<Object>) converter).write(body, MediaType.APPLICATION_PROBLEM_JSON, out);
                return;
            }
        }
        throw new IllegalStateException("no converter writes " + body.getClass().getName() + " as problem+json");
    }
}
