package org.yiyang.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
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
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.yiyang.IntegrationTest;
import org.yiyang.elder.ElderRecord;
import org.yiyang.elder.ElderRegistry;
import org.yiyang.provider.CaregiverSkill;
import org.yiyang.provider.ServiceCatalogue;
import org.yiyang.provider.ServiceItem;
import org.yiyang.shared.DataScope;

/** The caregiver's phone page through its own forms, as the demo {@code caregiver} login. */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CaregiverAppIntegrationTests {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired ElderRegistry elders;
    @Autowired ServiceCatalogue catalogue;

    long elderId;
    long caregiverId;
    ElderRecord elder;
    ServiceItem item;
    OffsetDateTime from;

    @BeforeAll
    void fixtures() {
        elderId = jdbc.sql("select scope_elder_id from app_user where username = 'family'").query(Long.class).single();
        caregiverId = jdbc.sql("select scope_caregiver_id from app_user where username = 'caregiver'").query(Long.class).single();
        elder = elders.find(new DataScope.Elder(elderId), elderId);
        Set<CaregiverSkill> demoSkills = Set.of(CaregiverSkill.MEAL, CaregiverSkill.CLEANING, CaregiverSkill.VISIT, CaregiverSkill.NURSING);
        item = catalogue.listActive().stream().filter(i -> demoSkills.contains(i.requiredSkill())).findFirst().orElseThrow();
        LocalDate day = LocalDate.now(ZONE).plusDays(1);
        while (day.getDayOfWeek() == DayOfWeek.SUNDAY) {
            day = day.plusDays(1);
        }
        from = day.atTime(LocalTime.of(9, 0)).atZone(ZONE).toOffsetDateTime();
    }

    long place() throws Exception {
        String body = mvc.perform(post("/api/v1/orders").with(httpBasic("operator", "demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"elderId": %d, "serviceItemId": %d, "windowFrom": "%s", "windowTo": "%s", "notes": "请先敲门"}
                                """.formatted(elderId, item.id(), from, from.plusHours(2))))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.read(body, "$.id")).longValue();
    }

    long offered() throws Exception {
        long id = place();
        mvc.perform(post("/api/v1/orders/" + id + "/dispatch").with(httpBasic("operator", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"caregiverId\": " + caregiverId + "}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.state").value("OFFERED"));
        return id;
    }

    String state(long id) throws Exception {
        return JsonPath.read(mvc.perform(get("/api/v1/orders/" + id).with(httpBasic("operator", "demo")))
                .andReturn().getResponse().getContentAsString(), "$.state");
    }

    String lat(double d) {
        return String.format(Locale.ROOT, "%.6f", d);
    }

    @Test
    void aCaregiverAcceptsChecksInChecksOutAndTakesTheEldersCodeThroughThePage() throws Exception {
        long id = offered();
        mvc.perform(get("/m/").with(httpBasic("caregiver", "demo")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"offer-" + id + "\"")))
                .andExpect(content().string(containsString(elder.name())))
                .andExpect(content().string(containsString("/m/orders/" + id + "/accept")))
                .andExpect(content().string(containsString("name=\"_csrf\"")));

        mvc.perform(post("/m/orders/" + id + "/accept").with(httpBasic("caregiver", "demo")).with(csrf()))
                .andExpect(redirectedUrl("/m/orders/" + id))
                .andExpect(flash().attributeExists("done"))
                .andExpect(flash().attributeCount(1));
        assertThat(state(id)).isEqualTo("ACCEPTED");
        // now among the visits, with a way to navigate there
        String lat = lat(elder.primaryAddress().location().lat());
        mvc.perform(get("/m/").with(httpBasic("caregiver", "demo")))
                .andExpect(content().string(containsString("id=\"visit-" + id + "\"")))
                .andExpect(content().string(containsString("geo:" + lat + ",")))
                .andExpect(content().string(not(containsString("id=\"offer-" + id + "\""))));
        mvc.perform(get("/m/orders/" + id).with(httpBasic("caregiver", "demo")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"check-in\"")))
                .andExpect(content().string(containsString(item.name())))
                .andExpect(content().string(containsString("请先敲门")))
                .andExpect(content().string(not(containsString("id=\"check-out\""))));

        // far away without a reason: the server's text comes back and asks for one; nothing changes
        String farLat = lat(elder.primaryAddress().location().lat() + 0.05);
        String lng = lat(elder.primaryAddress().location().lng());
        mvc.perform(post("/m/orders/" + id + "/check-in").with(httpBasic("caregiver", "demo")).with(csrf())
                        .param("lat", farLat).param("lng", lng))
                .andExpect(redirectedUrl("/m/orders/" + id))
                .andExpect(flash().attribute("needReason", true))
                .andExpect(flash().attribute("errorField", "reason"));
        assertThat(state(id)).isEqualTo("ACCEPTED");
        // no location at all: a plain message
        mvc.perform(post("/m/orders/" + id + "/check-in").with(httpBasic("caregiver", "demo")).with(csrf()))
                .andExpect(flash().attribute("error", containsString("位置")));

        String nearLat = lat(elder.primaryAddress().location().lat() + 0.0003);
        mvc.perform(post("/m/orders/" + id + "/check-in").with(httpBasic("caregiver", "demo")).with(csrf())
                        .param("lat", nearLat).param("lng", lng))
                .andExpect(redirectedUrl("/m/orders/" + id))
                .andExpect(flash().attributeExists("done"));
        assertThat(state(id)).isEqualTo("IN_SERVICE");

        mvc.perform(multipart("/m/orders/" + id + "/photos")
                        .file(new MockMultipartFile("photo", "p.png", "image/png", OrderApiIntegrationTests.png()))
                        .with(httpBasic("caregiver", "demo")).with(csrf()))
                .andExpect(flash().attributeExists("done"));
        mvc.perform(multipart("/m/orders/" + id + "/photos")
                        .file(new MockMultipartFile("photo", "p.txt", "text/plain", "hello".getBytes()))
                        .with(httpBasic("caregiver", "demo")).with(csrf()))
                .andExpect(flash().attributeExists("error"));

        mvc.perform(get("/m/orders/" + id).with(httpBasic("caregiver", "demo")))
                .andExpect(content().string(containsString("id=\"check-out\"")))
                .andExpect(content().string(containsString("capture=\"environment\"")))
                .andExpect(content().string(not(containsString("id=\"check-in\""))));
        mvc.perform(post("/m/orders/" + id + "/check-out").with(httpBasic("caregiver", "demo")).with(csrf())
                        .param("lat", nearLat).param("lng", lng))
                .andExpect(flash().attributeExists("done"));
        assertThat(state(id)).isEqualTo("COMPLETED");

        String code = JsonPath.read(mvc.perform(get("/api/v1/orders/" + id).with(httpBasic("family", "demo")))
                .andReturn().getResponse().getContentAsString(), "$.confirmationCode");
        // the caregiver's page never shows the code
        mvc.perform(get("/m/orders/" + id).with(httpBasic("caregiver", "demo")))
                .andExpect(content().string(containsString("id=\"confirm\"")))
                .andExpect(content().string(not(containsString(">" + code + "<"))));
        mvc.perform(post("/m/orders/" + id + "/confirm").with(httpBasic("caregiver", "demo")).with(csrf()).param("code", "12a"))
                .andExpect(flash().attribute("errorField", "code"));
        String wrong = code.equals("0000") ? "1111" : "0000";
        mvc.perform(post("/m/orders/" + id + "/confirm").with(httpBasic("caregiver", "demo")).with(csrf()).param("code", wrong))
                .andExpect(flash().attributeExists("error"));
        assertThat(state(id)).isEqualTo("COMPLETED");
        mvc.perform(post("/m/orders/" + id + "/confirm").with(httpBasic("caregiver", "demo")).with(csrf()).param("code", code))
                .andExpect(flash().attributeExists("done"));
        assertThat(state(id)).isEqualTo("CONFIRMED");
    }

    @Test
    void aCaregiverRefusesWithAReasonFromThePicker() throws Exception {
        long id = offered();
        mvc.perform(post("/m/orders/" + id + "/refuse").with(httpBasic("caregiver", "demo")).with(csrf())
                        .param("reason", "mobile.refuse.reason.far"))
                .andExpect(redirectedUrl("/m/"))
                .andExpect(flash().attributeExists("done"));
        assertThat(state(id)).isNotEqualTo("OFFERED");
        String history = mvc.perform(get("/api/v1/orders/" + id).with(httpBasic("operator", "demo")))
                .andReturn().getResponse().getContentAsString();
        assertThat(history).contains("路太远，赶不到");
    }

    @Test
    void anOrderNotOfferedToThisCaregiverIsNotFound() throws Exception {
        long notTheirs = place();
        mvc.perform(get("/m/orders/" + notTheirs).with(httpBasic("caregiver", "demo"))).andExpect(status().isNotFound());
        mvc.perform(post("/m/orders/" + notTheirs + "/accept").with(httpBasic("caregiver", "demo")).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(get("/m/").with(httpBasic("caregiver", "demo")))
                .andExpect(content().string(not(containsString("offer-" + notTheirs + "\""))));
    }

    @Test
    void onlyCaregiversUseThePhonePageAndCaregiversLandOnIt() throws Exception {
        for (String user : new String[]{"operator", "county", "family"}) {
            mvc.perform(get("/m/").with(httpBasic(user, "demo"))).andExpect(status().isForbidden());
        }
        mvc.perform(get("/").with(httpBasic("caregiver", "demo"))).andExpect(redirectedUrl("/m/"));
        mvc.perform(get("/").with(httpBasic("operator", "demo"))).andExpect(status().isOk());
        mvc.perform(post("/m/orders/1/accept").with(httpBasic("caregiver", "demo")))
                .andExpect(status().isForbidden()); // no CSRF token
    }
}
