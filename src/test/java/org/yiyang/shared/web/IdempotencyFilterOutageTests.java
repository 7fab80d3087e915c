package org.yiyang.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.sql.SQLTransientConnectionException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;
import org.yiyang.shared.DataScope;
import org.yiyang.shared.ScopedPrincipal;

/**
 * A POST with an Idempotency-Key while the database is unavailable: the filter runs before any
 * controller (so ApiProblemAdvice never sees its failure) and must answer the same clean 503
 * problem with Retry-After, not the container's 500 error page.
 */
class IdempotencyFilterOutageTests {

    @AfterEach
    void logout() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void noConnectionForTheKeyRecordIsA503Problem() throws Exception {
        JdbcClient jdbc = mock(JdbcClient.class);
        when(jdbc.sql(anyString())).thenThrow(new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection",
                new SQLTransientConnectionException("Connection is not available, request timed out after 5000ms")));
        ScopedPrincipal operator = new ScopedPrincipal() {
            @Override
            public long userId() {
                return 3;
            }

            @Override
            public String username() {
                return "operator";
            }

            @Override
            public DataScope scope() {
                return new DataScope.None();
            }
        };
        SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken(operator, null, List.of()));
        StaticMessageSource messages = new StaticMessageSource();
        messages.addMessage("service.unavailable", java.util.Locale.ENGLISH, "The system is busy");

        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/orders");
        request.addHeader("Idempotency-Key", "k-1");
        request.addHeader("Accept-Language", "en");
        request.setContentType("application/json");
        request.setContent("{\"elderId\":1}".getBytes());
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();

        new IdempotencyFilter(jdbc, messages, new AcceptHeaderLocaleResolver()).doFilter(request, response, chain);

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getContentType()).startsWith("application/problem+json");
        assertThat(response.getHeader("Retry-After")).isEqualTo("5");
        assertThat(response.getContentAsString()).contains("\"code\":\"service.unavailable\"").contains("The system is busy");
        assertThat(chain.getRequest()).as("the order is not placed").isNull();
    }
}
