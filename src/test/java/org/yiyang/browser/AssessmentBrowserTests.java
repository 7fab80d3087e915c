package org.yiyang.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
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
import org.yiyang.assessment.AssessmentForm;
import org.yiyang.region.Region;
import org.yiyang.region.RegionDirectory;
import org.yiyang.shared.IdCardNumber;
import org.yiyang.shared.RegionLevel;

/**
 * An assessor at the elder's home on a tablet: finds the elder, fills in the whole GB/T 42195 form
 * and watches the score and level change, the second assessor signs on the same tablet, the
 * assessment is submitted and its final level appears in the elder's history.
 */
@IntegrationTest
class AssessmentBrowserTests {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    /** Worked example B of DOMAIN.md §1.7: 26 + 12 + 26 + 10 = 74, preliminary 1; two falls → final 2. */
    static final int[] EXAMPLE_B = {4, 4, 2, 3, 3, 3, 4, 3, 4, 3, 3, 2, 4, 3, 4, 3, 4, 4, 1, 1, 2, 1, 1, 3, 2, 3};

    private static BrowserSession browser;

    @LocalServerPort int port;
    @Autowired MockMvc mvc;
    @Autowired RegionDirectory regions;
    @Autowired JdbcClient jdbc;

    @BeforeAll
    static void startBrowser() {
        browser = new BrowserSession();
    }

    @AfterAll
    static void stopBrowser() {
        browser.close();
    }

    /** What the tablet shows at this moment (the form is too long for a whole-page picture). */
    private static void viewport(Page page, String name) {
        try {
            java.nio.file.Path dir = java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "screenshots"));
            page.screenshot(new Page.ScreenshotOptions().setPath(dir.resolve(name + ".png")));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static double height(Locator l) {
        return ((Number) l.evaluate("e => e.getBoundingClientRect().height")).doubleValue();
    }

