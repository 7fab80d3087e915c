package org.yiyang.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.yiyang.IntegrationTest;
import org.yiyang.shared.DataScope;
import org.yiyang.shared.RuleViolationException;

@IntegrationTest
class IdentityIntegrationTests {

    @Autowired MockMvc mvc;
    @Autowired UserAccounts accounts;
    @Autowired PersonalDataAudit audit;
    @Autowired UserDetailsService userDetails;
    @Autowired JdbcClient jdbc;

    @Value("${server.servlet.session.timeout}")
    Duration sessionTimeout;

    @Test
    void theDemoLoginsExistWithBcryptPasswords() {
        for (String name : new String[] {"city", "county", "operator"}) {
            String hash = jdbc.sql("select password_hash from app_user where username = ?").param(name).query(String.class).single();
            assertThat(hash).startsWith("$2a$").doesNotContain("demo");
        }
    }

    @Test
    void formLoginWithTheRightPasswordOpensTheWorkbench() throws Exception {
        mvc.perform(formLogin("/login").user("city").password("demo"))
                .andExpect(redirectedUrl("/"));
        mvc.perform(formLogin("/login").user("city").password("wrong"))
                .andExpect(redirectedUrl("/login?error"));
    }

    @Test
    void consolePagesNeedALogin() throws Exception {
        mvc.perform(get("/elders")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/login")).andExpect(status().isOk()).andExpect(content().string(containsString("登录")));
        mvc.perform(get("/login").header("Accept-Language", "en-US,en;q=0.9"))
                .andExpect(content().string(containsString("Log in")));
    }

    @Test
    void consoleFormsNeedACsrfToken() throws Exception {
        mvc.perform(post("/logout").with(httpBasic("city", "demo"))).andExpect(status().isForbidden());
        mvc.perform(post("/logout").with(httpBasic("city", "demo")).with(csrf()))
                .andExpect(result -> assertThat(result.getResponse().getStatus()).isIn(204, 302));
    }

    @Test
    void theSessionTimesOut() {
        assertThat(sessionTimeout).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void aSystemAccountUsesABearerTokenUntilItIsRevoked() throws Exception {
        long id = accounts.create(new NewUser("hotline-12345", "unused-password", "12345 热线", Role.SYSTEM,
                DataScope.region("4109")));
        UserAccounts.IssuedToken token = accounts.issueToken(id, "12345 integration");
        assertThat(jdbc.sql("select count(*) from api_token where token_hash = ?").param(token.token()).query(Long.class).single())
                .as("only the hash is stored").isZero();

        mvc.perform(get("/api/v1/regions").header("Authorization", "Bearer " + token.token()))
                .andExpect(status().isOk());
        accounts.revokeToken(token.id());
        mvc.perform(get("/api/v1/regions").header("Authorization", "Bearer " + token.token()))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("Content-Type", containsString("application/problem+json")));
        mvc.perform(get("/api/v1/regions").header("Authorization", "Bearer yy_forged"))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void aTakenUsernameIsRefused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() ->
                        accounts.create(new NewUser("city", "demo", "dup", Role.OPERATOR, DataScope.region("4109"))))
                .isInstanceOf(RuleViolationException.class)
                .extracting(e -> ((RuleViolationException) e).code()).isEqualTo("user.username-taken");
    }

    @Test
    void openingPersonalDataIsAudited() {
        var user = userDetails.loadUserByUsername("operator");
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        try {
            audit.record("elder", 987654321L, "view");
        } finally {
            SecurityContextHolder.clearContext();
        }
        assertThat(jdbc.sql("select username from personal_data_audit where subject_kind = 'elder' and subject_id = 987654321")
                .query(String.class).list()).containsExactly("operator");
    }
}
