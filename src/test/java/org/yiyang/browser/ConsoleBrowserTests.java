package org.yiyang.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.yiyang.IntegrationTest;

/** Journeys through the console in a real browser, as a bureau user would take them. */
@IntegrationTest
class ConsoleBrowserTests {

    private static BrowserSession browser;

    @LocalServerPort
    int port;

    @BeforeAll
    static void startBrowser() {
        browser = new BrowserSession();
    }

    @AfterAll
    static void stopBrowser() {
        browser.close();
    }

    private Page loggedIn(String user, String locale, int width, int height) {
        return browser.loggedIn(port, user, locale, width, height);
    }

    @Test
    void aCountySupervisorLogsInAndBrowsesOnlyTheirCounty() {
        Page page = loggedIn("county", "zh-CN", 1280, 900);
        assertThat(page.locator("h1")).containsText("您好");
        page.locator("nav.sidenav >> text=行政区划").click();
        assertThat(page.locator("h1")).hasText("华龙区");
        assertThat(page.locator("#region-children tbody tr").first()).isVisible();
        BrowserSession.screenshot(page, "regions-county-zh");
        page.locator("#region-children tbody tr a").first().click();
        assertThat(page.locator(".breadcrumb")).containsText("华龙区");
        assertThat(page.locator(".breadcrumb")).not().containsText("濮阳市");
    }

    @Test
    void aSupervisorSearchesAnElderByNameAndOpensTheRecord() {
        Page page = loggedIn("county", "zh-CN", 1280, 900);
        page.locator("nav.sidenav >> text=老年人").click();
        assertThat(page.locator("#elder-results")).isVisible();
        String name = page.locator("#elder-results .elder-link").nth(3).textContent().trim();
        page.locator("#q").fill(name);
        page.locator("#q").press("Enter");
        page.waitForURL(url -> url.contains("q="));
        assertThat(page.locator("#elder-results .elder-link").first()).hasText(name);
        // masked in the list
        assertThat(page.locator("#elder-results")).containsText("**********");
        BrowserSession.screenshot(page, "elders-search-zh");
        page.locator("#elder-results .elder-link").first().click();
        assertThat(page.locator("h1")).containsText(name);
        BrowserSession.screenshot(page, "elder-record-zh");
    }

    @Test
    void anOperatorPlacesAnOrderFromTheEldersRecordAndSeesItsTimeline() {
        Page page = loggedIn("operator", "zh-CN", 1280, 900);
        page.navigate("http://localhost:" + port + "/elders/1");
        String elderName = page.locator("h1").textContent().trim();
        page.locator("#place-order").click();
        page.locator("#serviceItemId").selectOption(new com.microsoft.playwright.options.SelectOption().setIndex(1));
        BrowserSession.screenshot(page, "order-new-zh");
        page.locator("main form button[type=submit].primary").last().click();
        page.waitForURL(url -> url.matches(".*/orders/\\d+.*"));
        assertThat(page.locator("main")).containsText("下单 · operator");
        assertThat(page.locator("main")).containsText("待派单");
        assertThat(page.locator("main")).containsText(elderName);
        BrowserSession.screenshot(page, "order-detail-zh");
    }

    @Test
    void anotherCountysElderIsNotFoundInTheBrowser() {
        Page page = loggedIn("city", "zh-CN", 1280, 900);
        page.navigate("http://localhost:" + port + "/elders?region=410928000000");
        String href = page.locator("#elder-results .elder-link").first().getAttribute("href");
        Page county = loggedIn("county", "zh-CN", 1280, 900);
        var response = county.navigate("http://localhost:" + port + href);
        org.assertj.core.api.Assertions.assertThat(response.status()).isEqualTo(404);
        assertThat(county.locator("h1")).hasText("找不到该记录");
    }

    @Test
    void theConsoleSpeaksEnglishWhenTheBrowserAsksForIt() {
        Page page = loggedIn("city", "en-US", 390, 844);
        assertThat(page.locator("h1")).containsText("Hello");
        assertThat(page.locator("nav.sidenav")).containsText("Elders");
        BrowserSession.screenshot(page, "home-city-en-phone");
        page.locator("nav.sidenav >> text=System accounts").click();
        assertThat(page.locator("h1")).hasText("System accounts and API tokens");
        BrowserSession.screenshot(page, "system-accounts-en-phone");
    }
}
