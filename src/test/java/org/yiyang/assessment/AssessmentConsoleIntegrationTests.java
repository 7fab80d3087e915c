package org.yiyang.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.yiyang.IntegrationTest;
import org.yiyang.region.RegionDirectory;

/** The assessor's tablet form, the report, the history side by side, and the supervisor's pages. */
@IntegrationTest
class AssessmentConsoleIntegrationTests {

    static final RequestPostProcessor ASSESSOR = httpBasic("assessor", "demo");

    @Autowired MockMvc mvc;
    @Autowired RegionDirectory regions;
    @Autowired JdbcClient jdbc;

    private static MockHttpServletRequestBuilder withAnswers(MockHttpServletRequestBuilder b, Map<String, Integer> answers) {
        answers.forEach((k, v) -> b.param(k, String.valueOf(v)));
        return b;
    }

    private String stateOf(long id) {
        return jdbc.sql("select status from assessment where id = ?").param(id).query(String.class).single();
    }

    @Test
    void theElderPageLinksToTheAssessmentsAndTheFormShowsEveryItemWithTheStandardsOptions() throws Exception {
        long elderId = AssessmentFixtures.newElder(mvc, regions, 0, "表单甲");
        mvc.perform(get("/elders/" + elderId).with(httpBasic("county", "demo")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("/elders/" + elderId + "/assessments")))
                .andExpect(content().string(containsString("能力评估")));
        String html = mvc.perform(get("/elders/" + elderId + "/assessments/new").with(ASSESSOR))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        for (FormItem item : AssessmentForm.ITEMS) {
            assertThat(html).contains("id=\"item-" + item.code() + "\"");
            for (int s : item.scores()) {
                assertThat(html).contains("name=\"" + item.code() + "\" value=\"" + s + "\"");
            }
        }
        assertThat(html).contains("独立使用器具将食物送进口中并咽下，没有呛咳")
                .contains("在计划、安排和完成日常事务时需要他人监护或指导")
                .contains("只能在他人协助下搭乘出租车或私家车外出；完全不能出门，或者外出完全需要协助")
                .contains("hx-post=\"/assessments/score\"")
                .contains("全部评完后得出");
        // supervisors read, assessors write
        mvc.perform(get("/elders/" + elderId + "/assessments/new").with(httpBasic("county", "demo"))).andExpect(status().isForbidden());
        mvc.perform(get("/elders/" + elderId + "/assessments/new").with(ASSESSOR).header("Accept-Language", "en"))
                .andExpect(content().string(containsString("Uses utensils to bring food to the mouth")))
                .andExpect(content().string(containsString("Sign and submit")));
    }

