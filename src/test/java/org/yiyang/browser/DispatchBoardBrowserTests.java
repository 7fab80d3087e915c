package org.yiyang.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import com.microsoft.playwright.Page;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.yiyang.IntegrationTest;
import org.yiyang.provider.CaregiverSkill;
import org.yiyang.provider.ServiceCatalogue;
import org.yiyang.provider.ServiceItem;

/** The dispatcher opens the board, picks an order awaiting dispatch and offers it from the map of caregivers nearby. */
@IntegrationTest
class DispatchBoardBrowserTests {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private static BrowserSession browser;

    @LocalServerPort int port;
    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired ServiceCatalogue catalogue;

    @BeforeAll
    static void startBrowser() {
        browser = new BrowserSession();
    }

    @AfterAll
    static void stopBrowser() {
        browser.close();
    }

    long placeForFamilysElder() throws Exception {
        long elderId = jdbc.sql("select scope_elder_id from app_user where username = 'family'").query(Long.class).single();
        ServiceItem meal = catalogue.listActive().stream().filter(i -> i.requiredSkill() == CaregiverSkill.MEAL).findFirst().orElseThrow();
        // due within the board's 24 hours
        OffsetDateTime from = OffsetDateTime.now(ZONE).plusHours(2).withMinute(0).withSecond(0).withNano(0);
        String body = mvc.perform(post("/api/v1/orders").with(httpBasic("operator", "demo")).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"elderId": %d, "serviceItemId": %d, "windowFrom": "%s", "windowTo": "%s", "notes": "老人行动不便，请多等一会儿"}
                                """.formatted(elderId, meal.id(), from, from.plusHours(2))))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.read(body, "$.id")).longValue();
    }

    @Test
    void theDispatcherOffersAnOrderFromTheMapOfCaregiversNearby() throws Exception {
        long id = placeForFamilysElder();
        Page page = browser.loggedIn(port, "operator", "zh-CN", 1440, 1000);
        page.locator("nav.sidenav >> text=调度台").click();
        assertThat(page.locator("h1")).hasText("调度台");
        assertThat(page.locator(".board-card[data-order='" + id + "']")).isVisible();
        BrowserSession.screenshot(page, "dispatch-board-zh");

        page.locator(".board-card[data-order='" + id + "'] >> text=手动派单").click();
        assertThat(page.locator("h1")).containsText(String.valueOf(id));
        assertThat(page.locator("#dispatch-map .leaflet-interactive").first()).isVisible();
        assertThat(page.locator("table.candidates tbody tr").first()).containsText("符合条件");
        BrowserSession.screenshot(page, "dispatch-assign-zh");
        String chosen = page.locator("table.candidates tbody tr").first().locator("strong").textContent().trim();
        page.locator("table.candidates tbody tr").first().locator("button").click();

        page.waitForURL(url -> url.endsWith("/dispatch"));
        assertThat(page.locator(".alert.ok")).containsText(chosen);
        assertThat(page.locator("section[aria-labelledby='col-OFFERED'] .board-card[data-order='" + id + "']")).containsText(chosen);
        BrowserSession.screenshot(page, "dispatch-board-after-zh");

        Page phone = browser.loggedIn(port, "operator", "en", 390, 844);
        phone.navigate("http://localhost:" + port + "/dispatch");
        assertThat(phone.locator("h1")).hasText("Dispatch board");
        BrowserSession.screenshot(phone, "dispatch-board-en-phone");
    }

    @Test
    void anOperatorGoesFromTheCallersNumberToAPlacedOrderInThreeClicks() {
        long elderId = jdbc.sql("select scope_elder_id from app_user where username = 'family'").query(Long.class).single();
        String phone = jdbc.sql("select phones[1] from elder where id = :id").param("id", elderId).query(String.class).single();
        String name = jdbc.sql("select name from elder where id = :id").param("id", elderId).query(String.class).single();
        ServiceItem meal = catalogue.listActive().stream().filter(i -> i.requiredSkill() == CaregiverSkill.MEAL).findFirst().orElseThrow();
        Page page = browser.loggedIn(port, "operator", "zh-CN", 1280, 900);
        page.locator("nav.sidenav >> text=来电下单").click();
        page.locator("#phone").fill(phone);
        page.locator("#phone").press("Enter");                                   // 1: find the caller
        assertThat(page.locator("#hotline-matches li[data-elder='" + elderId + "']")).containsText("老人本人来电");
        BrowserSession.screenshot(page, "hotline-zh");
        page.locator("#hotline-matches li[data-elder='" + elderId + "'] a.button").click();   // 2: order for them
        page.locator("#serviceItemId").selectOption(String.valueOf(meal.id()));
        assertThat(page.locator("#estimate .price")).containsText(meal.name());
        BrowserSession.screenshot(page, "order-form-estimate-zh");
        page.locator("form button[type=submit].primary").click();                // 3: place it
        page.waitForURL(url -> url.matches(".*/orders/\\d+$"));
        assertThat(page.locator("main")).containsText(name);
        assertThat(page.locator("main")).containsText("待派单");
    }
}
