package org.yiyang.subsidy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiyang.IntegrationTest;
import org.yiyang.assessment.AbilityLevel;
import org.yiyang.assessment.AssessmentCompleted;
import tools.jackson.databind.json.JsonMapper;

/**
 * Eligibility on the demo city: recomputed when an assessment completes (the event published in a
 * transaction, the listener awaited) and when the registry changes an elder's categories; the
 * reasons in Chinese and English; the rules per region with their bad input; counts per child
 * region; and the scope (a county never sees another county's elders).
 */
@IntegrationTest
class EligibilityIntegrationTests {

    static final String FIRST_COUNTY = "410902";

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired ApplicationEventPublisher events;
    @Autowired PlatformTransactionManager transactions;
    @Autowired JsonMapper json;

    static boolean await(Duration timeout, BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (done.getAsBoolean()) {
                return true;
            }
            Thread.sleep(25);
        }
        return done.getAsBoolean();
    }

    Boolean eligible(long elderId, String benefit) {
        return jdbc.sql("select eligible from eligibility where elder_id = ? and benefit_code = ?").params(elderId, benefit)
                .query(Boolean.class).optional().orElse(null);
    }

    /** An active elder of the first county in 经济困难 only (no 低保/特困), never assessed, aged under 75. */
    long hardshipElderWithoutAssessment(int skip) {
        return jdbc.sql("""
                        select elder_id from eligibility_elder
                         where region_code like '410902%' and status = 'ACTIVE' and ability_level is null
                           and categories @> '{ECONOMIC_HARDSHIP}' and not categories && '{SUBSISTENCE_ALLOWANCE,EXTREME_POVERTY}'
                           and birth_date > current_date - interval '75 years'
                         order by elder_id offset ? limit 1""")
                .param(skip).query(Long.class).single();
    }

    void complete(long assessmentId, long elderId, AbilityLevel level, LocalDate on) {
        String region = jdbc.sql("select region_code from eligibility_elder where elder_id = ?").param(elderId).query(String.class).single();
        new TransactionTemplate(transactions).executeWithoutResult(s ->
                events.publishEvent(new AssessmentCompleted(assessmentId, elderId, region, level, on)));
    }

    @Test
    void aCompletedAssessmentMakesAnElderInHardshipEligibleForTheCareSubsidyWithTheReasonsInBothLanguages() throws Exception {
        long elderId = hardshipElderWithoutAssessment(0);
        mvc.perform(get("/api/v1/elders/" + elderId + "/eligibility").with(httpBasic("county", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.benefits[?(@.benefitCode == 'CARE_SUBSIDY')].eligible").value(false))
                .andExpect(jsonPath("$.benefits[?(@.benefitCode == 'CARE_SUBSIDY')].text")
                        .value("护理补贴：不符合 — 尚未评估能力等级（需中度受损及以上）"))
                .andExpect(jsonPath("$.benefits[?(@.benefitCode == 'SERVICE_SUBSIDY')].eligible").value(true));

        complete(900_001, elderId, AbilityLevel.SEVERE, LocalDate.of(2026, 3, 2));

        assertThat(await(Duration.ofSeconds(10), () -> Boolean.TRUE.equals(eligible(elderId, "CARE_SUBSIDY")))).isTrue();
        assertThat(eligible(elderId, "CONSUMPTION_VOUCHER")).isTrue();
        mvc.perform(get("/api/v1/elders/" + elderId + "/eligibility").with(httpBasic("county", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.abilityLevel").value(3))
                .andExpect(jsonPath("$.abilityLevelName").value("重度受损"))
                .andExpect(jsonPath("$.benefits[?(@.benefitCode == 'CARE_SUBSIDY')].text")
                        .value("护理补贴：符合 — 经济困难，能力等级 重度受损（2026-03-02 评估）"));
        mvc.perform(get("/api/v1/elders/" + elderId + "/eligibility").with(httpBasic("county", "demo")).header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.benefits[?(@.benefitCode == 'CARE_SUBSIDY')].text")
                        .value("care subsidy: yes — economic hardship, level severely impaired assessed 2026-03-02"))
                .andExpect(jsonPath("$.benefits[?(@.benefitCode == 'CONSUMPTION_VOUCHER')].text")
                        .value("care-service consumption voucher: yes — level severely impaired assessed 2026-03-02"));

        // an older assessment arriving late changes nothing; a newer, milder one takes both away
        complete(899_999, elderId, AbilityLevel.INTACT, LocalDate.of(2025, 3, 2));
        complete(900_002, elderId, AbilityLevel.MILD, LocalDate.of(2026, 4, 1));
        assertThat(await(Duration.ofSeconds(10), () -> Boolean.FALSE.equals(eligible(elderId, "CARE_SUBSIDY")))).isTrue();
        assertThat(jdbc.sql("select ability_level from eligibility_elder where elder_id = ?").param(elderId).query(Integer.class).single())
                .isEqualTo(1);
        assertThat(eligible(elderId, "CONSUMPTION_VOUCHER")).isFalse();

        // the console page shows the same
        String page = mvc.perform(get("/elders/" + elderId + "/eligibility").with(httpBasic("county", "demo")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("能力等级 轻度受损（2026-04-01 评估），需中度受损及以上");
    }

    @Test
    void changingAnEldersCategoriesInTheRegistryEvaluatesTheElderAgain() throws Exception {
        long elderId = jdbc.sql("""
                        select elder_id from eligibility_elder
                         where region_code like '410902%' and status = 'ACTIVE' and categories = '{}'
                         order by elder_id desc limit 1""").query(Long.class).single();
        assertThat(eligible(elderId, "SERVICE_SUBSIDY")).isFalse();

        Map<String, Object> record = json.readValue(mvc.perform(get("/api/v1/elders/" + elderId).with(httpBasic("county", "demo")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(), Map.class);
        mvc.perform(put("/api/v1/elders/" + elderId).with(httpBasic("county", "demo")).contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(updateWithCategories(record, List.of("SUBSISTENCE_ALLOWANCE")))))
                .andExpect(status().isOk());

        assertThat(await(Duration.ofSeconds(10), () -> Boolean.TRUE.equals(eligible(elderId, "SERVICE_SUBSIDY")))).isTrue();
        mvc.perform(get("/api/v1/elders/" + elderId + "/eligibility").with(httpBasic("county", "demo")))
                .andExpect(jsonPath("$.benefits[?(@.benefitCode == 'SERVICE_SUBSIDY')].text").value("养老服务补贴：符合 — 低保"));
    }

    @Test
    void anElderWhoDiedIsNoLongerEligibleOnceTheRegistryRecordsIt() throws Exception {
        long elderId = jdbc.sql("""
                        select elder_id from eligibility_elder
                         where region_code like '410902%' and status = 'ACTIVE' and birth_date < current_date - interval '85 years'
                         order by elder_id desc limit 1""").query(Long.class).single();
        assertThat(eligible(elderId, "OLD_AGE_ALLOWANCE")).isTrue();

        mvc.perform(post("/api/v1/elders/" + elderId + "/status").with(httpBasic("county", "demo")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"status\": \"DECEASED\", \"reason\": \"病故\"}")).andExpect(status().isOk());

        assertThat(await(Duration.ofSeconds(10), () -> Boolean.FALSE.equals(eligible(elderId, "OLD_AGE_ALLOWANCE")))).isTrue();
        mvc.perform(get("/api/v1/elders/" + elderId + "/eligibility").with(httpBasic("county", "demo")))
                .andExpect(jsonPath("$.benefits[?(@.benefitCode == 'OLD_AGE_ALLOWANCE')].text").value("高龄津贴：不符合 — 老人状态为“已故”"));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> updateWithCategories(Map<String, Object> record, List<String> categories) {
        Map<String, Object> in = new LinkedHashMap<>();
        in.put("name", record.get("name"));
        in.put("idNumber", "");
        in.put("phones", record.get("phones"));
        in.put("livingSituation", record.get("livingSituation"));
        in.put("categories", categories);
        List<Map<String, Object>> addresses = new ArrayList<>();
        for (Map<String, Object> a : (List<Map<String, Object>>) record.get("addresses")) {
            Map<String, Object> loc = (Map<String, Object>) a.get("location");
            addresses.add(Map.of("communityCode", a.get("communityCode"), "address", a.get("address"), "lat", loc.get("lat"),
                    "lng", loc.get("lng"), "primary", a.get("primary")));
        }
        in.put("addresses", addresses);
        in.put("contacts", record.get("contacts"));
        in.put("version", record.get("version"));
        return in;
    }

    @Test
    void aCountyNeverSeesAnotherCountysEldersEligibility() throws Exception {
        long elsewhere = jdbc.sql("select elder_id from eligibility_elder where region_code not like '410902%' order by elder_id limit 1")
                .query(Long.class).single();
        String body = mvc.perform(get("/api/v1/elders/" + elsewhere + "/eligibility").with(httpBasic("county", "demo")))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andReturn().getResponse().getContentAsString();
        assertThat(body).contains("elder.not-found");
        mvc.perform(get("/api/v1/elders/99999999/eligibility").with(httpBasic("county", "demo"))).andExpect(status().isNotFound());
        mvc.perform(get("/elders/" + elsewhere + "/eligibility").with(httpBasic("county", "demo"))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/elders/" + elsewhere + "/eligibility").with(httpBasic("city", "demo"))).andExpect(status().isOk());
        mvc.perform(get("/api/v1/eligibility/counts").param("region", "410922000000").with(httpBasic("county", "demo")))
                .andExpect(status().isNotFound());
    }

    @Test
    void aCountysOwnRuleWinsOverTheCitysAndRemovingItRestoresTheCitys() throws Exception {
        long sixtyFive = jdbc.sql("""
                        select elder_id from eligibility_elder
                         where region_code like '410902%' and status = 'ACTIVE'
                           and birth_date between current_date - interval '66 years' and current_date - interval '65 years'
                         order by elder_id limit 1""").query(Long.class).single();
        assertThat(eligible(sixtyFive, "OLD_AGE_ALLOWANCE")).isFalse();

        mvc.perform(put("/api/v1/eligibility-rules/410902000000/OLD_AGE_ALLOWANCE").with(httpBasic("county", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"minAge\": 65}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.regionCode").value("410902000000"))
                .andExpect(jsonPath("$.description").value("65 岁及以上"));
        assertThat(await(Duration.ofSeconds(20), () -> Boolean.TRUE.equals(eligible(sixtyFive, "OLD_AGE_ALLOWANCE")))).isTrue();
        assertThat(jdbc.sql("select rule_prefix from eligibility where elder_id = ? and benefit_code = 'OLD_AGE_ALLOWANCE'")
                .param(sixtyFive).query(String.class).single()).isEqualTo(FIRST_COUNTY);

        String rules = mvc.perform(get("/api/v1/eligibility-rules").with(httpBasic("county", "demo")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        List<String> regionsOfOldAge = JsonPath.read(rules, "$.items[?(@.benefitCode == 'OLD_AGE_ALLOWANCE')].regionCode");
        assertThat(regionsOfOldAge).containsExactly("410900000000", "410902000000");
        List<Boolean> defaults = JsonPath.read(rules, "$.items[?(@.benefitCode == 'OLD_AGE_ALLOWANCE')].defaultRule");
        assertThat(defaults).containsExactly(true, false, false);
        assertThat(rules).doesNotContain("410922000000");

        mvc.perform(delete("/api/v1/eligibility-rules/410902000000/OLD_AGE_ALLOWANCE").with(httpBasic("county", "demo")))
                .andExpect(status().isNoContent());
        assertThat(await(Duration.ofSeconds(20), () -> Boolean.FALSE.equals(eligible(sixtyFive, "OLD_AGE_ALLOWANCE")))).isTrue();
        assertThat(jdbc.sql("select count(*) from eligibility_rule_change where region_prefix = '410902'").query(Long.class).single())
                .isGreaterThanOrEqualTo(2);
    }

    @Test
    void badRulesAreRefusedWithEveryFieldErrorAndNothingIsStored() throws Exception {
        mvc.perform(put("/api/v1/eligibility-rules/410902000000/CARE_SUBSIDY").with(httpBasic("county", "demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"minAge\": 200, \"categories\": [\"ECONOMIC_HARDSHIP\", \"RICH\"], \"minLevel\": \"9\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[?(@.field == 'minAge')].code").value("subsidy.rule.min-age.invalid"))
                .andExpect(jsonPath("$.errors[?(@.field == 'categories[1]')].message").value("类别“RICH”无法识别"))
                .andExpect(jsonPath("$.errors[?(@.field == 'minLevel')].code").value("subsidy.rule.level.invalid"));
        mvc.perform(put("/api/v1/eligibility-rules/410902000000/CARE_SUBSIDY").with(httpBasic("county", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"minLevel\": \"SOMEWHAT\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("minLevel"));
        assertThat(jdbc.sql("select count(*) from eligibility_rule where region_prefix = '410902' and benefit_code = 'CARE_SUBSIDY'")
                .query(Long.class).single()).isZero();

        // another county's region, an unknown benefit, a hotline operator: refused
        mvc.perform(put("/api/v1/eligibility-rules/410922000000/CARE_SUBSIDY").with(httpBasic("county", "demo"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"minLevel\": 2}")).andExpect(status().isNotFound());
        mvc.perform(put("/api/v1/eligibility-rules/410902000000/FREE_BEER").with(httpBasic("county", "demo"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"minLevel\": 2}")).andExpect(status().isNotFound());
        mvc.perform(put("/api/v1/eligibility-rules/410902000000/CARE_SUBSIDY").with(httpBasic("operator", "demo"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"minLevel\": 2}")).andExpect(status().isForbidden());
        assertThat(jdbc.sql("select count(*) from eligibility_rule where region_prefix in ('410902', '410922') and benefit_code = 'CARE_SUBSIDY'")
                .query(Long.class).single()).isZero();
    }

    @Test
    void countsPerBenefitAddUpOverTheChildRegions() throws Exception {
        String body = mvc.perform(get("/api/v1/eligibility/counts").with(httpBasic("city", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.regionCode").value("410900000000"))
                .andExpect(jsonPath("$.children.length()").value(6))
                .andReturn().getResponse().getContentAsString();
        long oldAgeTotal = ((Number) JsonPath.read(body, "$.eligible.OLD_AGE_ALLOWANCE")).longValue();
        List<Number> perCounty = JsonPath.read(body, "$.children[*].eligible.OLD_AGE_ALLOWANCE");
        assertThat(perCounty.stream().mapToLong(Number::longValue).sum()).isEqualTo(oldAgeTotal);
        assertThat(oldAgeTotal).isEqualTo(jdbc.sql("""
                select count(*) from eligibility where benefit_code = 'OLD_AGE_ALLOWANCE' and eligible and region_code like '4109%'""")
                .query(Long.class).single()).isPositive();
        long firstCountyService = ((Number) JsonPath.read(body, "$.children[0].eligible.SERVICE_SUBSIDY")).longValue();
        assertThat(firstCountyService).isPositive();

        mvc.perform(get("/api/v1/eligibility/counts").with(httpBasic("county", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.regionCode").value("410902000000"));
        String page = mvc.perform(get("/eligibility").with(httpBasic("city", "demo")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("华龙区").contains("高龄津贴");
    }

    @Test
    void theRulesPageAndFormShowTheRulesAndNameBadInputInWords() throws Exception {
        String rules = mvc.perform(get("/eligibility/rules").with(httpBasic("county", "demo")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(rules).contains("护理补贴").contains("低保、特困、经济困难之一；能力等级 中度受损 及以上").contains("默认（全国框架）");
        String form = mvc.perform(get("/eligibility/rules/edit").param("region", "410902000000").param("benefit", "CARE_SUBSIDY")
                        .with(httpBasic("county", "demo")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(form).contains("目前沿用：低保、特困、经济困难之一；能力等级 中度受损 及以上");

        String refused = mvc.perform(post("/eligibility/rules").with(httpBasic("county", "demo")).with(csrf())
                        .param("region", "410902000000").param("benefit", "CARE_SUBSIDY").param("offered", "on")
                        .param("minAge", "abc").param("minLevel", "2"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("请输入数字");
        assertThat(jdbc.sql("select count(*) from eligibility_rule where region_prefix = '410902'").query(Long.class).single()).isZero();

        mvc.perform(get("/eligibility/rules/edit").param("region", "410922000000").param("benefit", "CARE_SUBSIDY")
                .with(httpBasic("county", "demo"))).andExpect(status().isNotFound());
        mvc.perform(get("/eligibility/rules/edit").param("region", "410900000000").param("benefit", "CARE_SUBSIDY")
                .with(httpBasic("operator", "demo"))).andExpect(status().isForbidden());
    }

    /** The demo's seeded assessments (recorded without events) reach eligibility through the full pass. */
    @Test
    void theDemoCitysAssessedLevelsCountForTheCareSubsidy() {
        long assessedInEligibility = jdbc.sql("select count(*) from eligibility_elder where ability_level is not null")
                .query(Long.class).single();
        assertThat(assessedInEligibility).isPositive();
        long careSubsidy = jdbc.sql("select count(*) from eligibility where benefit_code = 'CARE_SUBSIDY' and eligible")
                .query(Long.class).single();
        assertThat(careSubsidy).isPositive();
        // and each of them is moderately impaired or worse by its latest completed assessment
        assertThat(jdbc.sql("""
                select count(*) from eligibility g join eligibility_elder e on e.elder_id = g.elder_id
                 where g.benefit_code = 'CARE_SUBSIDY' and g.eligible and (e.ability_level is null or e.ability_level < 2)
                """).query(Long.class).single()).isZero();
    }
}