    @Test
    void theLiveScorePanelShowsDimensionsTotalRulesAndFinalLevel() throws Exception {
        MockHttpServletRequestBuilder req = withAnswers(post("/assessments/score").with(ASSESSOR).with(csrf()), AssessmentFixtures.exampleB())
                .param("A.2.14.1", "2").param("coma", "false");
        mvc.perform(req)
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"score-panel\"")))
                .andExpect(content().string(containsString("26 / 32")))
                .andExpect(content().string(containsString("74 / 90")))
                .andExpect(content().string(containsString("1 · 能力轻度受损（轻度失能）")))
                .andExpect(content().string(containsString("data-rule=\"RISK_EVENTS\"")))
                .andExpect(content().string(containsString("2 · 能力中度受损（中度失能）")));
        mvc.perform(post("/assessments/score").with(ASSESSOR).with(csrf()).param("B.1.1", "4").param("B.1.2", "3"))
                .andExpect(content().string(containsString("已评 2 / 8 项")))
                .andExpect(content().string(containsString("还差 24 项")))
                .andExpect(content().string(not(containsString("id=\"score-final\""))));
        mvc.perform(post("/assessments/score").with(ASSESSOR).with(csrf()).param("B.1.1", "7"))
                .andExpect(content().string(containsString("得分 7 不在该指标的选项内")));
    }

    @Test
    void aDraftIsSavedResumedAndSignedWithTheSecondAssessorsPassword() throws Exception {
        long elderId = AssessmentFixtures.newElder(mvc, regions, 0, "表单乙");
        String location = mvc.perform(post("/elders/" + elderId + "/assessments").with(ASSESSOR).with(csrf())
                        .param("action", "save").param("reason", "FIRST").param("assessedOn", AssessmentFixtures.today().toString())
                        .param("B.1.1", "3").param("diagnosis", "F03").param("otherDiagnoses", "g30.1, M17"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrlPattern("/assessments/*/edit"))
                .andReturn().getResponse().getRedirectedUrl();
        long id = Long.parseLong(location.replaceAll("\\D", ""));
        mvc.perform(get(location).with(ASSESSOR))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("name=\"B.1.1\" value=\"3\" checked")))
                .andExpect(content().string(containsString("value=\"G30.1, M17\"")))
                .andExpect(content().string(containsString("name=\"diagnosis\" value=\"F03\" checked")));
        // "new" resumes the open draft
        mvc.perform(get("/elders/" + elderId + "/assessments/new").with(ASSESSOR))
                .andExpect(redirectedUrl("/assessments/" + id + "/edit"));

        // signing an incomplete form with one assessor: every problem is shown, nothing is submitted
        mvc.perform(post("/assessments/" + id).with(ASSESSOR).with(csrf()).param("action", "complete")
                        .param("reason", "FIRST").param("assessedOn", AssessmentFixtures.today().toString()).param("B.1.1", "3"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("has-error")))
                .andExpect(content().string(containsString("B.4.5 尚未评估")))
                .andExpect(content().string(containsString("需要 2 位不同的评估员签名")));
        assertThat(stateOf(id)).isEqualTo("DRAFT");

        MockHttpServletRequestBuilder complete = withAnswers(post("/assessments/" + id).with(ASSESSOR).with(csrf()), AssessmentFixtures.exampleB())
                .param("action", "complete").param("reason", "FIRST").param("assessedOn", AssessmentFixtures.today().toString())
                .param("diagnosis", "F03").param("coma", "false")
                .param("coSignerUsername", "assessor2").param("coSignerPassword", "wrong");
        mvc.perform(complete).andExpect(status().isOk()).andExpect(content().string(containsString("第二评估员的用户名或密码不正确")))
                .andExpect(content().string(not(containsString("value=\"wrong\""))));
        assertThat(stateOf(id)).isEqualTo("DRAFT");
        MockHttpServletRequestBuilder ok = withAnswers(post("/assessments/" + id).with(ASSESSOR).with(csrf()), AssessmentFixtures.exampleB())
                .param("action", "complete").param("reason", "FIRST").param("assessedOn", AssessmentFixtures.today().toString())
                .param("diagnosis", "F03").param("coma", "false")
                .param("coSignerUsername", "assessor2").param("coSignerPassword", "demo");
        mvc.perform(ok).andExpect(redirectedUrl("/assessments/" + id));
        assertThat(stateOf(id)).isEqualTo("COMPLETED");
        mvc.perform(get("/assessments/" + id).with(httpBasic("county", "demo")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("74 / 90")))
                .andExpect(content().string(containsString("2 · 能力中度受损（中度失能）")))
                .andExpect(content().string(containsString("评估员 · 李娟")));
    }

    @Test
    void aFutureDateIsAFieldErrorAndNothingIsSaved() throws Exception {
        long elderId = AssessmentFixtures.newElder(mvc, regions, 0, "表单丙");
        long before = jdbc.sql("select count(*) from assessment where elder_id = ?").param(elderId).query(Long.class).single();
        mvc.perform(post("/elders/" + elderId + "/assessments").with(ASSESSOR).with(csrf())
                        .param("action", "save").param("assessedOn", AssessmentFixtures.today().plusDays(2).toString()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("在今天之后")));
        assertThat(jdbc.sql("select count(*) from assessment where elder_id = ?").param(elderId).query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void theHistoryShowsAssessmentsSideBySideWithTheChangedItemsMarked() throws Exception {
        long elderId = AssessmentFixtures.newElder(mvc, regions, 0, "表单丁");
        String coSign = "\"complete\": true, \"coSigner\": {\"username\": \"assessor2\", \"password\": \"demo\"}";
        Map<String, Integer> before = AssessmentFixtures.exampleB();
        Map<String, Integer> after = new java.util.LinkedHashMap<>(before);
        after.put("B.2.3", 1);
        after.put("B.1.1", 4);
        after.put("B.3.4", 1);
        for (var a : java.util.List.of(Map.entry(AssessmentFixtures.today().minusMonths(12), before), Map.entry(AssessmentFixtures.today(), after))) {
            mvc.perform(post("/api/v1/elders/" + elderId + "/assessments").with(ASSESSOR).contentType(MediaType.APPLICATION_JSON)
                            .content("{\"reason\": \"ROUTINE\", \"assessedOn\": \"" + a.getKey() + "\", \"answers\": "
                                    + AssessmentFixtures.json(a.getValue()) + ", " + coSign + "}"))
                    .andExpect(status().isCreated());
        }
        String html = mvc.perform(get("/elders/" + elderId + "/assessments").with(httpBasic("county", "demo")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("与前一次相比有变化的指标：2 项")
                .contains("data-item=\"B.2.3\" data-changed=\"true\"")
                .contains("data-item=\"B.3.4\" data-changed=\"true\"")
                .contains("data-item=\"B.1.1\" data-changed=\"false\"")
                .contains("1 ↓")
                .contains("报告状况变化");
        String changedOnly = mvc.perform(get("/elders/" + elderId + "/assessments").param("changed", "1").with(httpBasic("county", "demo")))
                .andReturn().getResponse().getContentAsString();
        assertThat(changedOnly).contains("data-item=\"B.2.3\"").doesNotContain("data-item=\"B.1.1\"");

        // a reported change lists the elder at once
        mvc.perform(post("/elders/" + elderId + "/assessments/change-report").with(httpBasic("county", "demo")).with(csrf())
                        .param("note", "出院后卧床"))
                .andExpect(redirectedUrl("/elders/" + elderId + "/assessments"));
        String community = AssessmentFixtures.community(regions, 0).code().value();
        mvc.perform(get("/assessments/due").param("region", community).param("within", "0").with(httpBasic("county", "demo")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-elder=\"" + elderId + "\"")))
                .andExpect(content().string(containsString("出院后卧床")))
                .andExpect(content().string(containsString("状况变化，立即评估")));
    }

    @Test
    void theSupervisorSeesCountsByLevelPerRegionAndTheIntervals() throws Exception {
        mvc.perform(get("/assessments/levels").with(httpBasic("city", "demo")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"levels-table\"")))
                .andExpect(content().string(containsString(regions.ofLevel(org.yiyang.shared.RegionLevel.COUNTY).getFirst().name())));
        mvc.perform(get("/assessments/due").with(httpBasic("city", "demo")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("默认（各地）")))
                .andExpect(content().string(containsString("id=\"interval-months\"")));
        mvc.perform(get("/assessments/due").with(ASSESSOR))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("id=\"interval-months\""))));
        mvc.perform(get("/assessments/levels").header("Accept-Language", "en").with(httpBasic("county", "demo")))
                .andExpect(content().string(containsString("Elders by ability level")));
    }
}
