package org.yiyang.elder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.yiyang.IntegrationTest;
import org.yiyang.region.Region;
import org.yiyang.region.RegionDirectory;
import org.yiyang.shared.DataScope;

/** The console pages of the registry, as a county supervisor, the city and a family member use them. */
@IntegrationTest
class ElderIntegrationTests {

    private static final RequestPostProcessor COUNTY = httpBasic("county", "demo");
    private static final RequestPostProcessor CITY = httpBasic("city", "demo");
    private static final RequestPostProcessor FAMILY = httpBasic("family", "demo");

    @Autowired
    MockMvc mvc;
    @Autowired
    RegionDirectory regions;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ElderRegistry registry;

    private long registered(String name, String id, String phone, Region community) {
        return registry.register(scopeOf(community), ElderFixtures.input(name, id, phone, community));
    }

    /** The registry is called directly here, so the test acts as the bureau of the community's city. */
    private static DataScope scopeOf(Region community) {
        return DataScope.region(community.code().value().substring(0, 4));
    }

    private MockHttpServletRequestBuilder form(String url, String name, String id, String phone, Region community) {
        return form(url, name, id, phone, community.code().value(), "", "");
    }

    private MockHttpServletRequestBuilder form(String url, String name, String id, String phone, String communityCode,
                                               String lat, String lng) {
        return post(url).with(csrf())
                .param("name", name).param("idNumber", id).param("phones[0]", phone).param("livingSituation", "WITH_SPOUSE")
                .param("categories", "EMPTY_NEST", "ECONOMIC_HARDSHIP")
                .param("addresses[0].communityCode", communityCode)
                .param("addresses[0].address", "幸福路8号1栋1单元101")
                .param("addresses[0].lat", lat).param("addresses[0].lng", lng)
                .param("primary", "0")
                .param("contacts[0].name", "张强").param("contacts[0].relation", "儿子").param("contacts[0].phone", "13700001111");
    }

    private long count() {
        return jdbc.sql("select count(*) from elder").query(Long.class).single();
    }

