package org.yiyang.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.yiyang.IntegrationTest;
import org.yiyang.elder.ElderRecord;
import org.yiyang.elder.ElderRegistry;
import org.yiyang.provider.CaregiverSkill;
import org.yiyang.provider.ServiceCatalogue;
import org.yiyang.provider.ServiceItem;
import org.yiyang.shared.DataScope;

/** The family's large-font page under /f/ through its own links and forms, as the demo {@code family} login. */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FamilyAppIntegrationTests {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired ElderRegistry elders;
    @Autowired ServiceCatalogue catalogue;

    long elderId;
    long caregiverId;
    ElderRecord elder;
    ServiceItem item;

    @BeforeAll
    void fixtures() {
        elderId = jdbc.sql("select scope_elder_id from app_user where username = 'family'").query(Long.class).single();
        caregiverId = jdbc.sql("select scope_caregiver_id from app_user where username = 'caregiver'").query(Long.class).single();
        elder = elders.find(new DataScope.Elder(elderId), elderId);
        Set<CaregiverSkill> demoSkills = Set.of(CaregiverSkill.MEAL, CaregiverSkill.CLEANING, CaregiverSkill.VISIT, CaregiverSkill.NURSING);
        item = catalogue.listActive().stream().filter(i -> demoSkills.contains(i.requiredSkill())).findFirst().orElseThrow();
    }

    String json(String url, String user, String path) throws Exception {
        return JsonPath.read(mvc.perform(get(url).with(httpBasic(user, "demo"))).andReturn().getResponse().getContentAsString(), path)
                .toString();
    }

    @Test
    void threeStepsPlaceAnOrderForTheFamilysElder() throws Exception {
        mvc.perform(get("/f/").with(httpBasic("family", "demo")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(elder.name())))
                .andExpect(content().string(containsString("href=\"tel:12345\"")))
                .andExpect(content().string(containsString("href=\"/f/order\"")));
        mvc.perform(get("/f/order").with(httpBasic("family", "demo")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("第 1 步 / 共 3 步")))
                .andExpect(content().string(containsString("/f/order?item=" + item.id())));
        mvc.perform(get("/f/order").param("item", String.valueOf(item.id())).with(httpBasic("family", "demo")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("第 2 步 / 共 3 步")))
                .andExpect(content().string(containsString("value=\"tomorrow-am\"")));
        String address = elder.primaryAddress().address();
        mvc.perform(get("/f/order").param("item", String.valueOf(item.id())).param("step", "3").param("when", "tomorrow-am")
                        .param("address", address).with(httpBasic("family", "demo")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("第 3 步 / 共 3 步")))
                .andExpect(content().string(containsString(item.name())))
                .andExpect(content().string(containsString(address)))
                .andExpect(content().string(containsString("返回修改")))
                .andExpect(content().string(containsString("确认下单")));
        MvcResult placed = mvc.perform(post("/f/order").with(httpBasic("family", "demo")).with(csrf())
                        .param("item", String.valueOf(item.id())).param("when", "tomorrow-am").param("address", address))
                .andExpect(redirectedUrlPattern("/f/orders/*"))
                .andExpect(flash().attributeExists("done")).andReturn();
        long id = Long.parseLong(placed.getResponse().getRedirectedUrl().substring("/f/orders/".length()));

        assertThat(json("/api/v1/orders/" + id, "operator", "$.elderId")).isEqualTo(String.valueOf(elderId));
        assertThat(json("/api/v1/orders/" + id, "operator", "$.channel")).isEqualTo("FAMILY");
        assertThat(json("/api/v1/orders/" + id, "operator", "$.service.itemId")).isEqualTo(String.valueOf(item.id()));
        OffsetDateTime from = OffsetDateTime.parse(json("/api/v1/orders/" + id, "operator", "$.windowFrom"));
        assertThat(from.atZoneSameInstant(ZONE).toLocalDateTime())
                .isEqualTo(LocalDate.now(ZONE).plusDays(1).atTime(9, 0));

        mvc.perform(get("/f/orders/" + id).with(httpBasic("family", "demo")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("正在安排护理员")))
                .andExpect(content().string(containsString("id=\"f-cancel\"")))
                .andExpect(content().string(not(containsString("id=\"f-rate\""))));
        mvc.perform(get("/f/").with(httpBasic("family", "demo")))
                .andExpect(content().string(containsString("/f/orders/" + id)));

        // and cancel it again, within the free period
        mvc.perform(post("/f/orders/" + id + "/cancel").with(httpBasic("family", "demo")).with(csrf()))
                .andExpect(redirectedUrl("/f/orders/" + id)).andExpect(flash().attributeExists("done"));
        assertThat(json("/api/v1/orders/" + id, "operator", "$.state")).isEqualTo("CANCELLED");
    }

    @Test
    void anotherEldersOrderIsNotFound() throws Exception {
        long other = jdbc.sql("select min(id) from elder where id <> ? and status = 'ACTIVE'").param(elderId).query(Long.class).single();
        String body = mvc.perform(post("/api/v1/orders").with(httpBasic("operator", "demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"elderId\": %d, \"serviceItemId\": %d}".formatted(other, item.id())))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long id = ((Number) JsonPath.read(body, "$.id")).longValue();
        mvc.perform(get("/f/orders/" + id).with(httpBasic("family", "demo"))).andExpect(status().isNotFound());
        mvc.perform(post("/f/orders/" + id + "/cancel").with(httpBasic("family", "demo")).with(csrf()))
                .andExpect(status().isNotFound());
        assertThat(json("/api/v1/orders/" + id, "operator", "$.state")).isNotEqualTo("CANCELLED");
    }

    @Test
    void otherRolesMayNotUseTheFamilyPageAndFamilyLandsThere() throws Exception {
        for (String user : new String[] {"operator", "caregiver", "county"}) {
            mvc.perform(get("/f/").with(httpBasic(user, "demo"))).andExpect(status().isForbidden());
            mvc.perform(get("/f/order").with(httpBasic(user, "demo"))).andExpect(status().isForbidden());
        }
        mvc.perform(get("/").with(httpBasic("family", "demo"))).andExpect(redirectedUrl("/f/"));
        mvc.perform(get("/").with(httpBasic("operator", "demo"))).andExpect(status().isOk());
        mvc.perform(get("/f/").header("Accept-Language", "en").with(httpBasic("family", "demo")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Order a service")))
                .andExpect(content().string(containsString("Call 12345")));
        mvc.perform(get("/f/order").header("Accept-Language", "en").with(httpBasic("family", "demo")))
                .andExpect(content().string(containsString("Step 1 of 3")));
    }

    @Test
    void aFinishedOrderIsRatedOnceAndASecondRatingIsAnErrorOnThePage() throws Exception {
        LocalDate day = LocalDate.now(ZONE).plusDays(1);
        while (day.getDayOfWeek() == DayOfWeek.SUNDAY) {
            day = day.plusDays(1);
        }
        OffsetDateTime from = day.atTime(LocalTime.of(9, 0)).atZone(ZONE).toOffsetDateTime();
        String body = mvc.perform(post("/api/v1/orders").with(httpBasic("family", "demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"elderId": %d, "serviceItemId": %d, "windowFrom": "%s", "windowTo": "%s"}
                                """.formatted(elderId, item.id(), from, from.plusHours(2))))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long id = ((Number) JsonPath.read(body, "$.id")).longValue();
        mvc.perform(post("/api/v1/orders/" + id + "/dispatch").with(httpBasic("operator", "demo"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"caregiverId\": " + caregiverId + "}")).andExpect(status().isOk());
        mvc.perform(post("/api/v1/orders/" + id + "/accept").with(httpBasic("caregiver", "demo"))
                .contentType(MediaType.APPLICATION_JSON).content("{}")).andExpect(status().isOk());
        String loc = String.format(Locale.ROOT, "{\"location\": {\"lat\": %.6f, \"lng\": %.6f}}",
                elder.primaryAddress().location().lat(), elder.primaryAddress().location().lng());
        mvc.perform(post("/api/v1/orders/" + id + "/check-in").with(httpBasic("caregiver", "demo"))
                .contentType(MediaType.APPLICATION_JSON).content(loc)).andExpect(status().isOk());
        // not finished yet: no rating form
        mvc.perform(get("/f/orders/" + id).with(httpBasic("family", "demo")))
                .andExpect(content().string(not(containsString("id=\"f-rate\""))));
        mvc.perform(post("/api/v1/orders/" + id + "/check-out").with(httpBasic("caregiver", "demo"))
                .contentType(MediaType.APPLICATION_JSON).content(loc)).andExpect(status().isOk());

        // the family sees the code to tell the caregiver
        String code = json("/api/v1/orders/" + id, "family", "$.confirmationCode");
        mvc.perform(get("/f/orders/" + id).with(httpBasic("family", "demo")))
                .andExpect(content().string(containsString(">" + code + "<")))
                .andExpect(content().string(containsString("id=\"f-rate\"")))
                .andExpect(content().string(not(containsString("id=\"f-cancel\""))));

        mvc.perform(post("/f/orders/" + id + "/rate").with(httpBasic("family", "demo")).with(csrf())
                        .param("stars", "5").param("comment", "很好"))
                .andExpect(redirectedUrl("/f/orders/" + id)).andExpect(flash().attributeExists("done"));
        assertThat(json("/api/v1/orders/" + id, "operator", "$.rating")).isEqualTo("5");
        assertThat(json("/api/v1/orders/" + id, "operator", "$.ratingComment")).isEqualTo("很好");

        MvcResult second = mvc.perform(post("/f/orders/" + id + "/rate").with(httpBasic("family", "demo")).with(csrf())
                        .param("stars", "1"))
                .andExpect(redirectedUrl("/f/orders/" + id))
                .andExpect(flash().attribute("error", "该工单已经评价过。")).andReturn();
        mvc.perform(get("/f/orders/" + id).with(httpBasic("family", "demo"))
                        .flashAttr("error", second.getFlashMap().get("error")))
                .andExpect(content().string(containsString("该工单已经评价过。")))
                .andExpect(content().string(containsString("您的评价：5 星")))
                .andExpect(content().string(not(containsString("id=\"f-rate\""))));
        assertThat(json("/api/v1/orders/" + id, "operator", "$.rating")).isEqualTo("5");
    }
}