    private long newElder(String name) throws Exception {
        String prefix = regions.ofLevel(RegionLevel.COUNTY).getFirst().code().prefix();
        Region c = regions.ofLevel(RegionLevel.COMMUNITY).stream().filter(r -> r.code().value().startsWith(prefix)).skip(5)
                .findFirst().orElseThrow();
        String body = "310102" + LocalDate.of(1941, 5, 17).format(DateTimeFormatter.BASIC_ISO_DATE) + "456";
        String id = body + IdCardNumber.checkCharacter(body);
        String json = """
                {"name": "%s", "idNumber": "%s", "phones": ["13800138000"], "livingSituation": "WITH_SPOUSE", "categories": ["DISABLED"],
                 "addresses": [{"communityCode": "%s", "address": "胜利路8号2单元301", "primary": true}]}"""
                .formatted(name, id, c.code().value());
        String location = mvc.perform(post("/api/v1/elders").with(httpBasic("city", "demo")).contentType(MediaType.APPLICATION_JSON)
                .content(json)).andExpect(status().isCreated()).andReturn().getResponse().getHeader("Location");
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    @Test
    void anAssessorFillsInTheWholeFormSeesTheLevelTheSecondAssessorSignsAndTheHistoryShowsIt() throws Exception {
        long elderId = newElder("欧阳评估");
        // a year ago the elder walked and dressed better
        int[] before = EXAMPLE_B.clone();
        before[3] = 4;
        before[10] = 4;
        before[11] = 3;
        StringBuilder answers = new StringBuilder();
        for (int i = 0; i < before.length; i++) {
            answers.append(i == 0 ? "" : ", ").append('"').append(AssessmentForm.ITEMS.get(i).code()).append("\": ").append(before[i]);
        }
        mvc.perform(post("/api/v1/elders/" + elderId + "/assessments").with(httpBasic("assessor2", "demo"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"reason\": \"FIRST\", \"assessedOn\": \""
                        + LocalDate.now(ZONE).minusMonths(12) + "\", \"answers\": {" + answers + "}, \"complete\": true, "
                        + "\"coSigner\": {\"username\": \"assessor\", \"password\": \"demo\"}}"))
                .andExpect(status().isCreated());

        // the assessor, on a tablet in landscape
        Page page = browser.loggedIn(port, "assessor", "zh-CN", 1180, 820);
        page.navigate("http://localhost:" + port + "/elders?q=" + java.net.URLEncoder.encode("欧阳评估", java.nio.charset.StandardCharsets.UTF_8));
        page.locator("a.elder-link", new Page.LocatorOptions().setHasText("欧阳评估")).click();
        page.waitForURL(url -> url.endsWith("/elders/" + elderId));
        page.locator("#elder-assessments").click();
        page.waitForURL(url -> url.endsWith("/elders/" + elderId + "/assessments"));
        assertThat(page.locator("h1")).containsText("欧阳评估");
        BrowserSession.screenshot(page, "assessment-history-before-zh");
        assertThat(page.locator("#history-table td.final").first()).hasText("1 轻度");
        page.locator("#new-assessment").click();
        page.waitForURL(url -> url.endsWith("/assessments/new"));
        assertThat(page.locator("#score-final-pending")).hasText("全部评完后得出");
        viewport(page, "assessment-form-start-zh");

        // big touch targets: every option is a whole row at least 60 px high
        Locator firstOption = page.locator("#item-B\\.1\\.1 label.choice").first();
        org.assertj.core.api.Assertions.assertThat(height(firstOption)).isGreaterThanOrEqualTo(60);
        org.assertj.core.api.Assertions.assertThat(height(page.locator("#complete"))).isGreaterThanOrEqualTo(60);

        page.locator("input[name=reason][value=ROUTINE]").check();
        for (int i = 0; i < EXAMPLE_B.length; i++) {
            String code = AssessmentForm.ITEMS.get(i).code();
            // tap the option's row (its text), as a finger would
            page.locator("#item-" + code.replace(".", "\\.") + " label.choice").filter(new Locator.FilterOptions()
                    .setHas(page.locator("input[value='" + EXAMPLE_B[i] + "']"))).click();
            if (code.equals("B.1.8")) {
                // the first dimension is complete: its score appears while the rest is still open
                assertThat(page.locator("[data-dimension='B.1'] .value")).hasText("26 / 32");
                assertThat(page.locator("#score-total-pending")).hasText("还差 18 项");
                viewport(page, "assessment-form-selfcare-zh");
            }
        }
        assertThat(page.locator("#score-total")).hasText("74 / 90");
        assertThat(page.locator("#score-preliminary")).hasText("1 · 能力轻度受损（轻度失能）");
        assertThat(page.locator("#score-final")).hasText("1 · 能力轻度受损（轻度失能）");
        assertThat(page.locator("#score-rules-none")).isVisible();

        // two falls in the last 30 days: one level up
        page.locator("#risk-A\\.2\\.14\\.1 label.choice").filter(new Locator.FilterOptions()
                .setHas(page.locator("input[value='2']"))).click();
        assertThat(page.locator("#score-rules li[data-rule=RISK_EVENTS]")).isVisible();
        assertThat(page.locator("#score-final")).hasText("2 · 能力中度受损（中度失能）");
        page.locator("input[name=diagnosis][value=I10]").check();
        viewport(page, "assessment-form-complete-zh");

        // save the draft and come back to it
        page.locator("#save-draft").click();
        page.waitForURL(url -> url.matches(".*/assessments/\\d+/edit$"));
        long assessmentId = Long.parseLong(page.url().replaceAll(".*/assessments/(\\d+)/edit$", "$1"));
        assertThat(page.locator(".alert.ok")).containsText("草稿已保存");
        assertThat(page.locator("#score-final")).hasText("2 · 能力中度受损（中度失能）");

        // signing alone is refused
        page.locator("#complete").click();
        assertThat(page.locator("#co-signer-error")).containsText("需要 2 位不同的评估员签名");
        viewport(page, "assessment-form-one-signature-zh");

        // the second assessor confirms on the same tablet
        page.locator("#coSignerUsername").fill("assessor2");
        page.locator("#coSignerPassword").fill("demo");
        page.locator("#sec-sign").scrollIntoViewIfNeeded();
        viewport(page, "assessment-form-sign-zh");
        page.locator("#complete").click();
        page.waitForURL(url -> url.endsWith("/assessments/" + assessmentId));
        assertThat(page.locator(".alert.ok")).containsText("评估已签名提交");
        assertThat(page.locator("#report-status")).hasText("已完成");
        assertThat(page.locator("#report-total")).hasText("74 / 90");
        assertThat(page.locator("#report-final")).hasText("2 · 能力中度受损（中度失能）");
        assertThat(page.locator("#report-signatures")).containsText("评估员 · 张敏");
        assertThat(page.locator("#report-signatures")).containsText("评估员 · 李娟");
        BrowserSession.screenshot(page, "assessment-report-zh");

        // the history shows the final level
        page.navigate("http://localhost:" + port + "/elders/" + elderId + "/assessments");
        Locator finalLevel = page.locator("#history-table td.final").first();
        assertThat(finalLevel).hasText("2 中度");
        assertThat(finalLevel).hasAttribute("data-level", "2");
        assertThat(page.locator("#history-table tr[data-item='B.2.3'] td.changed")).hasText("3 ↓");
        assertThat(page.locator("#history-table tr[data-changed=true]")).hasCount(3);
        BrowserSession.screenshot(page, "assessment-history-zh");
        org.assertj.core.api.Assertions.assertThat(jdbc.sql("select status from assessment where id = ?").param(assessmentId)
                .query(String.class).single()).isEqualTo("COMPLETED");

        // the supervisor's pages
        Page city = browser.loggedIn(port, "city", "zh-CN", 1280, 900);
        city.navigate("http://localhost:" + port + "/assessments/due");
        assertThat(city.locator("#due-table")).isVisible();
        BrowserSession.screenshot(city, "assessment-due-zh");
        city.navigate("http://localhost:" + port + "/assessments/levels");
        assertThat(city.locator("#levels-table")).isVisible();
        BrowserSession.screenshot(city, "assessment-levels-zh");

        // and the form in English
        Page en = browser.loggedIn(port, "assessor2", "en-US", 1180, 820);
        en.navigate("http://localhost:" + port + "/elders/" + elderId + "/assessments/new");
        assertThat(en.locator("h1")).containsText("Ability assessment");
        for (Map.Entry<String, Integer> e : new LinkedHashMap<>(Map.of("B.1.1", 4, "B.1.2", 3)).entrySet()) {
            en.locator("#item-" + e.getKey().replace(".", "\\.") + " input[value='" + e.getValue() + "']").check();
        }
        assertThat(en.locator("#score-total-pending")).hasText("24 items to go");
        viewport(en, "assessment-form-en");
        List.of(page, city, en).forEach(p -> p.context().close());
    }
}