    @Test
    void theSearchPageListsElderswithNumbersMasked() throws Exception {
        Region community = ElderFixtures.communityOfFirstCounty(regions);
        String id = ElderFixtures.newIdNumber();
        String phone = ElderFixtures.newPhone();
        withUser(() -> registered("诸葛页面", id, phone, community));
        mvc.perform(get("/elders").param("q", "诸葛页面").with(COUNTY))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"q\"")))
                .andExpect(content().string(containsString("id=\"elder-results\"")))
                .andExpect(content().string(containsString("class=\"elder-link\"")))
                .andExpect(content().string(containsString(id.substring(0, 4) + "**********" + id.substring(14))))
                .andExpect(content().string(containsString(phone.substring(0, 3) + "****" + phone.substring(7))))
                .andExpect(content().string(not(containsString(id))))
                .andExpect(content().string(not(containsString(phone))));
        mvc.perform(get("/elders").with(COUNTY).header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Name, phone or ID number")))
                .andExpect(content().string(containsString("class=\"elder-link\"")));
        mvc.perform(get("/elders").param("region", "12").with(COUNTY))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("区划代码应为12位数字")));
    }

    @Test
    void theRecordPageShowsWholeNumbersToTheBureauAndWritesTheAudit() throws Exception {
        Region community = ElderFixtures.communityOfFirstCounty(regions);
        String id = ElderFixtures.newIdNumber();
        String phone = ElderFixtures.newPhone();
        long elderId = withUser(() -> registered("页面档案", id, phone, community));
        long before = audits(elderId);
        mvc.perform(get("/elders/" + elderId).with(COUNTY))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(id)))
                .andExpect(content().string(containsString(phone)))
                .andExpect(content().string(containsString("失能")))
                .andExpect(content().string(containsString("status-history")));
        assertThat(audits(elderId)).isEqualTo(before + 1);
    }

    @Test
    void anotherCountysElderIsNotFoundInTheConsoleAndCannotBeChanged() throws Exception {
        Region elsewhere = ElderFixtures.communityOfSecondCounty(regions);
        long elderId = withUser(() -> registered("外县页面", ElderFixtures.newIdNumber(), null, elsewhere));
        mvc.perform(get("/elders/" + elderId).with(COUNTY))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("找不到该记录")))
                .andExpect(content().string(not(containsString("外县页面"))));
        mvc.perform(get("/elders/" + elderId + "/edit").with(COUNTY)).andExpect(status().isNotFound());
        mvc.perform(form("/elders/" + elderId, "被改", ElderFixtures.newIdNumber(), "", ElderFixtures.communityOfFirstCounty(regions))
                        .with(COUNTY))
                .andExpect(status().isNotFound());
        mvc.perform(post("/elders/" + elderId + "/status").with(csrf()).with(COUNTY).param("status", "DECEASED"))
                .andExpect(status().isNotFound());
        assertThat(jdbc.sql("select name || status from elder where id = ?").param(elderId).query(String.class).single())
                .isEqualTo("外县页面ACTIVE");
        mvc.perform(get("/elders/" + elderId).with(CITY)).andExpect(status().isOk());
    }

    @Test
    void theFamilyMemberSeesOnlyTheirElder() throws Exception {
        long own = jdbc.sql("select scope_elder_id from app_user where username = 'family'").query(Long.class).single();
        String name = jdbc.sql("select name from elder where id = ?").param(own).query(String.class).single();
        mvc.perform(get("/elders").with(FAMILY))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(name)))
                .andExpect(content().string(containsString("共 1 位老人")));
        mvc.perform(get("/elders/" + own).with(FAMILY)).andExpect(status().isOk());
        long other = jdbc.sql("select min(id) from elder where id <> ?").param(own).query(Long.class).single();
        mvc.perform(get("/elders/" + other).with(FAMILY)).andExpect(status().isNotFound());
        mvc.perform(get("/elders/new").with(FAMILY)).andExpect(status().isForbidden());
    }

    @Test
    void theFormRegistersAnElderWithAddressAndContact() throws Exception {
        Region community = ElderFixtures.communityOfFirstCounty(regions);
        String id = ElderFixtures.newIdNumber();
        mvc.perform(get("/elders/new").with(COUNTY)).andExpect(status().isOk())
                .andExpect(content().string(containsString("name=\"addresses[0].communityCode\"")));
        String location = mvc.perform(form("/elders", "表单登记", id, "13800002222", community).with(COUNTY))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrlPattern("/elders/*"))
                .andReturn().getResponse().getRedirectedUrl();
        long elderId = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        ElderRecord r = withUser(() -> registry.find(scopeOf(community), elderId));
        assertThat(r.name()).isEqualTo("表单登记");
        assertThat(r.livingSituation()).isEqualTo(LivingSituation.WITH_SPOUSE);
        assertThat(r.categories()).containsExactly(ElderCategory.EMPTY_NEST, ElderCategory.ECONOMIC_HARDSHIP);
        assertThat(r.addresses()).singleElement().satisfies(a -> {
            assertThat(a.communityCode()).isEqualTo(community.code().value());
            assertThat(a.location()).isEqualTo(community.centroid());
        });
        assertThat(r.contacts()).singleElement().satisfies(c -> assertThat(c.relation()).isEqualTo("儿子"));

        mvc.perform(post("/elders/" + elderId + "/status").with(csrf()).with(COUNTY).param("status", "MOVED_OUT")
                        .param("reason", "户籍迁出"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/elders/" + elderId).with(COUNTY))
                .andExpect(content().string(containsString("户籍迁出")))
                .andExpect(content().string(containsString("已迁出")));
    }

    @Test
    void badInputComesBackWithFieldErrorsInTheUsersLanguageAndNothingIsStored() throws Exception {
        Region community = ElderFixtures.communityOfFirstCounty(regions);
        String good = ElderFixtures.newIdNumber();
        String wrong = good.substring(0, 17) + (good.charAt(17) == '0' ? '1' : '0');
        long before = count();
        mvc.perform(form("/elders", "错误表单", wrong, "12345", "410902999999", "", "").with(COUNTY))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"form-errors\"")))
                .andExpect(content().string(containsString("身份证号码校验位不正确")))
                .andExpect(content().string(containsString("电话号码格式不正确")))
                .andExpect(content().string(containsString("社区代码 410902999999 不存在")))
                .andExpect(content().string(containsString("value=\"错误表单\"")));
        mvc.perform(form("/elders", "Wrong form", wrong, "12345", community.code().value(), "abc", "115")
                        .with(COUNTY).header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("check digit")))
                .andExpect(content().string(containsString("coordinates")));
        mvc.perform(form("/elders", "太远", ElderFixtures.newIdNumber(), "", community.code().value(),
                        String.valueOf(community.centroid().lat() + 0.3), String.valueOf(community.centroid().lng())).with(COUNTY))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("超出允许的 5000 米")));
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void aDuplicateIdNumberOnTheFormLinksToTheExistingRecord() throws Exception {
        Region community = ElderFixtures.communityOfFirstCounty(regions);
        String id = ElderFixtures.newIdNumber();
        long existing = withUser(() -> registered("已有档案", id, null, community));
        mvc.perform(form("/elders", "重复登记", id, "", community).with(COUNTY))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"duplicate-link\"")))
                .andExpect(content().string(containsString("href=\"/elders/" + existing + "\"")));
    }

    @Test
    void theEditFormSavesChanges() throws Exception {
        Region community = ElderFixtures.communityOfFirstCounty(regions);
        String id = ElderFixtures.newIdNumber();
        long elderId = withUser(() -> registered("编辑前", id, "13800003333", community));
        mvc.perform(get("/elders/" + elderId + "/edit").with(COUNTY))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("value=\"" + id + "\"")))
                .andExpect(content().string(containsString("value=\"13800003333\"")));
        mvc.perform(form("/elders/" + elderId, "编辑后", id, "13800004444", community).param("version", "0").with(COUNTY))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/elders/" + elderId).with(COUNTY))
                .andExpect(content().string(containsString("编辑后")))
                .andExpect(content().string(containsString("13800004444")));
    }

    @Test
    void malformedAddressesAndParametersAreNotFoundOrIgnoredNeverAnError() throws Exception {
        mvc.perform(get("/elders/abc").with(COUNTY)).andExpect(status().isNotFound());
        mvc.perform(get("/elders/1234567890123456789012").with(COUNTY)).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/elders/abc").with(COUNTY)).andExpect(status().isNotFound());
        mvc.perform(get("/elders").param("page", "x").with(COUNTY)).andExpect(status().isOk());
        long before = count();
        mvc.perform(form("/elders", "乱码标记", ElderFixtures.newIdNumber(), "", ElderFixtures.communityOfFirstCounty(regions))
                        .param("primary", "abc").param("version", "x").with(COUNTY))
                .andExpect(status().is3xxRedirection());
        assertThat(count()).isEqualTo(before + 1);
        long own = jdbc.sql("select min(id) from elder where region_code like ?")
                .param(ElderFixtures.communityOfFirstCounty(regions).code().prefix().substring(0, 6) + "%").query(Long.class).single();
        mvc.perform(post("/elders/" + own + "/status").with(csrf()).with(COUNTY).param("status", "MOVED_OUT")
                        .param("effectiveDate", "31.01.2026"))
                .andExpect(status().is3xxRedirection())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
                        .attribute("statusErrors", java.util.List.of("生效日期格式不正确（例如 2026-01-31）")));
    }

    private long audits(long elderId) {
        return jdbc.sql("select count(*) from personal_data_audit where subject_kind = 'elder' and subject_id = ? and action = 'view'")
                .param(elderId).query(Long.class).single();
    }

    /** Runs a registry call as a bureau user with ELDER_EDIT (the registry checks the authority). */
    private static <T> T withUser(java.util.concurrent.Callable<T> call) throws Exception {
        var context = org.springframework.security.core.context.SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new org.springframework.security.authentication.TestingAuthenticationToken("test", "",
                "ELDER_EDIT", "PII_VIEW"));
        var previous = org.springframework.security.core.context.SecurityContextHolder.getContext();
        org.springframework.security.core.context.SecurityContextHolder.setContext(context);
        try {
            return call.call();
        } finally {
            org.springframework.security.core.context.SecurityContextHolder.setContext(previous);
        }
    }
}
