package org.yiyang.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.yiyang.IntegrationTest;
import org.yiyang.provider.FacilityQuery;
import org.yiyang.provider.ProviderDirectory;
import org.yiyang.shared.DataScope;
import org.yiyang.shared.PageQuery;

/** The facility map in a real browser: drawn with no tile server, one circle per facility, popups in words. */
@IntegrationTest
class FacilityMapBrowserTests {

    private static BrowserSession browser;

    @LocalServerPort
    int port;

    @Autowired
    ProviderDirectory directory;

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
    void aCountySupervisorSeesTheirFacilitiesAsCirclesWithALegendAndNoTiles() {
        long countyFacilities = directory.facilities(FacilityQuery.all(PageQuery.of(0, 1)), DataScope.region("410902")).total();
        Page page = loggedIn("county", "zh-CN", 1280, 900);
        page.locator("nav.sidenav >> text=服务设施").click();
        assertThat(page.locator("h1")).hasText("服务设施");
        assertThat(page.locator("#facility-map path.facility-marker")).hasCount((int) countyFacilities);
        assertThat(page.locator("#facility-map path.facility-target.leaflet-interactive")).hasCount((int) countyFacilities);
        assertThat(page.locator("#facility-map .leaflet-tile")).hasCount(0);
        assertThat(page.locator("#facility-map-legend .key")).hasCount(7);
        assertThat(page.locator("#facility-map-legend")).containsText("街道综合养老服务中心");
        BrowserSession.screenshot(page, "facilities-county-zh");

        page.locator("#below").selectOption("true");
        page.locator("form[role=search] button[type=submit]").click();
        assertThat(page.locator("#facilities tbody tr").first()).containsText("低于标准");
        page.locator("#facility-map path.facility-target").first().click(new com.microsoft.playwright.Locator.ClickOptions().setForce(true));
        Object closeSize = page.evaluate("(() => { const r = document.querySelector('.leaflet-popup-close-button').getBoundingClientRect(); return Math.min(r.width, r.height); })()");
        assertThat(((Number) closeSize).doubleValue()).isGreaterThanOrEqualTo(44);
        assertThat(page.locator(".leaflet-popup-content")).containsText("低于标准");
        BrowserSession.screenshot(page, "facilities-below-standard-popup");
    }

    @Test
    void onAPhoneTheMapAndTheListFitTheScreen() {
        Page page = loggedIn("city", "en-US", 390, 844);
        page.navigate("http://localhost:" + port + "/facilities?type=STREET_CENTRE");
        assertThat(page.locator("#facility-map path.facility-marker").first()).isVisible();
        Object overflow = page.evaluate("document.documentElement.scrollWidth > window.innerWidth + 1");
        assertThat(overflow).isEqualTo(false);
        BrowserSession.screenshot(page, "facilities-city-en-phone");
        page.locator("#facilities tbody tr a").first().click();
        assertThat(page.locator("#standard-status")).isVisible();
        assertThat(page.locator("#facility-map path.facility-marker")).hasCount(1);
        BrowserSession.screenshot(page, "facility-detail-en-phone");
    }

    @Test
    void theFormFillsInTheCommunityCentreAndShowsWhatIsWrong() {
        Page page = loggedIn("county", "zh-CN", 1280, 900);
        page.navigate("http://localhost:" + port + "/facilities/new");
        page.locator("#name").fill("浏览器测试日间照料中心");
        page.locator("#type").selectOption("DAY_CARE");
        page.locator("#regionCode").selectOption(page.locator("#regionCode option").nth(2).getAttribute("value"));
        page.locator("#use-centroid").click();
        assertThat(page.locator("#lat")).not().hasValue("");
        page.locator("#beds").fill("abc");
        page.locator("form.panel button[type=submit]").click();
        assertThat(page.locator(".field.has-error .field-error")).containsText("请输入数字");
        assertThat(page.locator("#name")).hasValue("浏览器测试日间照料中心");
        BrowserSession.screenshot(page, "facility-form-error");
        page.locator("#beds").fill("12");
        page.locator("#floorAreaM2").fill("260");
        page.locator("form.panel button[type=submit]").click();
        assertThat(page.locator("h1")).hasText("浏览器测试日间照料中心");
        assertThat(page.locator("#standard-status")).containsText("符合建设标准");
    }
}
