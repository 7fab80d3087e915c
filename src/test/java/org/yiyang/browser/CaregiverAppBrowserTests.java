package org.yiyang.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.Geolocation;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.yiyang.IntegrationTest;
import org.yiyang.elder.ElderRecord;
import org.yiyang.elder.ElderRegistry;
import org.yiyang.provider.CaregiverSkill;
import org.yiyang.provider.ServiceCatalogue;
import org.yiyang.provider.ServiceItem;
import org.yiyang.shared.DataScope;

/** The caregiver's phone page in a phone-sized browser with the location of the elder's home. */
@IntegrationTest
class CaregiverAppBrowserTests {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private static BrowserSession browser;

    @LocalServerPort int port;
    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired ElderRegistry elders;
    @Autowired ServiceCatalogue catalogue;

    @BeforeAll
    static void startBrowser() {
        browser = new BrowserSession();
    }

    @AfterAll
    static void stopBrowser() {
        browser.close();
    }

    /** An order for family's elder, placed by the operator and offered to the demo caregiver. */
    private long offeredToCaregiver(long elderId) throws Exception {
        long caregiverId = jdbc.sql("select scope_caregiver_id from app_user where username = 'caregiver'").query(Long.class).single();
        Set<CaregiverSkill> demoSkills = Set.of(CaregiverSkill.MEAL, CaregiverSkill.CLEANING, CaregiverSkill.VISIT, CaregiverSkill.NURSING);
        ServiceItem item = catalogue.listActive().stream().filter(i -> demoSkills.contains(i.requiredSkill())).findFirst().orElseThrow();
        LocalDate day = LocalDate.now(ZONE).plusDays(1);
        while (day.getDayOfWeek() == DayOfWeek.SUNDAY) {
            day = day.plusDays(1);
        }
        OffsetDateTime from = day.atTime(LocalTime.of(14, 0)).atZone(ZONE).toOffsetDateTime();
        String body = mvc.perform(post("/api/v1/orders").with(httpBasic("operator", "demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"elderId": %d, "serviceItemId": %d, "windowFrom": "%s", "windowTo": "%s", "notes": "老人耳背，请大声敲门"}
                                """.formatted(elderId, item.id(), from, from.plusHours(2))))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long id = ((Number) JsonPath.read(body, "$.id")).longValue();
        mvc.perform(post("/api/v1/orders/" + id + "/dispatch").with(httpBasic("operator", "demo"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"caregiverId\": " + caregiverId + "}")).andExpect(status().isOk());
        return id;
    }

    private static double height(Locator button) {
        return ((Number) button.evaluate("e => e.getBoundingClientRect().height")).doubleValue();
    }

    private static void fitsThePhone(Page page) {
        Object overflow = page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        org.assertj.core.api.Assertions.assertThat(((Number) overflow).intValue()).as("horizontal overflow").isLessThanOrEqualTo(0);
    }

    @Test
    void aCaregiverAcceptsArrivesFinishesAndTakesTheEldersCodeOnThePhone() throws Exception {
        long elderId = jdbc.sql("select scope_elder_id from app_user where username = 'family'").query(Long.class).single();
        ElderRecord elder = elders.find(new DataScope.Elder(elderId), elderId);
        long id = offeredToCaregiver(elderId);

        Page page = browser.loggedIn(port, "caregiver", "zh-CN", 390, 844);
        page.context().grantPermissions(List.of("geolocation"));
        page.context().setGeolocation(new Geolocation(elder.primaryAddress().location().lat() + 0.0002,
                elder.primaryAddress().location().lng()));
        page.waitForURL(url -> url.matches(".*/m/(\\?.*)?$"));
        assertThat(page.locator(".m-header .name")).not().isEmpty();
        Locator offer = page.locator("#offer-" + id);
        assertThat(offer).containsText(elder.name());
        Locator accept = offer.locator("button.accept");
        org.assertj.core.api.Assertions.assertThat(height(accept)).isGreaterThanOrEqualTo(60);
        fitsThePhone(page);
        BrowserSession.screenshot(page, "caregiver-offers-zh");

        accept.click();
        page.waitForURL(url -> url.endsWith("/m/orders/" + id));
        assertThat(page.locator("#state")).hasText("已接单");
        assertThat(page.locator("main")).containsText("老人耳背，请大声敲门");
        Locator arrive = page.locator("#check-in");
        assertThat(arrive).containsText("到达");
        org.assertj.core.api.Assertions.assertThat(height(arrive)).isGreaterThanOrEqualTo(60);
        fitsThePhone(page);
        BrowserSession.screenshot(page, "caregiver-visit-accepted-zh");

        arrive.click();
        Locator finish = page.locator("#check-out");
        assertThat(finish).isVisible();
        assertThat(page.locator("#state")).hasText("服务中");
        assertThat(finish).containsText("完成");
        org.assertj.core.api.Assertions.assertThat(height(finish)).isGreaterThanOrEqualTo(60);
        BrowserSession.screenshot(page, "caregiver-visit-in-service-zh");

        finish.click();
        assertThat(page.locator("#confirm")).isVisible();
        BrowserSession.screenshot(page, "caregiver-visit-confirm-zh");
        String code = JsonPath.read(mvc.perform(get("/api/v1/orders/" + id).with(httpBasic("family", "demo")))
                .andReturn().getResponse().getContentAsString(), "$.confirmationCode");
        for (char digit : code.toCharArray()) {
            page.locator(".keypad .key[data-key='" + digit + "']").click();
        }
        assertThat(page.locator("#code")).hasValue(code);
        page.locator("#confirm").click();
        assertThat(page.locator("#state")).hasText("已确认");
        BrowserSession.screenshot(page, "caregiver-visit-confirmed-zh");

        String history = mvc.perform(get("/api/v1/orders/" + id).with(httpBasic("operator", "demo")))
                .andReturn().getResponse().getContentAsString();
        org.assertj.core.api.Assertions.assertThat((Boolean) JsonPath.read(history, "$.visit.withinGeofence")).isTrue();
    }

    @Test
    void checkingInFarAwayAsksForAReasonInEnglishAndTheTextMayGrow() throws Exception {
        long elderId = jdbc.sql("select scope_elder_id from app_user where username = 'family'").query(Long.class).single();
        ElderRecord elder = elders.find(new DataScope.Elder(elderId), elderId);
        long id = offeredToCaregiver(elderId);

        Page page = browser.loggedIn(port, "caregiver", "en-US", 390, 844);
        page.context().grantPermissions(List.of("geolocation"));
        page.context().setGeolocation(new Geolocation(elder.primaryAddress().location().lat() + 0.05,
                elder.primaryAddress().location().lng()));
        page.navigate("http://localhost:" + port + "/m/orders/" + id + "?lang=en");
        page.locator("#accept").click();
        assertThat(page.locator("#state")).hasText("Accepted");
        page.locator("#check-in").click();
        // the server's own words, and a field for the reason
        assertThat(page.locator("#error")).isVisible();
        assertThat(page.locator("#checkin-reason")).isVisible();
        assertThat(page.locator("#state")).hasText("Accepted");
        BrowserSession.screenshot(page, "caregiver-check-in-far-en");
        page.locator("#checkin-reason").fill("The elder is at the community centre");
        page.locator("#check-in").click();
        assertThat(page.locator("#state")).hasText("In service");
        // UX.md B.5: a 30 px root font still fits the phone without horizontal scrolling
        page.evaluate("() => document.documentElement.style.fontSize = '30px'");
        fitsThePhone(page);
        org.assertj.core.api.Assertions.assertThat(height(page.locator("#check-out"))).isGreaterThanOrEqualTo(60);
        BrowserSession.screenshot(page, "caregiver-in-service-30px-en");
    }
}
