package org.yiyang.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.yiyang.IntegrationTest;

/**
 * The needs survey in a real browser: a hotline operator finds an elder and fills in the demo
 * questionnaire for them (a missing answer is named first); the family answers a questionnaire on
 * the large-font page on a phone (22 px text, 72 px choices and buttons); a supervisor reads the
 * results by category and the elder's eligibility. Screenshots in target/screenshots.
 */
@IntegrationTest
class SurveyBrowserTests {

    private static BrowserSession browser;

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired MockMvc mvc;

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

    long demoSurvey() {
        return jdbc.sql("select id from survey where title = '居家养老服务需求调查'").query(Long.class).single();
    }

    @Test
    void anOperatorFindsAnElderAndFillsInTheQuestionnaire() {
        long surveyId = demoSurvey();
        record Elder(long id, String name) {
        }
        Elder elder = jdbc.sql("""
                        select e.id, e.name from elder e
                         where e.region_code like '410902%' and e.status = 'ACTIVE' and e.categories @> '{LIVING_ALONE}'
                           and not exists (select 1 from survey_response r where r.elder_id = e.id and r.survey_id = ?)
                         order by e.id limit 1""")
                .param(surveyId).query((rs, i) -> new Elder(rs.getLong(1), rs.getString(2))).single();

        Page page = browser.loggedIn(port, "operator", "zh-CN", 1280, 900);
        page.navigate("http://localhost:" + port + "/surveys");
        BrowserSession.screenshot(page, "survey-list-zh");
        page.locator("a[href$='/surveys/" + surveyId + "/respond']").first().click();
        page.locator("#q").fill(elder.name());
        page.locator("#find").click();
        page.locator("a[href$='/respond/" + elder.id() + "']").click();
        assertThat(page.locator("h1")).containsText(elder.name());

        // the first question is left out: it is named, nothing is stored
        Locator q2 = page.locator("fieldset.question").nth(1);
        q2.locator("label").first().click();
        page.locator("#submit-answers").click();
        assertThat(page.locator(".alert.error")).containsText("有 3 处需要修改");
        assertThat(page.locator("fieldset.question").first().locator(".field-error")).hasText("这道题必须回答");
        BrowserSession.screenshot(page, "survey-operator-errors-zh");

        page.locator("fieldset.question").nth(0).locator("label", new Locator.LocatorOptions().setHasText("助急（紧急呼叫）")).click();
        page.locator("fieldset.question").nth(0).locator("label", new Locator.LocatorOptions().setHasText("精神慰藉（探访聊天）")).click();
        page.locator("fieldset.question").nth(2).locator("label", new Locator.LocatorOptions().setHasText("100 元以下")).click();
        page.locator("fieldset.question").nth(3).locator("label").nth(3).click();
        page.locator("fieldset.question").nth(4).locator("textarea").fill("希望晚上也能有人接电话");
        BrowserSession.screenshot(page, "survey-operator-form-zh");
        page.locator("#submit-answers").click();
        assertThat(page.locator(".alert.ok")).hasText("已保存 " + elder.name() + " 的答卷。");
        BrowserSession.screenshot(page, "survey-operator-saved-zh");

        org.assertj.core.api.Assertions.assertThat(jdbc.sql("""
                        select count(*) from survey_answer a join survey_response r on r.id = a.response_id
                         where r.survey_id = ? and r.elder_id = ? and r.current and r.channel = 'OPERATOR'""")
                .params(surveyId, elder.id()).query(Long.class).single()).isEqualTo(6);

        // the supervisor reads what 独居 elders of the first county want most
        Page supervisor = browser.loggedIn(port, "county", "zh-CN", 1280, 900);
        supervisor.navigate("http://localhost:" + port + "/surveys/" + surveyId + "/results?category=LIVING_ALONE&by=REGION");
        assertThat(supervisor.locator("#respondents")).containsText("份答卷");
        assertThat(supervisor.locator("#breakdown table")).containsText("助急（紧急呼叫）");
        BrowserSession.screenshot(supervisor, "survey-results-living-alone-zh");
        supervisor.navigate("http://localhost:" + port + "/surveys/" + surveyId + "/results?by=CATEGORY");
        BrowserSession.screenshot(supervisor, "survey-results-by-category-zh");
        supervisor.navigate("http://localhost:" + port + "/elders/" + elder.id());
        supervisor.locator("#elder-eligibility").click();
        assertThat(supervisor.locator("#eligibility")).containsText("高龄津贴");
        BrowserSession.screenshot(supervisor, "eligibility-elder-zh");
        supervisor.navigate("http://localhost:" + port + "/eligibility");
        BrowserSession.screenshot(supervisor, "eligibility-counts-zh");
        supervisor.navigate("http://localhost:" + port + "/eligibility/rules");
        BrowserSession.screenshot(supervisor, "eligibility-rules-zh");
        supervisor.navigate("http://localhost:" + port + "/eligibility/rules/edit?region=410902000000&benefit=CARE_SUBSIDY");
        BrowserSession.screenshot(supervisor, "eligibility-rule-form-zh");
        Page english = browser.loggedIn(port, "county", "en", 1280, 900);
        english.navigate("http://localhost:" + port + "/elders/" + elder.id() + "/eligibility?lang=en");
        BrowserSession.screenshot(english, "eligibility-elder-en");
    }

