package org.yiyang.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.yiyang.IntegrationTest;
import org.yiyang.region.RegionDirectory;
import org.yiyang.shared.RegionLevel;

@IntegrationTest
@RecordApplicationEvents
class AssessmentApiIntegrationTests {

    static final RequestPostProcessor ASSESSOR = httpBasic("assessor", "demo");
    static final RequestPostProcessor ASSESSOR2 = httpBasic("assessor2", "demo");
    static final String CO_SIGN = "{\"coSigner\": {\"username\": \"assessor2\", \"password\": \"demo\"}}";

    @Autowired MockMvc mvc;
    @Autowired RegionDirectory regions;
    @Autowired JdbcClient jdbc;
    @Autowired ApplicationEvents events;
    @Autowired Assessments assessments;
    @Autowired tools.jackson.databind.ObjectMapper mapper;

    private long assessmentCount() {
        return jdbc.sql("select count(*) from assessment").query(Long.class).single();
    }

    private static String body(String reason, String day, Map<String, Integer> answers, String extra) {
        return "{\"reason\": \"" + reason + "\", \"assessedOn\": \"" + day + "\", \"answers\": " + AssessmentFixtures.json(answers)
                + (extra == null ? "" : ", " + extra) + "}";
    }

    private ResultActions create(RequestPostProcessor who, long elderId, String json) throws Exception {
        return mvc.perform(post("/api/v1/elders/" + elderId + "/assessments").with(who)
                .contentType(MediaType.APPLICATION_JSON).content(json));
    }

