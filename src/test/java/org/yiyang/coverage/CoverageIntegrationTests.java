package org.yiyang.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.yiyang.IntegrationTest;
import org.yiyang.elder.ElderQuery;
import org.yiyang.elder.ElderRecord;
import org.yiyang.elder.ElderRegistry;
import org.yiyang.provider.FacilityType;
import org.yiyang.region.Region;
import org.yiyang.region.RegionDirectory;
import org.yiyang.shared.DataScope;
import org.yiyang.shared.PageQuery;
import org.yiyang.shared.RegionLevel;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@IntegrationTest
class CoverageIntegrationTests {

    static final DataScope CITY = DataScope.region("4109");

    @Autowired
    MockMvc mvc;
    @Autowired
    ServiceCoverage coverage;
    @Autowired
    ElderRegistry registry;
    @Autowired
    RegionDirectory regions;
    @Autowired
    JsonMapper json;

    JsonNode getJson(String url, String user) throws Exception {
        String body = mvc.perform(get(url).with(httpBasic(user, "demo"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        return json.readTree(body);
    }

    @Test
    void theCityReportAddsUpOverItsCountiesAndCountsEveryActiveElder() throws Exception {
        JsonNode report = getJson("/api/v1/coverage?type=COMMUNITY_STATION&weighted=true", "city");
        assertThat(report.get("regionCode").asText()).isEqualTo("410900000000");
        assertThat(report.get("type").asText()).isEqualTo("COMMUNITY_STATION");
        long elders = report.get("total").get("elders").asLong();
        long active = registry.search(CITY, new ElderQuery(null, null, null, "ACTIVE"), PageQuery.of(0, 1)).total();
        assertThat(elders).isEqualTo(active).isPositive();
        long sumElders = 0, sumCovered = 0;
        for (JsonNode child : report.get("children")) {
            assertThat(child.get("level").asText()).isEqualTo("COUNTY");
            sumElders += child.get("elders").asLong();
            sumCovered += child.get("covered").asLong();
            assertThat(child.get("weightedShare").asDouble()).isBetween(0.0, 1.0);
        }
        assertThat(report.get("children")).hasSize(6);
        assertThat(sumElders).isEqualTo(elders);
        assertThat(sumCovered).isEqualTo(report.get("total").get("covered").asLong());
        double share = report.get("total").get("share").asDouble();
        assertThat(share).isEqualTo((double) sumCovered / elders);
        // the demo city has stations, but not everywhere
        assertThat(sumCovered).isPositive().isLessThan(elders);
        // any type covers at least as many as one type
        JsonNode any = getJson("/api/v1/coverage", "city");
        assertThat(any.get("total").get("covered").asLong()).isGreaterThanOrEqualTo(sumCovered);
        assertThat(any.get("total").has("weightedShare")).isFalse();
    }

    @Test
    void aCountySupervisorSeesOnlyTheirCounty() throws Exception {
        JsonNode report = getJson("/api/v1/coverage", "county");
        String county = report.get("regionCode").asText();
        assertThat(report.get("level").asText()).isEqualTo("COUNTY");
        for (JsonNode child : report.get("children")) {
            assertThat(child.get("regionCode").asText()).startsWith(county.substring(0, 6));
        }
        mvc.perform(get("/api/v1/coverage?region=410900000000").with(httpBasic("county", "demo")))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("region.not-found"));
        Region other = regions.ofLevel(RegionLevel.COUNTY).stream()
                .filter(r -> !r.code().value().equals(county)).findFirst().orElseThrow();
        for (String path : List.of("", "/uncovered", "/hexes", "/below-standard")) {
            mvc.perform(get("/api/v1/coverage" + path + "?region=" + other.code().value()).with(httpBasic("county", "demo")))
                    .andExpect(status().isNotFound());
        }
        // the uncovered elders of the county are the county's
        JsonNode page = getJson("/api/v1/coverage/uncovered?size=20", "county");
        assertThat(page.get("total").asLong()).isEqualTo(report.get("total").get("elders").asLong()
                - report.get("total").get("covered").asLong());
        for (JsonNode e : page.get("items")) {
            assertThat(e.get("regionCode").asText()).startsWith(county.substring(0, 6));
            assertThat(e.get("idNumberMasked").asText()).contains("****");
        }
    }

    @Test
    void badInputIsAFieldError() throws Exception {
        mvc.perform(get("/api/v1/coverage?type=PALACE").with(httpBasic("city", "demo")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("type"));
        mvc.perform(get("/api/v1/coverage?region=12ab").with(httpBasic("city", "demo")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("region"));
        mvc.perform(get("/api/v1/coverage").with(httpBasic("provider", "demo"))).andExpect(status().isNotFound());
    }

    @Test
    void hexesCountTheSameEldersAsTheReport() throws Exception {
        JsonNode report = getJson("/api/v1/coverage?type=DAY_CARE", "county");
        JsonNode hexes = getJson("/api/v1/coverage/hexes?type=DAY_CARE", "county");
        long elders = 0, uncovered = 0;
        for (JsonNode cell : hexes.get("cells")) {
            elders += cell.get("elders").asLong();
            uncovered += cell.get("uncovered").asLong();
            assertThat(cell.get("boundary").size()).isBetween(5, 7);
        }
        assertThat(elders).isEqualTo(report.get("total").get("elders").asLong());
        assertThat(uncovered).isEqualTo(elders - report.get("total").get("covered").asLong());
        assertThat(hexes.get("resolution").asInt()).isEqualTo(8);
        for (JsonNode f : hexes.get("facilities")) {
            assertThat(f.get("type").asText()).isEqualTo("DAY_CARE");
        }
    }

    @Test
    void belowStandardFacilitiesSayWhatTheyLack() throws Exception {
        JsonNode page = getJson("/api/v1/coverage/below-standard?size=100", "city");
        assertThat(page.get("total").asLong()).isPositive();
        for (JsonNode f : page.get("items")) {
            assertThat(f.get("shortfalls").size()).isPositive();
            assertThat(f.get("shortfalls").get(0).get("required").asDouble()).isPositive();
        }
    }

    @Test
    void aNewFacilityCoversTheEldersNearItWithoutAFullRecomputation() throws Exception {
        String type = FacilityType.CANTEEN.name();
        JsonNode before = getJson("/api/v1/coverage/uncovered?type=" + type + "&size=1", "city");
        long elderId = before.get("items").get(0).get("elderId").asLong();
        ElderRecord elder = registry.find(CITY, elderId);
        var home = elder.primaryAddress();
        long updatesBefore = coverage.status().incrementalUpdates();
        String body = """
                {"name": "覆盖测试助餐点", "type": "CANTEEN", "regionCode": "%s", "address": "测试路1号",
                 "location": {"lat": %s, "lng": %s}}""".formatted(home.communityCode(), home.location().lat(), home.location().lng());
        mvc.perform(post("/api/v1/facilities").with(httpBasic("city", "demo")).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated());
        await(() -> coverage.status().incrementalUpdates() > updatesBefore);
        JsonNode after = getJson("/api/v1/coverage/uncovered?type=" + type + "&size=1", "city");
        assertThat(after.get("total").asLong()).isLessThan(before.get("total").asLong());
        // the incremental result equals a full recomputation
        CoverageReport incremental = coverage.report(CITY, null, type, true);
        coverage.recomputeAll();
        CoverageReport full = coverage.report(CITY, null, type, true);
        assertThat(incremental.children()).isEqualTo(full.children());
        assertThat(incremental.total()).isEqualTo(full.total());
    }

    @Test
    void anElderWhoMovesOutLeavesTheCount() throws Exception {
        JsonNode before = getJson("/api/v1/coverage", "city");
        long elderId = registry.search(CITY, new ElderQuery(null, null, null, "ACTIVE"), PageQuery.of(3, 1)).items().get(0).id();
        long updatesBefore = coverage.status().incrementalUpdates();
        mvc.perform(post("/api/v1/elders/" + elderId + "/status").with(httpBasic("city", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"status\": \"MOVED_OUT\", \"reason\": \"随子女迁往外地\"}"))
                .andExpect(status().isOk());
        await(() -> coverage.status().incrementalUpdates() > updatesBefore);
        JsonNode after = getJson("/api/v1/coverage", "city");
        assertThat(after.get("total").get("elders").asLong()).isEqualTo(before.get("total").get("elders").asLong() - 1);
    }

    @Test
    void aPlanChoosesSitesThatCoverUncoveredEldersWithTheirMarginalGains() throws Exception {
        String body = "{\"type\": \"DAY_CARE\", \"k\": 3}";
        String answer = mvc.perform(post("/api/v1/coverage/plans/preview").with(httpBasic("county", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        JsonNode plan = json.readTree(answer);
        assertThat(plan.get("sites")).hasSize(3);
        double sum = 0, previous = Double.MAX_VALUE;
        for (JsonNode s : plan.get("sites")) {
            double gain = s.get("marginalGain").asDouble();
            assertThat(gain).isPositive().isLessThanOrEqualTo(previous);
            previous = gain;
            sum += gain;
        }
        assertThat(plan.get("coveredWeight").asDouble()).isCloseTo(sum, org.assertj.core.api.Assertions.within(1e-6));
        JsonNode report = getJson("/api/v1/coverage?type=DAY_CARE", "county");
        assertThat(plan.get("totalElders").asLong()).isEqualTo(report.get("total").get("elders").asLong()
                - report.get("total").get("covered").asLong());
        mvc.perform(post("/api/v1/coverage/plans/preview").with(httpBasic("county", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"k\": 0}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("k"));
    }

    static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 20 s");
            }
            Thread.sleep(50);
        }
    }
}