    @Test
    void theFamilyAnswersOnTheLargeFontPage() throws Exception {
        String body = mvc.perform(post("/api/v1/surveys").with(httpBasic("city", "demo")).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"title": "社区助餐服务调查", "questions": [
                                  {"kind": "SINGLE", "text": "您一周想在助餐点吃几顿饭？", "required": true, "options": ["不需要", "1–3 顿", "4–7 顿", "每天两顿以上"]},
                                  {"kind": "MULTIPLE", "text": "您希望怎样用餐？", "required": true, "options": ["到助餐点吃", "送餐上门", "家人代取"]},
                                  {"kind": "SCALE", "text": "您对现在的饭菜满意吗？", "required": true},
                                  {"kind": "TEXT", "text": "您有什么忌口或建议？", "required": false}]}
                                """))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long surveyId = ((Number) JsonPath.read(body, "$.id")).longValue();
        mvc.perform(post("/api/v1/surveys/" + surveyId + "/publish").with(httpBasic("city", "demo"))).andExpect(status().isOk());

        Page family = browser.loggedIn(port, "family", "zh-CN", 390, 844);
        family.waitForURL(url -> url.matches(".*/f/(\\?.*)?$"));
        org.assertj.core.api.Assertions.assertThat(height(family.locator("#f-survey"))).isGreaterThanOrEqualTo(72);
        family.locator("#f-survey").click();
        BrowserSession.screenshot(family, "survey-family-list-zh");
        family.locator("a[href$='/f/surveys/" + surveyId + "']").click();
        assertThat(family.locator("h1")).hasText("社区助餐服务调查");
        double bodyFont = ((Number) family.evaluate("() => parseFloat(getComputedStyle(document.body).fontSize)")).doubleValue();
        org.assertj.core.api.Assertions.assertThat(bodyFont).isGreaterThanOrEqualTo(22);
        for (Locator choice : family.locator("label.choice").all()) {
            org.assertj.core.api.Assertions.assertThat(height(choice)).isGreaterThanOrEqualTo(72);
        }
        for (Locator value : family.locator(".scale span").all()) {
            org.assertj.core.api.Assertions.assertThat(height(value)).isGreaterThanOrEqualTo(72);
        }
        org.assertj.core.api.Assertions.assertThat(height(family.locator("#f-submit"))).isGreaterThanOrEqualTo(72);
        BrowserSession.screenshot(family, "survey-family-form-zh");

        // only the first question answered: the others are named in words
        family.locator("label.choice", new Page.LocatorOptions().setHasText("4–7 顿")).click();
        family.locator("#f-submit").click();
        assertThat(family.locator("#f-errors")).containsText("还有 2 处需要补上或改正");
        assertThat(family.locator("fieldset.question.has-error")).hasCount(2);
        assertThat(family.locator("fieldset.question").nth(1).locator(".error-text")).hasText("这道题必须回答");
        BrowserSession.screenshot(family, "survey-family-errors-zh");

        family.locator("label.choice", new Page.LocatorOptions().setHasText("送餐上门")).click();
        family.locator("label.choice", new Page.LocatorOptions().setHasText("家人代取")).click();
        family.locator(".scale label").nth(4).click();
        family.locator("textarea").fill("少放盐");
        family.locator("#f-submit").click();
        family.waitForURL(url -> url.endsWith("/f/surveys"));
        assertThat(family.locator(".alert.ok")).hasText("谢谢！答案已经提交。");
        BrowserSession.screenshot(family, "survey-family-thanks-zh");

        long elderId = jdbc.sql("select scope_elder_id from app_user where username = 'family'").query(Long.class).single();
        org.assertj.core.api.Assertions.assertThat(jdbc.sql("""
                        select count(*) from survey_answer a join survey_response r on r.id = a.response_id
                         where r.survey_id = ? and r.elder_id = ? and r.current and r.channel = 'FAMILY'""")
                .params(surveyId, elderId).query(Long.class).single()).isEqualTo(5);
    }
}
