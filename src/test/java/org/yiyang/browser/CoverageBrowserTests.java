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
import org.yiyang.coverage.CoverageReport;
import org.yiyang.coverage.ServiceCoverage;
import org.yiyang.shared.DataScope;

/** A supervisor checks the service circles: numbers by region, drill-down, the hexagon map, the gaps. */
@IntegrationTest
class CoverageBrowserTests {

    private static BrowserSession browser;

    @LocalServerPort
    int port;

    @Autowired
    ServiceCoverage coverage;

    @BeforeAll
    static void startBrowser() {
        browser = new BrowserSession();
    }

    @AfterAll
    static void stopBrowser() {
        browser.close();
    }

    @Test
    void theCitySupervisorSeesCoverageByCountyTheMapAndDrillsDown() {
        CoverageReport report = coverage.report(DataScope.region("4109"), null, "COMMUNITY_STATION", true);
        Page page = browser.loggedIn(port, "city", "zh-CN", 1280, 900);
        page.navigate("http://localhost:" + port + "/coverage?type=COMMUNITY_STATION&weighted=true");
        assertThat(page.locator("h1")).containsText("养老服务圈覆盖");
        assertThat(page.locator("#coverage-table tbody tr")).hasCount(report.children().size());
        String share = String.format("%.1f%%", report.total().share() * 100);
        assertThat(page.locator("#coverage-share")).hasText(share);
        assertThat(page.locator("#coverage-weighted-share")).isVisible();
        assertThat(page.locator("#coverage-map path.hex").first()).isVisible();
        assertThat(page.locator("#coverage-map path.hex.uncovered").first()).isVisible();
        assertThat(page.locator("#coverage-map .leaflet-tile")).hasCount(0);
        assertThat(page.locator("#coverage-legend .key")).hasCount(4);
        assertThat(page.locator("#uncovered-table tbody tr").first()).isVisible();
        assertThat(page.locator("#uncovered-table")).containsText("*".repeat(0));
        BrowserSession.screenshot(page, "coverage-city-zh");

        page.locator("#coverage-table tbody tr a").first().click();
        assertThat(page.locator("nav.crumbs")).containsText("濮阳市");
        assertThat(page.locator("#coverage-table tbody tr").first()).isVisible();
        page.locator("#coverage-map path.hex.uncovered").first().click(new com.microsoft.playwright.Locator.ClickOptions().setForce(true));
        assertThat(page.locator(".leaflet-popup-content")).containsText("未覆盖");
        BrowserSession.screenshot(page, "coverage-county-zh-popup");
    }

    @Test
    void inEnglishOnAPhoneThePageFitsTheScreen() {
        Page page = browser.loggedIn(port, "county", "en-US", 390, 844);
        page.navigate("http://localhost:" + port + "/coverage?type=DAY_CARE");
        assertThat(page.locator("h1")).containsText("Service circle coverage");
        assertThat(page.locator("#coverage-map path.hex").first()).isVisible();
        assertThat(page.locator("#gaps")).containsText("Facilities below the standard");
        Object overflow = page.evaluate("document.documentElement.scrollWidth > window.innerWidth + 1");
        assertThat(overflow).isEqualTo(false);
        BrowserSession.screenshot(page, "coverage-county-en-phone");
    }
}
