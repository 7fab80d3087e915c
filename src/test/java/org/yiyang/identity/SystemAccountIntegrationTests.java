package org.yiyang.identity;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.yiyang.IntegrationTest;

@IntegrationTest
class SystemAccountIntegrationTests {

    @Autowired
    MockMvc mvc;

    private String json(String s) {
        return s.replace('\'', '"');
    }

    @Test
    void aCountyAdministratorCreatesAnAccountIssuesATokenAndRevokesIt() throws Exception {
        String created = mvc.perform(post("/api/v1/system-accounts").with(httpBasic("county", "demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json("{'username':'hualong-alarm','displayName':'华龙区报警平台','regionPrefix':'410902'}")))
                .andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        int id = JsonPath.read(created, "$.id");
        String issued = mvc.perform(post("/api/v1/system-accounts/" + id + "/tokens").with(httpBasic("county", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content(json("{'name':'alarm gateway'}")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.token", startsWith("yy_")))
                .andReturn().getResponse().getContentAsString();
        String token = JsonPath.read(issued, "$.token");
        int tokenId = JsonPath.read(issued, "$.id");

        mvc.perform(get("/api/v1/regions").header("Authorization", "Bearer " + token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].code").value("410902000000"));
        mvc.perform(get("/api/v1/system-accounts/" + id).with(httpBasic("county", "demo")))
                .andExpect(jsonPath("$.tokens[0].name").value("alarm gateway"))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString(token))));

        mvc.perform(post("/api/v1/system-accounts/" + id + "/tokens/" + tokenId + "/revoke").with(httpBasic("county", "demo")))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/regions").header("Authorization", "Bearer " + token))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void anAccountCannotReachBeyondTheAdministratorsRegion() throws Exception {
        mvc.perform(post("/api/v1/system-accounts").with(httpBasic("county", "demo")).header("Accept-Language", "en")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json("{'username':'too-wide','displayName':'x','regionPrefix':'4109'}")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("regionPrefix"))
                .andExpect(jsonPath("$.errors[0].code").value("system-account.region-outside"));

        String created = mvc.perform(post("/api/v1/system-accounts").with(httpBasic("city", "demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json("{'username':'city-12345','displayName':'12345 热线','regionPrefix':'4109'}")))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        int id = JsonPath.read(created, "$.id");
        mvc.perform(get("/api/v1/system-accounts/" + id).with(httpBasic("county", "demo")))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/system-accounts/" + id + "/tokens").with(httpBasic("county", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content(json("{'name':'steal'}")))
                .andExpect(status().isNotFound());
    }

    @Test
    void onlyBureauAdministratorsManageAccounts() throws Exception {
        mvc.perform(get("/api/v1/system-accounts").with(httpBasic("operator", "demo"))).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/system-accounts").with(httpBasic("provider", "demo"))).andExpect(status().isForbidden());
        mvc.perform(get("/admin/system-accounts").with(httpBasic("operator", "demo"))).andExpect(status().isForbidden());
    }

    @Test
    void theConsoleShowsANewTokenOnce() throws Exception {
        mvc.perform(post("/admin/system-accounts").with(httpBasic("county", "demo")).with(csrf())
                        .param("username", "hualong-canteen").param("displayName", "助餐系统").param("regionPrefix", "410902"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/admin/system-accounts").with(httpBasic("county", "demo")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("hualong-canteen")));
        mvc.perform(post("/admin/system-accounts").with(httpBasic("county", "demo")).with(csrf())
                        .param("username", "").param("displayName", "").param("regionPrefix", "99"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("has-error")));
    }
}