    private long created(ResultActions r) throws Exception {
        String location = r.andExpect(status().isCreated()).andReturn().getResponse().getHeader("Location");
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    // ---- score ---------------------------------------------------------------------------------

    @Test
    void theScoreEndpointScoresExampleBWithLevelNamesAndSavesNothing() throws Exception {
        long before = assessmentCount();
        String json = "{\"answers\": " + AssessmentFixtures.json(AssessmentFixtures.exampleB())
                + ", \"riskEvents\": {\"A.2.14.1\": 2}, \"diagnoses\": [\"I10\"], \"coma\": false}";
        mvc.perform(post("/api/v1/assessments/score").with(httpBasic("operator", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content(json))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("COMPLETE"))
                .andExpect(jsonPath("$.selfCare").value(26))
                .andExpect(jsonPath("$.mobility").value(12))
                .andExpect(jsonPath("$.mental").value(26))
                .andExpect(jsonPath("$.perceptionSocial").value(10))
                .andExpect(jsonPath("$.dimensions[0].name").value("自理能力"))
                .andExpect(jsonPath("$.total").value(74))
                .andExpect(jsonPath("$.preliminaryLevel").value(1))
                .andExpect(jsonPath("$.preliminaryLevelName").value("能力轻度受损（轻度失能）"))
                .andExpect(jsonPath("$.changeRules[*].code", contains("RISK_EVENTS")))
                .andExpect(jsonPath("$.levelsRaised").value(1))
                .andExpect(jsonPath("$.finalLevel").value(2))
                .andExpect(jsonPath("$.finalLevelName").value("能力中度受损（中度失能）"))
                .andExpect(jsonPath("$.rules.upgradeStacking").value("SINGLE"))
                .andExpect(jsonPath("$.rules.eventCounting").value("TOTAL"));
        mvc.perform(post("/api/v1/assessments/score").with(httpBasic("operator", "demo")).header("Accept-Language", "en")
                        .contentType(MediaType.APPLICATION_JSON).content(json))
                .andExpect(jsonPath("$.finalLevelName").value("Moderately impaired (moderate disability)"))
                .andExpect(jsonPath("$.dimensions[3].name").value("Perception and social participation"));
        assertThat(assessmentCount()).isEqualTo(before);
    }

    @Test
    void anIncompleteAnswerSetIsIncompleteWithTheMissingItemsAndNoLevel() throws Exception {
        Map<String, Integer> answers = new LinkedHashMap<>(AssessmentFixtures.exampleB());
        answers.remove("B.2.4");
        answers.remove("B.4.1");
        mvc.perform(post("/api/v1/assessments/score").with(ASSESSOR).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"answers\": " + AssessmentFixtures.json(answers) + "}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("INCOMPLETE"))
                .andExpect(jsonPath("$.missingItems", contains("B.2.4", "B.4.1")))
                .andExpect(jsonPath("$.selfCare").value(26))
                .andExpect(jsonPath("$.mobility").doesNotExist())
                .andExpect(jsonPath("$.total").doesNotExist())
                .andExpect(jsonPath("$.finalLevel").doesNotExist());
    }

    @Test
    void badAnswersAreProblemJsonWithAFieldErrorEachAndNothingIsSaved() throws Exception {
        long elderId = AssessmentFixtures.newElder(mvc, regions, 0, "评估甲");
        long before = assessmentCount();
        Map<String, Integer> answers = new LinkedHashMap<>(AssessmentFixtures.exampleB());
        answers.put("B.2.4", 4);
        answers.put("B.7.1", 2);
        create(ASSESSOR, elderId, body("FIRST", AssessmentFixtures.today().toString(), answers,
                "\"diagnoses\": [\"F03\", \"ABC\"], \"riskEvents\": {\"A.2.14.1\": 5}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("validation.failed"))
                .andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("answers.B.2.4", "answers.B.7.1", "diagnoses[1]",
                        "riskEvents.A.2.14.1")))
                .andExpect(jsonPath("$.errors[?(@.field == 'answers.B.2.4')].message", contains("得分 4 不在该指标的选项内（0～3 分）")))
                .andExpect(jsonPath("$.errors[?(@.field == 'diagnoses[1]')].code", contains("assessment.diagnosis.invalid")));
        mvc.perform(post("/api/v1/assessments/score").with(ASSESSOR).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"answers\": {\"B.1.1\": 9}, \"diagnoses\": [\"X99.9.9\"]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("answers.B.1.1", "diagnoses[0]")));
        assertThat(assessmentCount()).isEqualTo(before);
    }

    @Test
    void anAssessmentDatedInTheFutureIsRefused() throws Exception {
        long elderId = AssessmentFixtures.newElder(mvc, regions, 0, "评估乙");
        long before = assessmentCount();
        create(ASSESSOR, elderId, body("FIRST", AssessmentFixtures.today().plusDays(1).toString(), AssessmentFixtures.exampleB(), null))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("assessedOn"))
                .andExpect(jsonPath("$.errors[0].code").value("assessment.date.future"));
        assertThat(assessmentCount()).isEqualTo(before);
    }

    // ---- drafts, signatures, completion --------------------------------------------------------

    @Test
    void aDraftIsSavedResumedAndCompletedOnlyWithTwoDistinctAssessors() throws Exception {
        long elderId = AssessmentFixtures.newElder(mvc, regions, 0, "评估丙");
        Map<String, Integer> half = new LinkedHashMap<>();
        AssessmentFixtures.exampleB().entrySet().stream().limit(10).forEach(e -> half.put(e.getKey(), e.getValue()));
        long id = created(create(ASSESSOR, elderId, body("FIRST", AssessmentFixtures.today().toString(), half, null)));
        mvc.perform(get("/api/v1/assessments/" + id).with(ASSESSOR))
                .andExpect(jsonPath("$.status").value("DRAFT"))
                .andExpect(jsonPath("$.answers['B.1.1']").value(4))
                .andExpect(jsonPath("$.result.status").value("INCOMPLETE"))
                .andExpect(jsonPath("$.result.missingItems", hasSize(16)));

        // completing an incomplete draft names every missing item
        mvc.perform(post("/api/v1/assessments/" + id + "/complete").with(ASSESSOR).contentType(MediaType.APPLICATION_JSON).content(CO_SIGN))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("answers.B.4.5")))
                .andExpect(jsonPath("$.errors", hasSize(16)));

        // resume: save the whole form
        mvc.perform(put("/api/v1/assessments/" + id).with(ASSESSOR).contentType(MediaType.APPLICATION_JSON)
                        .content(body("ROUTINE", AssessmentFixtures.today().toString(), AssessmentFixtures.exampleB(),
                                "\"riskEvents\": {\"A.2.14.1\": 2}, \"diagnoses\": [\"i10\"]")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.result.status").value("COMPLETE"))
                .andExpect(jsonPath("$.result.finalLevel").value(2))
                .andExpect(jsonPath("$.diagnoses[0]").value("I10"));

        // one assessor is not enough
        mvc.perform(post("/api/v1/assessments/" + id + "/complete").with(ASSESSOR))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("coSigner"))
                .andExpect(jsonPath("$.errors[0].code").value("assessment.assessors.too-few"));
        // nor the same assessor twice, nor a wrong password, nor someone who is not an assessor
        String[][] bad = {{"assessor", "demo", "assessment.co-signer.same"}, {"assessor2", "wrong", "assessment.co-signer.invalid"},
                {"operator", "demo", "assessment.co-signer.not-assessor"}};
        for (String[] b : bad) {
            mvc.perform(post("/api/v1/assessments/" + id + "/complete").with(ASSESSOR).contentType(MediaType.APPLICATION_JSON)
                            .content("{\"coSigner\": {\"username\": \"" + b[0] + "\", \"password\": \"" + b[1] + "\"}}"))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].code").value(b[2]));
        }
        mvc.perform(get("/api/v1/assessments/" + id).with(ASSESSOR))
                .andExpect(jsonPath("$.status").value("DRAFT"))
                .andExpect(jsonPath("$.signatures", hasSize(0)));

        events.clear();
        mvc.perform(post("/api/v1/assessments/" + id + "/complete").with(ASSESSOR).contentType(MediaType.APPLICATION_JSON).content(CO_SIGN))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("COMPLETED"))
                .andExpect(jsonPath("$.result.total").value(74))
                .andExpect(jsonPath("$.result.preliminaryLevel").value(1))
                .andExpect(jsonPath("$.result.finalLevel").value(2))
                .andExpect(jsonPath("$.result.rules.version").value("GB/T 42195-2022 r1"))
                .andExpect(jsonPath("$.signatures[*].username", containsInAnyOrder("assessor", "assessor2")))
                .andExpect(jsonPath("$.signatures[?(@.username == 'assessor2')].method", contains("CO_SIGN")));
        assertThat(events.stream(AssessmentCompleted.class))
                .containsExactly(new AssessmentCompleted(id, elderId, jdbc.sql("select region_code from assessment where id = ?")
                        .param(id).query(String.class).single(), AbilityLevel.MODERATE, AssessmentFixtures.today()));
        assertThat(assessments.currentLevel(elderId)).hasValueSatisfying(c -> {
            assertThat(c.assessmentId()).isEqualTo(id);
            assertThat(c.finalLevel()).isEqualTo(AbilityLevel.MODERATE);
        });

        // a completed assessment never changes
        mvc.perform(put("/api/v1/assessments/" + id).with(ASSESSOR).contentType(MediaType.APPLICATION_JSON)
                        .content(body("ROUTINE", AssessmentFixtures.today().toString(), AssessmentFixtures.exampleB(), null)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("assessment.completed"));
        mvc.perform(delete("/api/v1/assessments/" + id).with(ASSESSOR)).andExpect(status().isConflict());
        mvc.perform(get("/api/v1/elders/" + elderId + "/assessments").with(httpBasic("county", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].finalLevel").value(2))
                .andExpect(jsonPath("$.items[0].finalLevelName").value("能力中度受损（中度失能）"))
                .andExpect(jsonPath("$.items[0].signers", hasSize(2)));
    }

    @Test
    void creatingACompletedAssessmentAloneSavesNothingAndWithACoSignerCompletesAtOnce() throws Exception {
        long elderId = AssessmentFixtures.newElder(mvc, regions, 0, "评估丁");
        long before = assessmentCount();
        Map<String, Integer> maxima = new LinkedHashMap<>();
        AssessmentForm.ITEMS.forEach(i -> maxima.put(i.code(), i.maxScore()));
        create(ASSESSOR, elderId, body("FIRST", AssessmentFixtures.today().toString(), maxima, "\"complete\": true"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].code").value("assessment.assessors.too-few"));
        assertThat(assessmentCount()).isEqualTo(before);

        long id = created(create(ASSESSOR, elderId, body("FIRST", AssessmentFixtures.today().minusDays(3).toString(), maxima,
                "\"complete\": true, " + CO_SIGN.substring(1, CO_SIGN.length() - 1))));
        mvc.perform(get("/api/v1/assessments/" + id).with(ASSESSOR2))
                .andExpect(jsonPath("$.status").value("COMPLETED"))
                .andExpect(jsonPath("$.result.total").value(90))
                .andExpect(jsonPath("$.result.finalLevel").value(0))
                .andExpect(jsonPath("$.result.finalLevelName").value("能力完好"));
    }

    @Test
    void twoAssessorsCanSignOnTheirOwnDevicesAndAChangeAfterASignatureClearsIt() throws Exception {
        long elderId = AssessmentFixtures.newElder(mvc, regions, 0, "评估戊");
        long id = created(create(ASSESSOR, elderId, body("FIRST", AssessmentFixtures.today().toString(), AssessmentFixtures.exampleB(), null)));
        mvc.perform(post("/api/v1/assessments/" + id + "/sign").with(ASSESSOR))
                .andExpect(jsonPath("$.signatures[*].username", contains("assessor")));
        Map<String, Integer> changed = new LinkedHashMap<>(AssessmentFixtures.exampleB());
        changed.put("B.1.1", 3);
        mvc.perform(put("/api/v1/assessments/" + id).with(ASSESSOR2).contentType(MediaType.APPLICATION_JSON)
                        .content(body("FIRST", AssessmentFixtures.today().toString(), changed, null)))
                .andExpect(jsonPath("$.signatures", hasSize(0)));
        mvc.perform(post("/api/v1/assessments/" + id + "/sign").with(ASSESSOR)).andExpect(status().isOk());
        mvc.perform(post("/api/v1/assessments/" + id + "/complete").with(ASSESSOR2))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("COMPLETED"))
                .andExpect(jsonPath("$.result.total").value(73))
                .andExpect(jsonPath("$.signatures", hasSize(2)));
    }

    @Test
    void onlyAssessorsWriteAndOtherAreasSeeNothing() throws Exception {
        long elsewhere = AssessmentFixtures.newElder(mvc, regions, 1, "评估己");
        create(httpBasic("operator", "demo"), elsewhere, body("FIRST", AssessmentFixtures.today().toString(), AssessmentFixtures.exampleB(), null))
                .andExpect(status().isForbidden());
        long id = created(create(ASSESSOR, elsewhere, body("FIRST", AssessmentFixtures.today().toString(), AssessmentFixtures.exampleB(), null)));
        // the first county's supervisor: the same 404 as for an absent assessment
        mvc.perform(get("/api/v1/assessments/" + id).with(httpBasic("county", "demo")))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("assessment.not-found"));
        mvc.perform(get("/api/v1/assessments/999999999").with(httpBasic("county", "demo")))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("assessment.not-found"));
        mvc.perform(get("/api/v1/elders/" + elsewhere + "/assessments").with(httpBasic("county", "demo")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/assessments/" + id).with(httpBasic("city", "demo"))).andExpect(status().isOk());
        mvc.perform(delete("/api/v1/assessments/" + id).with(ASSESSOR2)).andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/assessments/" + id).with(ASSESSOR)).andExpect(status().isNotFound());
    }

    @Test
    void assessmentsFollowTheElderWhenTheyMoveToAnotherCounty() throws Exception {
        long elderId = AssessmentFixtures.newElder(mvc, regions, 0, "评估迁");
        long id = created(create(ASSESSOR, elderId, body("FIRST", AssessmentFixtures.today().toString(), AssessmentFixtures.exampleB(),
                "\"complete\": true, " + CO_SIGN.substring(1, CO_SIGN.length() - 1))));
        mvc.perform(get("/api/v1/assessments/" + id).with(httpBasic("county", "demo"))).andExpect(status().isOk());

        // the elder moves to the second county
        String elder = mvc.perform(get("/api/v1/elders/" + elderId).with(httpBasic("city", "demo")))
                .andReturn().getResponse().getContentAsString();
        int version = JsonPath.read(elder, "$.version");
        org.yiyang.region.Region there = AssessmentFixtures.community(regions, 1);
        mvc.perform(put("/api/v1/elders/" + elderId).with(httpBasic("city", "demo")).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"name": "评估迁", "idNumber": "", "phones": [], "livingSituation": "ALONE", "categories": ["DISABLED"],
                                 "addresses": [{"communityCode": "%s", "address": "新家路1号", "primary": true}], "version": %d}"""
                                .formatted(there.code().value(), version)))
                .andExpect(status().isOk());

        // the first county no longer sees the elder's assessments, the city does, and the records follow the elder
        mvc.perform(get("/api/v1/assessments/" + id).with(httpBasic("county", "demo")))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("assessment.not-found"));
        mvc.perform(get("/api/v1/elders/" + elderId + "/assessments").with(httpBasic("county", "demo"))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/elders/" + elderId + "/assessments").with(httpBasic("city", "demo")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.total").value(1));
        assertThat(jdbc.sql("select region_code from assessment where id = ?").param(id).query(String.class).single())
                .isEqualTo(there.code().value());
        assertThat(jdbc.sql("select region_code from assessment_current where elder_id = ?").param(elderId).query(String.class).single())
                .isEqualTo(there.code().value());
    }

    @Test
    void demoAssessmentsAreWhatTheFormGivesAndSignedByTwoAssessors() {
        record Stored(long id, String answers, String risks, java.util.List<String> diagnoses, boolean coma, int total, int fin,
                      long signatures) {
        }
        java.util.List<Stored> rows = jdbc.sql("""
                select a.id, a.answers::text as answers, a.risk_events::text as risks, a.diagnoses, a.coma, a.total_score, a.final_level,
                       (select count(*) from assessment_signature s where s.assessment_id = a.id) as signatures
                from assessment a where a.standard = 'GBT_42195_2022' and a.status = 'COMPLETED' and a.created_by_name = '评估员 · 张敏'
                order by a.id limit 300""").query((rs, i) -> new Stored(rs.getLong("id"), rs.getString("answers"), rs.getString("risks"),
                java.util.List.of((String[]) rs.getArray("diagnoses").getArray()), rs.getBoolean("coma"), rs.getInt("total_score"),
                rs.getInt("final_level"), rs.getLong("signatures"))).list();
        assertThat(rows).hasSize(300);
        tools.jackson.core.type.TypeReference<Map<String, Integer>> scores = new tools.jackson.core.type.TypeReference<>() {
        };
        for (Stored r : rows) {
            ScoreResult again = AssessmentScoring.score(new AssessmentAnswers(mapper.readValue(r.answers(), scores),
                    mapper.readValue(r.risks(), scores), r.diagnoses(), r.coma()), RuleSettings.defaults());
            assertThat(again.total()).as("assessment %d", r.id()).isEqualTo(r.total());
            assertThat(again.finalLevel().code()).as("assessment %d", r.id()).isEqualTo(r.fin());
            assertThat(r.signatures()).isEqualTo(2);
        }
        // elders recorded as disabled were assessed at levels 2–4 (the test may look at the elder table; the module does not)
        Map<String, Object> disabled = jdbc.sql("""
                select count(*) as n, count(*) filter (where c.final_level >= 2) as moderate_or_worse
                from assessment_current c join elder e on e.id = c.elder_id
                where c.standard = 'GBT_42195_2022' and 'DISABLED' = any(e.categories) and c.assessment_id is not null""")
                .query().singleRow();
        long n = ((Number) disabled.get("n")).longValue();
        assertThat(n).isGreaterThan(500);
        assertThat(((Number) disabled.get("moderate_or_worse")).doubleValue() / n).isGreaterThan(0.95);
    }

    // ---- MZ/T 039 --------------------------------------------------------------------------------

    @Test
    void anOldMzt039ResultIsRecordedAndReadOnly() throws Exception {
        long elderId = AssessmentFixtures.newElder(mvc, regions, 0, "评估庚");
        mvc.perform(post("/api/v1/elders/" + elderId + "/assessments/legacy").with(httpBasic("county", "demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"assessedOn\": \"2021-05-06\", \"barthelScore\": 83, \"adlGrade\": 4, \"mentalGrade\": 1, "
                                + "\"perceptionGrade\": 1, \"socialGrade\": 1}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("barthelScore", "adlGrade", "level")));
        String location = mvc.perform(post("/api/v1/elders/" + elderId + "/assessments/legacy").with(httpBasic("county", "demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"assessedOn\": \"2021-05-06\", \"barthelScore\": 80, \"adlGrade\": 1, \"mentalGrade\": 1, "
                                + "\"perceptionGrade\": 1, \"socialGrade\": 1, \"level\": 1, \"source\": \"区评估中心纸质档案\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getHeader("Location");
        mvc.perform(get(location).with(ASSESSOR))
                .andExpect(jsonPath("$.standard").value("MZT_039_2013"))
                .andExpect(jsonPath("$.status").value("COMPLETED"))
                .andExpect(jsonPath("$.legacy.level").value(1))
                .andExpect(jsonPath("$.legacy.levelName").value("轻度失能"))
                .andExpect(jsonPath("$.result").doesNotExist());
        mvc.perform(put(location).with(ASSESSOR).contentType(MediaType.APPLICATION_JSON)
                        .content(body("FIRST", "2021-05-06", AssessmentFixtures.exampleB(), null)))
                .andExpect(status().isConflict());
        // an MZ/T 039 level is not a GB/T 42195 level
        assertThat(assessments.currentLevel(elderId)).isEmpty();
    }

    // ---- schedule and counts -------------------------------------------------------------------

    @Test
    void reassessmentIsDueAfterTheRegionsIntervalAndAtOnceAfterAReportedChange() throws Exception {
        long elderId = AssessmentFixtures.newElder(mvc, regions, 0, "评估辛");
        String county = regions.ofLevel(RegionLevel.COUNTY).getFirst().code().prefix();
        created(create(ASSESSOR, elderId, body("FIRST", AssessmentFixtures.today().minusMonths(13).toString(),
                AssessmentFixtures.exampleB(), "\"complete\": true, " + CO_SIGN.substring(1, CO_SIGN.length() - 1))));
        String due = mvc.perform(get("/api/v1/assessments/due").param("size", "500").param("region", community(county))
                        .with(httpBasic("county", "demo")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<java.util.List<Object>>read(due, "$.items[?(@.elderId == " + elderId + ")].state")).containsExactly("OVERDUE");
        assertThat(JsonPath.<java.util.List<Object>>read(due, "$.items[?(@.elderId == " + elderId + ")].intervalMonths")).containsExactly(12);

        // the city gives this county 24 months: the longest prefix wins, the elder is no longer due
        mvc.perform(put("/api/v1/assessments/intervals").with(httpBasic("city", "demo")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"regionPrefix\": \"" + county + "\", \"months\": 24}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.regionPrefix == '" + county + "')].months", contains(24)));
        try {
            mvc.perform(get("/api/v1/assessments/due").param("size", "500").param("region", community(county)).with(httpBasic("county", "demo")))
                    .andExpect(jsonPath("$.items[?(@.elderId == " + elderId + ")]", hasSize(0)));
            // a county user cannot change the city's default or another county's interval
            mvc.perform(put("/api/v1/assessments/intervals").with(httpBasic("county", "demo")).contentType(MediaType.APPLICATION_JSON)
                            .content("{\"regionPrefix\": \"" + county.substring(0, 4) + "\", \"months\": 6}"))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].code").value("assessment.interval.prefix.out-of-scope"));
            mvc.perform(put("/api/v1/assessments/intervals").with(ASSESSOR).contentType(MediaType.APPLICATION_JSON)
                            .content("{\"regionPrefix\": \"" + county + "\", \"months\": 6}"))
                    .andExpect(status().isForbidden());

            // a reported change makes it due at once
            mvc.perform(post("/api/v1/elders/" + elderId + "/assessments/change-report").with(httpBasic("operator", "demo"))
                            .contentType(MediaType.APPLICATION_JSON).content("{\"note\": \"家属来电：近日跌倒后卧床\"}"))
                    .andExpect(status().isNoContent());
            mvc.perform(get("/api/v1/assessments/due").param("size", "500").param("region", community(county)).with(httpBasic("county", "demo")))
                    .andExpect(jsonPath("$.items[?(@.elderId == " + elderId + ")].state", contains("CHANGE_REPORTED")))
                    .andExpect(jsonPath("$.items[?(@.elderId == " + elderId + ")].changeNote", contains("家属来电：近日跌倒后卧床")));
            // a new assessment answers it
            created(create(ASSESSOR, elderId, body("AD_HOC", AssessmentFixtures.today().toString(), AssessmentFixtures.exampleB(),
                    "\"complete\": true, " + CO_SIGN.substring(1, CO_SIGN.length() - 1))));
            mvc.perform(get("/api/v1/assessments/due").param("size", "500").param("region", community(county)).with(httpBasic("county", "demo")))
                    .andExpect(jsonPath("$.items[?(@.elderId == " + elderId + ")]", hasSize(0)));
        } finally {
            mvc.perform(put("/api/v1/assessments/intervals").with(httpBasic("city", "demo")).contentType(MediaType.APPLICATION_JSON)
                    .content("{\"regionPrefix\": \"" + county + "\", \"months\": null}")).andExpect(status().isOk());
        }
    }

    private String community(String county) {
        return AssessmentFixtures.community(regions, 0).code().value();
    }

    @Test
    void levelCountsArePerChildRegionAndAddUp() throws Exception {
        String json = mvc.perform(get("/api/v1/assessments/levels").with(httpBasic("city", "demo")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        java.util.List<Object> rows = JsonPath.read(json, "$.rows");
        assertThat(rows).hasSize(regions.ofLevel(RegionLevel.COUNTY).size());
        long gbt = jdbc.sql("select count(*) from assessment_current where standard = 'GBT_42195_2022'").query(Long.class).single();
        assertThat(((Number) JsonPath.read(json, "$.total.assessed")).longValue()).isEqualTo(gbt).isPositive();
        long sum = 0;
        for (int level = 0; level <= 4; level++) {
            long n = ((Number) JsonPath.read(json, "$.total.byLevel[" + level + "]")).longValue();
            long perRow = JsonPath.<java.util.List<Number>>read(json, "$.rows[*].byLevel[" + level + "]").stream().mapToLong(Number::longValue).sum();
            assertThat(perRow).isEqualTo(n);
            sum += n;
        }
        assertThat(sum).isEqualTo(gbt);
        String county = regions.ofLevel(RegionLevel.COUNTY).getFirst().code().value();
        mvc.perform(get("/api/v1/assessments/levels").with(httpBasic("county", "demo")))
                .andExpect(jsonPath("$.regionCode").value(county))
                .andExpect(jsonPath("$.rows[0].regionCode", not(county)));
        mvc.perform(get("/api/v1/assessments/levels").param("region", regions.ofLevel(RegionLevel.CITY).getFirst().code().value())
                        .with(httpBasic("county", "demo")))
                .andExpect(status().isNotFound());
    }

    @Test
    void theFormIsPublishedWithTheStandardsOptionTexts() throws Exception {
        mvc.perform(get("/api/v1/assessments/form").with(ASSESSOR))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items", hasSize(26)))
                .andExpect(jsonPath("$.items[0].code").value("B.1.1"))
                .andExpect(jsonPath("$.items[0].options[0].score").value(4))
                .andExpect(jsonPath("$.items[0].options[0].text").value("独立使用器具将食物送进口中并咽下，没有呛咳"))
                .andExpect(jsonPath("$.items[?(@.code == 'B.4.3')].options[1].text", contains("在计划、安排和完成日常事务时需要他人监护或指导")))
                .andExpect(jsonPath("$.items[11].code").value("B.2.4"))
                .andExpect(jsonPath("$.items[11].options", hasSize(4)))
                .andExpect(header().doesNotExist("Location"));
    }
}
