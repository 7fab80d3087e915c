package org.yiyang.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.yiyang.IntegrationTest;
import org.yiyang.provider.CaregiverSkill;
import org.yiyang.provider.ServiceCatalogue;
import org.yiyang.provider.ServiceItem;

/** The dispatcher's board and manual dispatch from the list of caregivers nearby. */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DispatchBoardIntegrationTests {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired ServiceCatalogue catalogue;

    long elderId;
    long caregiverId;
    String countyPrefix;
    long otherCountyElderId;
    ServiceItem meal;
    OffsetDateTime from;

    @BeforeAll
    void fixtures() {
        elderId = jdbc.sql("select scope_elder_id from app_user where username = 'family'").query(Long.class).single();
        caregiverId = jdbc.sql("select scope_caregiver_id from app_user where username = 'caregiver'").query(Long.class).single();
        countyPrefix = jdbc.sql("select scope_region from app_user where username = 'county'").query(String.class).single();
        otherCountyElderId = jdbc.sql("""
                select id from elder where status = 'ACTIVE' and region_code not like :p order by id limit 1
                """).param("p", countyPrefix + "%").query(Long.class).single();
        meal = catalogue.listActive().stream().filter(i -> i.requiredSkill() == CaregiverSkill.MEAL).findFirst().orElseThrow();
        // due within the board's 24 hours
        from = OffsetDateTime.now(ZONE).plusHours(2).withMinute(0).withSecond(0).withNano(0);
    }

    /** A new caregiver like the demo one (same provider, home, skills) with other hours or certificate expiry (SQL expressions). */
    long copyOfDemoCaregiver(String name, String workStart, String workEnd, String certificateExpiry) {
        long id = jdbc.sql("""
                insert into caregiver (provider_id, name, phone, sex, certificate_no, certificate_level, certificate_expiry,
                                       home_lat, home_lng, region_code, work_days, work_start, work_end, max_daily_orders, status)
                select provider_id, :name, phone, sex, certificate_no, certificate_level, %s, home_lat, home_lng, region_code,
                       '1,2,3,4,5,6,7', %s, %s, max_daily_orders, 'ACTIVE'
                  from caregiver where id = :me returning id
                """.formatted(certificateExpiry, workStart, workEnd)).param("name", name).param("me", caregiverId)
                .query(Long.class).single();
        jdbc.sql("insert into caregiver_skill (caregiver_id, skill) select :id, skill from caregiver_skill where caregiver_id = :me")
                .param("id", id).param("me", caregiverId).update();
        return id;
    }

    long place(long elder) throws Exception {
        String body = mvc.perform(post("/api/v1/orders").with(httpBasic("operator", "demo")).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"elderId": %d, "serviceItemId": %d, "windowFrom": "%s", "windowTo": "%s"}
                                """.formatted(elder, meal.id(), from, from.plusHours(2))))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.elderName").isNotEmpty())
                .andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.read(body, "$.id")).longValue();
    }

    @Test
    void theBoardShowsOpenOrdersByColumnAndEachUserOnlyTheirRegion() throws Exception {
        long mine = place(elderId);
        long elsewhere = place(otherCountyElderId);
        String elderName = jdbc.sql("select name from elder where id = :id").param("id", elderId).query(String.class).single();
        mvc.perform(get("/dispatch").with(httpBasic("operator", "demo")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-order=\"" + mine + "\"")))
                .andExpect(content().string(containsString("data-order=\"" + elsewhere + "\"")))
                .andExpect(content().string(containsString(elderName)))
                .andExpect(content().string(containsString("hx-trigger=\"every 10s\"")))
                .andExpect(content().string(containsString("/dispatch/orders/" + mine)));
        // a county supervisor watches only the county, without dispatch buttons
        boolean mineInCounty = jdbc.sql("select region_code like :p from elder where id = :id")
                .param("p", countyPrefix + "%").param("id", elderId).query(Boolean.class).single();
        String county = mvc.perform(get("/dispatch/board").with(httpBasic("county", "demo")))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("data-order=\"" + elsewhere + "\""))))
                .andExpect(content().string(not(containsString("/dispatch/orders/"))))
                .andReturn().getResponse().getContentAsString();
        assertThat(county.contains("data-order=\"" + mine + "\"")).isEqualTo(mineInCounty);
        assertThat(county).doesNotContain("<html");   // the fragment the page reloads
        // narrowed to the other county
        String otherCounty = jdbc.sql("select substr(region_code, 1, 6) from elder where id = :id")
                .param("id", otherCountyElderId).query(String.class).single();
        String mineCounty = jdbc.sql("select substr(region_code, 1, 6) from elder where id = :id")
                .param("id", elderId).query(String.class).single();
        assertThat(otherCounty).isNotEqualTo(mineCounty);
        mvc.perform(get("/dispatch/board").param("region", otherCounty).with(httpBasic("operator", "demo")))
                .andExpect(content().string(containsString("data-order=\"" + elsewhere + "\"")))
                .andExpect(content().string(not(containsString("data-order=\"" + mine + "\""))));
        // family and caregivers have no board
        mvc.perform(get("/dispatch").with(httpBasic("family", "demo"))).andExpect(status().isForbidden());
        mvc.perform(get("/dispatch").with(httpBasic("caregiver", "demo"))).andExpect(status().isForbidden());
    }

    @Test
    void anUnassignableOrderIsFlaggedWithItsReasonFirstInItsColumn() throws Exception {
        long plain = place(elderId);
        long stuck = place(elderId);
        jdbc.sql("""
                update service_order set unassignable_at = now(), unassignable_reason_zh = '没有在该时段内具备助餐技能的护理员',
                       unassignable_reason_en = 'nobody' where id = :id
                """).param("id", stuck).update();
        String html = mvc.perform(get("/dispatch/board").with(httpBasic("operator", "demo")))
                .andExpect(content().string(containsString("没有在该时段内具备助餐技能的护理员")))
                .andExpect(content().string(containsString("无人可派")))
                .andReturn().getResponse().getContentAsString();
        assertThat(html.indexOf("data-order=\"" + stuck + "\"")).isLessThan(html.indexOf("data-order=\"" + plain + "\""));
    }

    @Test
    void theOperatorDispatchesByHandFromTheCaregiversNearby() throws Exception {
        long id = place(elderId);
        String page = mvc.perform(get("/dispatch/orders/" + id).with(httpBasic("operator", "demo")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"dispatch-map\"")))
                .andExpect(content().string(containsString("符合条件")))
                .andReturn().getResponse().getContentAsString();
        // the first row is the chooser's best: dispatch to them
        java.util.regex.Matcher first = java.util.regex.Pattern.compile("id=\"cg-(\\d+)\"").matcher(page);
        assertThat(first.find()).isTrue();
        long chosen = Long.parseLong(first.group(1));
        String name = jdbc.sql("select name from caregiver where id = :id").param("id", chosen).query(String.class).single();
        assertThat(page).contains(name);
        mvc.perform(post("/dispatch/orders/" + id + "/assign").param("caregiverId", String.valueOf(chosen))
                        .with(httpBasic("operator", "demo")).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/dispatch"))
                .andExpect(flash().attribute("ok", containsString(name)));
        assertThat(jdbc.sql("select state || ':' || caregiver_id from service_order where id = :id").param("id", id)
                .query(String.class).single()).isEqualTo("OFFERED:" + chosen);
        // the API shows who
        mvc.perform(get("/api/v1/orders/" + id).with(httpBasic("family", "demo")))
                .andExpect(jsonPath("$.caregiver.name").value(name))
                .andExpect(jsonPath("$.caregiver.providerName").isNotEmpty());
        // now it needs no dispatching
        mvc.perform(get("/dispatch/orders/" + id).with(httpBasic("operator", "demo")))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("id=\"dispatch-map\""))));
    }

    @Test
    void aDispatcherMayOverruleDutyHoursButNeverAnExpiredCertificate() throws Exception {
        long id = place(elderId);
        // a caregiver with the skill who does not work at that hour (works evenings only); new rows,
        // so that the other tests' caregivers stay as they are
        long offDuty = copyOfDemoCaregiver("夜班护理员", "'20:00'", "'23:00'", "current_date + 365");
        mvc.perform(post("/api/v1/orders/" + id + "/dispatch").with(httpBasic("operator", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"caregiverId\": " + offDuty + "}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.state").value("OFFERED"));

        long other = place(elderId);
        long expired = copyOfDemoCaregiver("证书过期护理员", "work_start", "work_end", "current_date - 1");
        mvc.perform(post("/api/v1/orders/" + other + "/dispatch").with(httpBasic("operator", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"caregiverId\": " + expired + "}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].code").value("order.dispatch.not-candidate"));
        mvc.perform(post("/dispatch/orders/" + other + "/assign").param("caregiverId", String.valueOf(expired))
                        .with(httpBasic("operator", "demo")).with(csrf()))
                .andExpect(redirectedUrl("/dispatch/orders/" + other))
                .andExpect(flash().attribute("error", containsString("证书")));
        assertThat(jdbc.sql("select state from service_order where id = :id").param("id", other).query(String.class).single())
                .isEqualTo("CREATED");
        // a supervisor watches but does not dispatch
        mvc.perform(post("/dispatch/orders/" + other + "/assign").param("caregiverId", String.valueOf(caregiverId))
                        .with(httpBasic("city", "demo")).with(csrf()))
                .andExpect(status().isForbidden());
    }
}
