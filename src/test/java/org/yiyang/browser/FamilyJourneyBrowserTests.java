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

/**
 * The whole journey: the family orders on the large-font page, the operator dispatches, the
 * caregiver accepts, arrives, finishes and takes the code the family reads out, the family rates,
 * and the timeline shows it all.
 */
@IntegrationTest
class FamilyJourneyBrowserTests {

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

    private static double height(Locator l) {
        return ((Number) l.evaluate("e => e.getBoundingClientRect().height")).doubleValue();
    }

    @Test
    void familyOrdersOperatorDispatchesCaregiverServesFamilyRatesAndTheTimelineShowsIt() throws Exception {
        long elderId = jdbc.sql("select scope_elder_id from app_user where username = 'family'").query(Long.class).single();
        long caregiverId = jdbc.sql("select scope_caregiver_id from app_user where username = 'caregiver'").query(Long.class).single();
        ElderRecord elder = elders.find(new DataScope.Elder(elderId), elderId);
        Set<CaregiverSkill> demoSkills = Set.of(CaregiverSkill.MEAL, CaregiverSkill.CLEANING, CaregiverSkill.VISIT, CaregiverSkill.NURSING);
        ServiceItem item = catalogue.listActive().stream().filter(i -> demoSkills.contains(i.requiredSkill())).findFirst().orElseThrow();
        String when = LocalDate.now(ZONE).plusDays(1).getDayOfWeek() == DayOfWeek.SUNDAY ? "asap" : "tomorrow-pm";

        // the family, on a phone
        Page family = browser.loggedIn(port, "family", "zh-CN", 390, 844);
        family.waitForURL(url -> url.matches(".*/f/(\\?.*)?$"));
        for (String tile : List.of("#f-order", "#f-orders", "#f-call")) {
            org.assertj.core.api.Assertions.assertThat(height(family.locator(tile))).as(tile).isGreaterThanOrEqualTo(60);
        }
        assertThat(family.locator("#f-call")).hasAttribute("href", "tel:12345");
        double bodyFont = ((Number) family.evaluate(
                "() => parseFloat(getComputedStyle(document.body).fontSize)")).doubleValue();
        org.assertj.core.api.Assertions.assertThat(bodyFont).isGreaterThanOrEqualTo(20);
        BrowserSession.screenshot(family, "family-home-zh");

        family.locator("#f-order").click();
        assertThat(family.locator(".step")).hasText("第 1 步 / 共 3 步");
        BrowserSession.screenshot(family, "family-step1-zh");
        Locator service = family.locator("a[href$='item=" + item.id() + "']");
        org.assertj.core.api.Assertions.assertThat(height(service)).isGreaterThanOrEqualTo(60);
        service.click();
        assertThat(family.locator(".step")).hasText("第 2 步 / 共 3 步");
        family.locator("input[name=when][value='" + when + "']").check();
        BrowserSession.screenshot(family, "family-step2-zh");
        family.locator("#f-next").click();
        assertThat(family.locator(".step")).hasText("第 3 步 / 共 3 步");
        assertThat(family.locator("dl.review")).containsText(item.name());
        assertThat(family.locator("dl.review")).containsText(elder.primaryAddress().address());
        org.assertj.core.api.Assertions.assertThat(height(family.locator("#f-confirm"))).isGreaterThanOrEqualTo(60);
        org.assertj.core.api.Assertions.assertThat(height(family.locator("#f-change"))).isGreaterThanOrEqualTo(60);
        BrowserSession.screenshot(family, "family-step3-zh");
        family.locator("#f-confirm").click();
        family.waitForURL(url -> url.matches(".*/f/orders/\\d+$"));
        long id = Long.parseLong(family.url().replaceAll(".*/f/orders/", ""));
        assertThat(family.locator("#f-state")).hasText("正在安排护理员");
        BrowserSession.screenshot(family, "family-placed-zh");

        // the operator dispatches it by hand (automatic dispatch is off in tests)
        mvc.perform(post("/api/v1/orders/" + id + "/dispatch").with(httpBasic("operator", "demo"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"caregiverId\": " + caregiverId + "}")).andExpect(status().isOk());

        // the caregiver at the elder's door
        Page caregiver = browser.loggedIn(port, "caregiver", "zh-CN", 390, 844);
        caregiver.context().grantPermissions(List.of("geolocation"));
        caregiver.context().setGeolocation(new Geolocation(elder.primaryAddress().location().lat() + 0.0002,
                elder.primaryAddress().location().lng()));
        caregiver.navigate("http://localhost:" + port + "/m/orders/" + id);
        caregiver.locator("#accept").click();
        assertThat(caregiver.locator("#state")).hasText("已接单");
        caregiver.locator("#check-in").click();
        assertThat(caregiver.locator("#state")).hasText("服务中");
        caregiver.locator("#check-out").click();
        assertThat(caregiver.locator("#confirm")).isVisible();

        // the family reads the code from their page
        family.reload();
        assertThat(family.locator("#f-state")).hasText("服务已完成");
        String code = family.locator("#f-code").textContent().strip();
        BrowserSession.screenshot(family, "family-code-zh");
        for (char digit : code.toCharArray()) {
            caregiver.locator(".keypad .key[data-key='" + digit + "']").click();
        }
        caregiver.locator("#confirm").click();
        assertThat(caregiver.locator("#state")).hasText("已确认");

        // the family rates five stars
        family.reload();
        Locator five = family.locator(".stars span[data-stars='5']");
        org.assertj.core.api.Assertions.assertThat(height(five)).isGreaterThanOrEqualTo(60);
        five.click();
        family.locator("#comment").fill("护理员很耐心");
        BrowserSession.screenshot(family, "family-rate-zh");
        family.locator("#f-rate").click();
        assertThat(family.locator("#f-rating")).hasText("您的评价：5 星");
        assertThat(family.locator("#f-state")).hasText("已完成，已评价");
        Locator timeline = family.locator("#f-timeline");
        for (String action : List.of("place", "dispatch", "accept", "check-in", "check-out", "confirm", "rate")) {
            assertThat(timeline.locator("li[data-action='" + action + "']")).hasCount(1);
        }
        assertThat(timeline).containsText("护理员到达");
        BrowserSession.screenshot(family, "family-rated-zh");

        // and the operator's order page shows the same history
        Page operator = browser.loggedIn(port, "operator", "zh-CN", 1280, 900);
        operator.navigate("http://localhost:" + port + "/orders/" + id);
        for (String step : List.of("派单", "接单", "签到", "签退", "老人确认", "评价")) {
            assertThat(operator.locator("main")).containsText(step);
        }
        BrowserSession.screenshot(operator, "family-journey-operator-zh");
        String json = mvc.perform(get("/api/v1/orders/" + id).with(httpBasic("operator", "demo")))
                .andReturn().getResponse().getContentAsString();
        org.assertj.core.api.Assertions.assertThat((String) JsonPath.read(json, "$.state")).isEqualTo("RATED");
        org.assertj.core.api.Assertions.assertThat((Integer) JsonPath.read(json, "$.rating")).isEqualTo(5);
    }
}
