package org.yiyang.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.yiyang.IntegrationTest;

/**
 * The needs survey on the demo city: the seeded questionnaire with its responses; a questionnaire
 * defined, published (frozen) and versioned over the API; answers by operators and families with
 * their bad input; one current response per elder; results aggregated exactly by region and
 * category; and the scope (a county sees neither another county's elders' answers nor their counts).
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SurveyIntegrationTests {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;

    long surveyId;
    long single;
    long multiple;
    long scale;
    long text;
    List<Integer> singleOptions;
    List<Integer> multipleOptions;

    /** A questionnaire of the city with one question of each kind, published. */
    @BeforeAll
    void defineAndPublish() throws Exception {
        String body = mvc.perform(post("/api/v1/surveys").with(httpBasic("city", "demo")).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"title": "测试问卷", "questions": [
                                  {"kind": "SINGLE", "text": "最想要的服务", "required": true, "options": ["助餐", "助浴", "助急"]},
                                  {"kind": "MULTIPLE", "text": "还需要", "required": true, "options": ["助洁", "助行", "助医"]},
                                  {"kind": "SCALE", "text": "满意度", "required": false},
                                  {"kind": "TEXT", "text": "建议", "required": false}]}
                                """))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("DRAFT"))
                .andExpect(jsonPath("$.regionCode").value("410900000000"))
                .andReturn().getResponse().getContentAsString();
        surveyId = ((Number) JsonPath.read(body, "$.id")).longValue();
        single = ((Number) JsonPath.read(body, "$.questions[0].id")).longValue();
        multiple = ((Number) JsonPath.read(body, "$.questions[1].id")).longValue();
        scale = ((Number) JsonPath.read(body, "$.questions[2].id")).longValue();
        text = ((Number) JsonPath.read(body, "$.questions[3].id")).longValue();
        singleOptions = JsonPath.read(body, "$.questions[0].options[*].id");
        multipleOptions = JsonPath.read(body, "$.questions[1].options[*].id");
        mvc.perform(post("/api/v1/surveys/" + surveyId + "/publish").with(httpBasic("city", "demo")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("PUBLISHED"));
    }

    long elder(String regionPrefix, String category, int skip) {
        return jdbc.sql("""
                        select e.id from elder e
                         where e.region_code like ? and e.status = 'ACTIVE' and (cast(? as text) is null or e.categories @> array[cast(? as text)])
                           and not exists (select 1 from survey_response r where r.elder_id = e.id and r.survey_id = ?)
                         order by e.id offset ? limit 1""")
                .params(regionPrefix + "%", category, category, surveyId, skip).query(Long.class).single();
    }

    ResultActions respond(String user, long elderId, String answers, String idempotencyKey) throws Exception {
        var request = post("/api/v1/surveys/" + surveyId + "/responses").with(httpBasic(user, "demo"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"elderId\": " + elderId + ", \"answers\": " + answers + "}");
        if (idempotencyKey != null) {
            request = request.header("Idempotency-Key", idempotencyKey);
        }
        return mvc.perform(request);
    }

    String answers(int singleIndex, List<Integer> multipleIndexes, Integer scaleValue) {
        StringBuilder b = new StringBuilder("[{\"questionId\": " + single + ", \"optionIds\": [" + singleOptions.get(singleIndex) + "]}");
        b.append(", {\"questionId\": ").append(multiple).append(", \"optionIds\": [")
                .append(String.join(", ", multipleIndexes.stream().map(i -> String.valueOf(multipleOptions.get(i))).toList())).append("]}");
        if (scaleValue != null) {
            b.append(", {\"questionId\": ").append(scale).append(", \"scale\": ").append(scaleValue).append("}");
        }
        return b.append("]").toString();
    }

    long responses() {
        return jdbc.sql("select count(*) from survey_response where survey_id = ?").param(surveyId).query(Long.class).single();
    }

    @Test
    void theDemoQuestionnaireIsPublishedWithAFewThousandResponses() throws Exception {
        String body = mvc.perform(get("/api/v1/surveys").with(httpBasic("county", "demo")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        List<Number> responses = JsonPath.read(body, "$.items[?(@.title == '居家养老服务需求调查')].responses");
        assertThat(responses).hasSize(1);
        assertThat(responses.getFirst().longValue()).isGreaterThanOrEqualTo(2000);
        long demo = ((Number) JsonPath.<List<Number>>read(body, "$.items[?(@.title == '居家养老服务需求调查')].id").getFirst()).longValue();
        String page = mvc.perform(get("/surveys/" + demo + "/results").param("category", "LIVING_ALONE").with(httpBasic("county", "demo")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("助急（紧急呼叫）").contains("华龙区");
    }

    @Test
    void resultsCountAndShareEachOptionExactlyByCategoryAndRegion() throws Exception {
        long aloneA = elder("410902", "LIVING_ALONE", 0);
        long aloneB = elder("410902", "LIVING_ALONE", 1);
        long other = elder("410922", null, 0);
        boolean otherAlone = jdbc.sql("select categories @> '{LIVING_ALONE}' from elder where id = ?").param(other)
                .query(Boolean.class).single();
        respond("operator", aloneA, answers(2, List.of(0, 2), 4), null).andExpect(status().isCreated());
        respond("operator", aloneB, answers(2, List.of(2), 2), null).andExpect(status().isCreated());
        respond("operator", other, answers(0, List.of(0, 1, 2), null), null).andExpect(status().isCreated());

        String alone = mvc.perform(get("/api/v1/surveys/" + surveyId + "/results").param("category", "LIVING_ALONE")
                        .param("region", "410902000000").with(httpBasic("city", "demo")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(((Number) JsonPath.read(alone, "$.respondents")).longValue()).isGreaterThanOrEqualTo(2);
        long respondents = ((Number) JsonPath.read(alone, "$.respondents")).longValue();
        // only this class answers this questionnaire in the first county, and every answer above was an 独居 elder's
        assertThat(respondents).isEqualTo(jdbc.sql("""
                select count(*) from survey_response where survey_id = ? and current and region_code like '410902%'
                   and categories @> '{LIVING_ALONE}'""").param(surveyId).query(Long.class).single());
        List<Number> singleCounts = JsonPath.read(alone, "$.questions[0].options[*].count");
        List<Number> singleShares = JsonPath.read(alone, "$.questions[0].options[*].share");
        assertThat(singleCounts.get(2).longValue()).isEqualTo(respondents);
        assertThat(singleShares.get(2).doubleValue()).isEqualTo(1.0);
        assertThat(JsonPath.<Number>read(alone, "$.questions[2].mean").doubleValue()).isEqualTo(3.0);
        assertThat(JsonPath.<List<Number>>read(alone, "$.questions[2].options[*].count"))
                .extracting(Number::longValue).containsExactly(0L, 1L, 0L, 1L, 0L);

        String city = mvc.perform(get("/api/v1/surveys/" + surveyId + "/results").with(httpBasic("city", "demo")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(((Number) JsonPath.read(city, "$.respondents")).longValue()).isEqualTo(responsesCurrent("4109"));
        List<Number> multipleCounts = JsonPath.read(city, "$.questions[1].options[*].count");
        List<Number> multipleShares = JsonPath.read(city, "$.questions[1].options[*].share");
        long answered = ((Number) JsonPath.read(city, "$.questions[1].answered")).longValue();
        for (int i = 0; i < 3; i++) {
            long expected = jdbc.sql("""
                    select count(*) from survey_answer a join survey_response r on r.id = a.response_id
                     where r.survey_id = ? and r.current and a.option_id = ?""").params(surveyId, multipleOptions.get(i)).query(Long.class).single();
            assertThat(multipleCounts.get(i).longValue()).isEqualTo(expected);
            assertThat(multipleShares.get(i).doubleValue()).isEqualTo(Math.round(expected * 1000.0 / answered) / 1000.0);
        }

        String byCategory = mvc.perform(get("/api/v1/surveys/" + surveyId + "/results/breakdown").param("question", String.valueOf(single))
                        .param("by", "CATEGORY").with(httpBasic("city", "demo")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        long aloneAnswered = ((Number) JsonPath.<List<Number>>read(byCategory, "$.rows[?(@.key == 'LIVING_ALONE')].answered").getFirst()).longValue();
        assertThat(aloneAnswered).isEqualTo(responsesWith("LIVING_ALONE"));
        assertThat(JsonPath.<List<Number>>read(byCategory, "$.rows[?(@.key == 'LIVING_ALONE')].topOptionId").getFirst().longValue())
                .isEqualTo(singleOptions.get(2).longValue());

        String byRegion = mvc.perform(get("/api/v1/surveys/" + surveyId + "/results/breakdown").param("question", String.valueOf(single))
                        .param("by", "REGION").with(httpBasic("city", "demo")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<List<Number>>read(byRegion, "$.rows[?(@.key == '410902000000')].answered").getFirst().longValue())
                .isEqualTo(responsesCurrent("410902"));
        assertThat(JsonPath.<List<Number>>read(byRegion, "$.rows[?(@.key == '410922000000')].answered").getFirst().longValue())
                .isEqualTo(responsesCurrent("410922"));
        assertThat(otherAlone || responsesWith("LIVING_ALONE") >= 2).isTrue();
    }

    long responsesCurrent(String prefix) {
        return jdbc.sql("select count(*) from survey_response where survey_id = ? and current and region_code like ?")
                .params(surveyId, prefix + "%").query(Long.class).single();
    }

    long responsesWith(String category) {
        return jdbc.sql("select count(*) from survey_response where survey_id = ? and current and categories @> array[cast(? as text)]")
                .params(surveyId, category).query(Long.class).single();
    }

    @Test
    void answeringAgainReplacesTheCurrentResponseAndKeepsTheFirstAsHistory() throws Exception {
        long elderId = elder("410902", null, 5);
        String first = respond("county", elderId, answers(0, List.of(0), null), null).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        long firstId = ((Number) JsonPath.read(first, "$.id")).longValue();
        String second = respond("operator", elderId, answers(1, List.of(1, 2), 5), null).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        long secondId = ((Number) JsonPath.read(second, "$.id")).longValue();

        mvc.perform(get("/api/v1/surveys/" + surveyId + "/responses").param("elderId", String.valueOf(elderId)).with(httpBasic("county", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(secondId))
                .andExpect(jsonPath("$.answeredBy").value("operator"))
                .andExpect(jsonPath("$.answers[?(@.questionId == " + scale + ")].scale").value(5));
        mvc.perform(get("/api/v1/surveys/" + surveyId + "/responses/" + firstId).with(httpBasic("county", "demo")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.current").value(false));
        assertThat(jdbc.sql("select count(*) from survey_response where survey_id = ? and elder_id = ? and current")
                .params(surveyId, elderId).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void theSameIdempotencyKeyReplaysTheFirstResponseAndAnotherBodyIsRefused() throws Exception {
        long elderId = elder("410902", null, 7);
        String key = UUID.randomUUID().toString();
        String a = respond("operator", elderId, answers(0, List.of(0), 3), key).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        String b = respond("operator", elderId, answers(0, List.of(0), 3), key).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<Number>read(b, "$.id").longValue()).isEqualTo(JsonPath.<Number>read(a, "$.id").longValue());
        assertThat(jdbc.sql("select count(*) from survey_response where survey_id = ? and elder_id = ?").params(surveyId, elderId)
                .query(Long.class).single()).isEqualTo(1);
        respond("operator", elderId, answers(1, List.of(0), 3), key).andExpect(status().isUnprocessableContent());
    }

    @Test
    void answersOutsideTheOptionsMissingRequiredOnesOrOutOfRangeAreRefusedAndNothingIsStored() throws Exception {
        long elderId = elder("410902", null, 9);
        long before = responses();
        respond("operator", elderId, """
                [{"questionId": %d, "optionIds": [%d, %d]},
                 {"questionId": %d, "scale": 7},
                 {"questionId": 999999, "optionIds": [1]}]""".formatted(single, singleOptions.get(0), singleOptions.get(1), scale), null)
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[?(@.field == 'answers." + single + "')].code").value("survey.answer.single-only"))
                .andExpect(jsonPath("$.errors[?(@.field == 'answers." + scale + "')].message").value("请打 1 到 5 分（收到 7）"))
                .andExpect(jsonPath("$.errors[?(@.field == 'answers[2].questionId')].code").value("survey.answer.question-unknown"))
                .andExpect(jsonPath("$.errors[?(@.field == 'answers." + multiple + "')].code").value("survey.answer.required"));
        respond("operator", elderId, """
                [{"questionId": %d, "optionIds": [%d]}, {"questionId": %d, "optionIds": [%d]}]"""
                .formatted(single, multipleOptions.get(0), multiple, multipleOptions.get(0)), null)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("answers." + single))
                .andExpect(jsonPath("$.errors[0].code").value("survey.answer.option-invalid"));
        respond("operator", elderId, "[]", null).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.length()").value(2));
        assertThat(responses()).isEqualTo(before);
    }

    @Test
    void aCountySeesNeitherAnotherCountysEldersAnswersNorTheirCounts() throws Exception {
        long elsewhere = elder("410922", null, 3);
        respond("operator", elsewhere, answers(0, List.of(0), null), null).andExpect(status().isCreated());

        respond("county", elsewhere, answers(0, List.of(0), null), null)
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("elder.not-found"));
        mvc.perform(get("/api/v1/surveys/" + surveyId + "/responses").param("elderId", String.valueOf(elsewhere)).with(httpBasic("county", "demo")))
                .andExpect(status().isNotFound());
        long responseId = jdbc.sql("select id from survey_response where survey_id = ? and elder_id = ? and current")
                .params(surveyId, elsewhere).query(Long.class).single();
        mvc.perform(get("/api/v1/surveys/" + surveyId + "/responses/" + responseId).with(httpBasic("county", "demo")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/surveys/" + surveyId + "/results").param("region", "410922000000").with(httpBasic("county", "demo")))
                .andExpect(status().isNotFound());
        String own = mvc.perform(get("/api/v1/surveys/" + surveyId + "/results").with(httpBasic("county", "demo")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(((Number) JsonPath.read(own, "$.respondents")).longValue()).isEqualTo(responsesCurrent("410902"));
        // the family sees the questionnaire but no results
        mvc.perform(get("/api/v1/surveys/" + surveyId + "/results").with(httpBasic("family", "demo"))).andExpect(status().isNotFound());
    }

    @Test
    void aPublishedQuestionnaireIsFrozenAndChangesBecomeANewVersion() throws Exception {
        mvc.perform(put("/api/v1/surveys/" + surveyId).with(httpBasic("city", "demo")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\": \"改\", \"questions\": [{\"kind\": \"TEXT\", \"text\": \"新\"}]}"))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("survey.frozen"));
        mvc.perform(post("/api/v1/surveys/" + surveyId + "/versions").with(httpBasic("county", "demo")))
                .andExpect(status().isForbidden());

        String created = mvc.perform(post("/api/v1/surveys").with(httpBasic("county", "demo")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\": \"县问卷\", \"questions\": [{\"kind\": \"SINGLE\", \"text\": \"选\", \"required\": true, \"options\": [\"甲\", \"乙\"]}]}"))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.regionCode").value("410902000000"))
                .andReturn().getResponse().getContentAsString();
        long v1 = ((Number) JsonPath.read(created, "$.id")).longValue();
        mvc.perform(post("/api/v1/surveys/" + v1 + "/publish").with(httpBasic("county", "demo"))).andExpect(status().isOk());
        String copy = mvc.perform(post("/api/v1/surveys/" + v1 + "/versions").with(httpBasic("county", "demo")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.version").value(2))
                .andExpect(jsonPath("$.status").value("DRAFT"))
                .andExpect(jsonPath("$.questions[0].options[1].label").value("乙"))
                .andReturn().getResponse().getContentAsString();
        long v2 = ((Number) JsonPath.read(copy, "$.id")).longValue();
        mvc.perform(put("/api/v1/surveys/" + v2).with(httpBasic("county", "demo")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\": \"县问卷\", \"questions\": [{\"kind\": \"SINGLE\", \"text\": \"选\", \"required\": true, \"options\": [\"甲\", \"乙\", \"丙\"]}]}"))
                .andExpect(status().isOk());
        mvc.perform(post("/api/v1/surveys/" + v2 + "/publish").with(httpBasic("county", "demo"))).andExpect(status().isOk());
        mvc.perform(get("/api/v1/surveys/" + v1).with(httpBasic("county", "demo"))).andExpect(jsonPath("$.status").value("CLOSED"));
        // the city sees the county's questionnaire; another county does not exist for this county
        mvc.perform(get("/api/v1/surveys/" + v2).with(httpBasic("city", "demo"))).andExpect(status().isOk());
    }

    @Test
    void badQuestionnairesAreRefusedWithEveryFieldError() throws Exception {
        long before = jdbc.sql("select count(*) from survey").query(Long.class).single();
        mvc.perform(post("/api/v1/surveys").with(httpBasic("city", "demo")).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"title": " ", "regionCode": "410922000000x", "questions": [
                                  {"kind": "RATING", "text": "评分"},
                                  {"kind": "SCALE", "text": "满意度", "options": ["好"]},
                                  {"kind": "SINGLE", "text": "", "options": ["甲", "甲"]},
                                  {"kind": "MULTIPLE", "text": "多", "options": ["一"]}]}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'title')].code").value("field.required"))
                .andExpect(jsonPath("$.errors[?(@.field == 'regionCode')].code").value("region.code.invalid"))
                .andExpect(jsonPath("$.errors[?(@.field == 'questions[0].kind')].code").value("survey.question.kind.invalid"))
                .andExpect(jsonPath("$.errors[?(@.field == 'questions[1].options')].code").value("survey.question.options.not-allowed"))
                .andExpect(jsonPath("$.errors[?(@.field == 'questions[2].text')].code").value("field.required"))
                .andExpect(jsonPath("$.errors[?(@.field == 'questions[2].options[1]')].code").value("survey.question.options.duplicate"))
                .andExpect(jsonPath("$.errors[?(@.field == 'questions[3].options')].code").value("survey.question.options.too-few"));
        mvc.perform(post("/api/v1/surveys").with(httpBasic("county", "demo")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\": \"别县\", \"regionCode\": \"410922000000\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].code").value("survey.region.outside-scope"));
        mvc.perform(post("/api/v1/surveys").with(httpBasic("operator", "demo")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"title\": \"坐席\"}")).andExpect(status().isForbidden());
        assertThat(jdbc.sql("select count(*) from survey").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void theFamilyAnswersOnTheLargeFontPageAndMissingAnswersAreNamed() throws Exception {
        long familyElder = jdbc.sql("select scope_elder_id from app_user where username = 'family'").query(Long.class).single();
        String list = mvc.perform(get("/f/surveys").with(httpBasic("family", "demo")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(list).contains("测试问卷").contains("居家养老服务需求调查");

        String page = mvc.perform(post("/f/surveys/" + surveyId).with(httpBasic("family", "demo")).with(csrf())
                        .param("q" + single, String.valueOf(singleOptions.get(1))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("这道题必须回答").contains("还有 1 处需要补上或改正");
        assertThat(jdbc.sql("select count(*) from survey_response where survey_id = ? and elder_id = ?").params(surveyId, familyElder)
                .query(Long.class).single()).isZero();

        mvc.perform(post("/f/surveys/" + surveyId).with(httpBasic("family", "demo")).with(csrf())
                        .param("q" + single, String.valueOf(singleOptions.get(1)))
                        .param("q" + multiple, String.valueOf(multipleOptions.get(0)), String.valueOf(multipleOptions.get(2)))
                        .param("q" + text, "希望有人陪着去医院"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/f/surveys"));
        assertThat(jdbc.sql("select channel from survey_response where survey_id = ? and elder_id = ? and current")
                .params(surveyId, familyElder).query(String.class).single()).isEqualTo("FAMILY");
        mvc.perform(get("/api/v1/surveys/" + surveyId + "/responses").param("elderId", String.valueOf(familyElder)).with(httpBasic("family", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.answers[?(@.questionId == " + multiple + ")].optionIds[1]").value(multipleOptions.get(2)))
                .andExpect(jsonPath("$.answers[?(@.questionId == " + text + ")].text").value("希望有人陪着去医院"));
        // the family answers only for their own elder
        long someoneElse = elder("410902", null, 11);
        respond("family", someoneElse, answers(0, List.of(0), null), null).andExpect(status().isNotFound());
    }

    @Test
    void aBureauBuildsADraftQuestionByQuestionInTheConsole() throws Exception {
        mvc.perform(get("/surveys/new").with(httpBasic("county", "demo"))).andExpect(status().isOk());
        String location = mvc.perform(post("/surveys").with(httpBasic("county", "demo")).with(csrf())
                        .param("title", "控制台问卷").param("description", "").param("regionCode", "410902000000"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        long id = Long.parseLong(location.replaceAll(".*/surveys/", ""));

        String refused = mvc.perform(post("/surveys/" + id + "/questions").with(httpBasic("county", "demo")).with(csrf())
                        .param("kind", "SINGLE").param("text", "只有一个选项").param("options", "唯一"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("单选和多选题至少要有两个选项");
        mvc.perform(post("/surveys/" + id + "/questions").with(httpBasic("county", "demo")).with(csrf())
                        .param("kind", "MULTIPLE").param("text", "需要什么").param("required", "on").param("options", "助餐\n助浴\n\n助洁"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/surveys/" + id + "/questions").with(httpBasic("county", "demo")).with(csrf())
                        .param("kind", "SCALE").param("text", "满意度"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/surveys/" + id + "/questions/2/up").with(httpBasic("county", "demo")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        String page = mvc.perform(get("/surveys/" + id).with(httpBasic("county", "demo")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page.indexOf("满意度")).isLessThan(page.indexOf("需要什么"));
        assertThat(page).contains("助餐 · ").contains("助洁");
        mvc.perform(post("/surveys/" + id + "/publish").with(httpBasic("county", "demo")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/surveys/" + id + "/questions/1/remove").with(httpBasic("county", "demo")).with(csrf()))
                .andExpect(status().isConflict());
        assertThat(jdbc.sql("select count(*) from survey_question where survey_id = ?").param(id).query(Long.class).single()).isEqualTo(2);
    }
}
