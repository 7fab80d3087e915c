package org.yiyang.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.yiyang.IntegrationTest;
import org.yiyang.coverage.ServiceCoverage;
import org.yiyang.coverage.UncoveredElder;
import org.yiyang.elder.ElderRecord;
import org.yiyang.elder.ElderRegistry;
import org.yiyang.shared.DataScope;
import org.yiyang.shared.PageQuery;
import tools.jackson.databind.json.JsonMapper;

/**
 * A county supervisor plans where to build: from the coverage page to a plan (numbered sites on the
 * map, marginal gains in the table), a download, a second plan and the comparison; the candidate
 * sites with a CSV import that is refused line by line; the plan page on a phone in English.
 */
@IntegrationTest
class SitePlanningBrowserTests {

    private static BrowserSession browser;

    @LocalServerPort
    int port;
    @Autowired
    MockMvc mvc;
    @Autowired
    JsonMapper json;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ServiceCoverage coverage;
    @Autowired
    ElderRegistry registry;

    @BeforeAll
    static void startBrowser() {
        browser = new BrowserSession();
    }

    @AfterAll
    static void stopBrowser() {
        browser.close();
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    String countyPrefix() {
        return jdbc.sql("select scope_region from app_user where username = 'county'").query(String.class).single().trim();
    }

    /** A candidate site at the home of an uncovered elder, named with markup that must stay text; answers its town. */
    String siteWithMarkupAtAnUncoveredHome() throws Exception {
        DataScope scope = DataScope.region(countyPrefix());
        UncoveredElder e = coverage.uncovered(scope, null, "DAY_CARE", PageQuery.of(0, 1)).items().getFirst();
        ElderRecord elder = registry.find(scope, e.elderId());
        var home = elder.primaryAddress();
        String body = json.writeValueAsString(Map.of("name", "老粮站<img src=x onerror=window.__xss=1>", "address", "粮站路1号",
                "location", Map.of("lat", home.location().lat(), "lng", home.location().lng()), "regionCode", home.communityCode()));
        int status = mvc.perform(post("/api/v1/coverage/candidate-sites").with(httpBasic("county", "demo"))
                .contentType(MediaType.APPLICATION_JSON).content(body)).andReturn().getResponse().getStatus();
        assertThat(status).isEqualTo(201);
        return home.communityCode().substring(0, 9) + "000";
    }

    @Test
    void aCountySupervisorMakesTwoPlansDownloadsOneAndComparesThem() throws Exception {
        String town = siteWithMarkupAtAnUncoveredHome();
        Page page = browser.loggedIn(port, "county", "zh-CN", 1280, 900);
        page.navigate(url("/coverage?type=DAY_CARE"));
        page.locator("#plan-here").click();
        assertThat(page.locator("h1")).hasText("新建规划方案");
        page.locator("#region").selectOption(town);
        page.locator("#type").selectOption("DAY_CARE");
        page.locator("#k").fill("6");
        page.locator("#source-LISTED").check();
        page.locator("#title").fill("日间照料中心选址（登记地点）");
        BrowserSession.screenshot(page, "site-plan-form-zh");
        page.locator("#make-plan").click();
        page.waitForURL(u -> u.matches(".*/coverage/plans/\\d+$"));
        assertThat(page.locator("#plan-title")).hasText("日间照料中心选址（登记地点）");
        int rows = page.locator("#plan-sites tbody tr").count();
        assertThat(rows).isBetween(1, 6);
        assertThat(page.locator("#plan-map .rank-badge")).hasCount(rows);
        assertThat(page.locator("#plan-map .rank-badge").first()).hasText("1");
        assertThat(page.locator("#share-change")).containsText("→");
        // the site named with markup is shown as text, on the map and in the table
        assertThat(page.locator("#plan-sites")).containsText("老粮站<img src=x onerror=window.__xss=1>");
        List<String> names = page.locator("#plan-sites tbody tr td:nth-child(2)").allTextContents();
        int evil = names.indexOf("老粮站<img src=x onerror=window.__xss=1>");
        assertThat(evil).isGreaterThanOrEqualTo(0);
        page.locator("#plan-map .rank-badge").nth(evil).hover();
        assertThat(page.locator(".leaflet-tooltip")).containsText("<img src=x");
        assertThat(page.locator(".leaflet-tooltip img")).hasCount(0);
        assertThat(page.evaluate("window.__xss === undefined")).isEqualTo(true);
        BrowserSession.screenshot(page, "site-plan-zh");
        String first = page.url().replaceAll(".*/", "");

        Download download = page.waitForDownload(() -> page.locator("#export-csv").click());
        assertThat(download.suggestedFilename()).isEqualTo("日间照料中心选址（登记地点）.csv");
        byte[] csv = Files.readAllBytes(download.path());
        assertThat(csv[0] & 0xff).isEqualTo(0xEF);
        assertThat(new String(csv, 3, csv.length - 3, java.nio.charset.StandardCharsets.UTF_8).split("\r\n")).hasSize(rows + 1);
        Download xlsx = page.waitForDownload(() -> page.locator("#export-xlsx").click());
        assertThat(xlsx.suggestedFilename()).endsWith(".xlsx");

        // a second plan over a grid, then both side by side
        page.navigate(url("/coverage/plans/new?region=" + town + "&type=DAY_CARE"));
        page.locator("#k").fill("3");
        page.locator("#source-GRID").check();
        page.locator("#make-plan").click();
        page.waitForURL(u -> u.matches(".*/coverage/plans/\\d+$") && !u.endsWith("/" + first));
        String second = page.url().replaceAll(".*/", "");
        int gridRows = page.locator("#plan-sites tbody tr").count();
        assertThat(page.locator("#plan-sites tbody tr").first()).containsText("网格点");

        page.navigate(url("/coverage/plans"));
        page.locator("#pick-" + first).check();
        page.locator("#compare-button").click();
        assertThat(page.locator("#compare-error")).containsText("2 至 4");
        page.locator("#pick-" + first).check();
        page.locator("#pick-" + second).check();
        BrowserSession.screenshot(page, "site-plans-list-zh");
        page.locator("#compare-button").click();
        assertThat(page.locator("h1")).hasText("方案对比");
        assertThat(page.locator("#compare-table thead th")).hasCount(3);
        // listed buildings and grid cells are never the same place
        assertThat(page.locator("#compare-sites tbody tr")).hasCount(rows + gridRows);
        assertThat(page.locator("#compare-sites tbody tr.shared")).hasCount(0);
        BrowserSession.screenshot(page, "site-plans-compare-zh");
    }

    @Test
    void candidateSitesAreListedAndABadImportStoresNothing() throws Exception {
        Page page = browser.loggedIn(port, "county", "zh-CN", 1280, 900);
        page.navigate(url("/coverage/sites"));
        assertThat(page.locator("h1")).hasText("候选选址");
        assertThat(page.locator("#sites-table tbody tr").first()).isVisible();
        assertThat(page.locator("#sites-map .candidate").first()).isVisible();
        BrowserSession.screenshot(page, "candidate-sites-zh");

        page.locator("#new-site").click();
        page.locator("#name").fill("原东关小学");
        page.locator("#lat").fill("北纬35度");
        page.locator("button[type=submit].primary").click();
        assertThat(page.locator(".field-error").first()).isVisible();
        assertThat(page.locator(".has-error #address")).hasCount(1);
        assertThat(page.locator(".has-error #lat")).hasCount(1);
        BrowserSession.screenshot(page, "candidate-site-form-errors-zh");

        long before = jdbc.sql("select count(*) from coverage_candidate_site").query(Long.class).single();
        page.navigate(url("/coverage/sites/import"));
        java.nio.file.Path file = Files.createTempFile("sites", ".csv");
        Files.writeString(file, "name,address,lat,lng,region\n甲地,甲路1号,35.7,115.0,12345\n乙地,乙路2号,abc,115.0," + countyPrefix()
                + "001001\n");
        page.locator("#file").setInputFiles(file);
        page.locator("button[type=submit].primary").click();
        assertThat(page.locator("#import-rejected")).isVisible();
        assertThat(page.locator("#import-problems tbody tr")).hasCount(2);
        assertThat(page.locator("#import-problems tbody tr").first()).containsText("区划代码");
        BrowserSession.screenshot(page, "candidate-sites-import-rejected-zh");
        assertThat(jdbc.sql("select count(*) from coverage_candidate_site").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void inEnglishOnAPhoneThePlanFitsTheScreen() throws Exception {
        String town = siteWithMarkupAtAnUncoveredHome();
        String body = json.writeValueAsString(Map.of("region", town, "type", "DAY_CARE", "k", 3, "source", "LISTED"));
        String created = mvc.perform(post("/api/v1/coverage/plans").with(httpBasic("county", "demo")).header("Accept-Language", "en")
                .contentType(MediaType.APPLICATION_JSON).content(body)).andReturn().getResponse().getContentAsString();
        long id = json.readTree(created).get("id").asLong();
        Page page = browser.loggedIn(port, "county", "en-US", 390, 844);
        page.navigate(url("/coverage/plans/" + id));
        assertThat(page.locator("#plan-totals")).containsText("Coverage (before → after)");
        assertThat(page.locator("#plan-map .rank-badge").first()).isVisible();
        assertThat(page.locator("#exports")).containsText("Download the plan");
        Object overflow = page.evaluate("document.documentElement.scrollWidth > window.innerWidth + 1");
        assertThat(overflow).isEqualTo(false);
        BrowserSession.screenshot(page, "site-plan-en-phone");
    }
}
