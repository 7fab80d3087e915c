package org.yiyang.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.yiyang.IntegrationTest;
import org.yiyang.elder.ElderRecord;
import org.yiyang.elder.ElderRegistry;
import org.yiyang.region.Region;
import org.yiyang.region.RegionDirectory;
import org.yiyang.shared.DataScope;
import org.yiyang.shared.GeoPoint;
import org.yiyang.shared.PageQuery;
import org.yiyang.shared.RegionCode;
import org.yiyang.shared.RegionLevel;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Candidate sites and saved site plans through the API and the console: scope (another county's
 * site or plan is 404), bad input stores nothing, a saved plan is the selector's answer, compare,
 * and the exported files opened and read.
 */
@IntegrationTest
class SitePlanningIntegrationTests {

    static final String TYPE = "DAY_CARE";

    @Autowired
    MockMvc mvc;
    @Autowired
    JsonMapper json;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    RegionDirectory regions;
    @Autowired
    ElderRegistry registry;
    @Autowired
    PlanningData planning;
    @Autowired
    SiteSelector selector;
    @Autowired
    CandidateSites candidateSites;

    String countyPrefix;
    Region county;
    Region otherCounty;

    @BeforeEach
    void regions() {
        countyPrefix = jdbc.sql("select scope_region from app_user where username = 'county'").query(String.class).single().trim();
        county = regions.find(RegionCode.of((countyPrefix + "000000000000").substring(0, 12))).orElseThrow();
        otherCounty = regions.ofLevel(RegionLevel.COUNTY).stream().filter(r -> !r.code().equals(county.code())).findFirst().orElseThrow();
    }

    // ---- helpers ----

    JsonNode read(MockHttpServletResponse r) throws Exception {
        return json.readTree(r.getContentAsString(StandardCharsets.UTF_8));
    }

    MockHttpServletResponse send(String method, String url, String user, Object body) throws Exception {
        var request = switch (method) {
            case "POST" -> post(url);
            case "PUT" -> put(url);
            default -> throw new IllegalArgumentException(method);
        };
        return mvc.perform(request.with(httpBasic(user, "demo")).contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(body))).andReturn().getResponse();
    }

    MockHttpServletResponse getAs(String url, String user) throws Exception {
        return mvc.perform(get(url).with(httpBasic(user, "demo"))).andReturn().getResponse();
    }

    static Map<String, Object> site(String name, Region community, double lat, double lng) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("address", name + "路1号");
        m.put("location", Map.of("lat", lat, "lng", lng));
        m.put("regionCode", community.code().value());
        return m;
    }

    Region communityOf(Region r) {
        Region c = r;
        while (c.level() != RegionLevel.COMMUNITY) {
            c = regions.children(c.code()).stream().filter(x -> x.centroid() != null).findFirst().orElseThrow();
        }
        return c;
    }

    long createSite(String user, Map<String, Object> body) throws Exception {
        MockHttpServletResponse r = send("POST", "/api/v1/coverage/candidate-sites", user, body);
        assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(201);
        return read(r).get("id").asLong();
    }

    long sites() {
        return jdbc.sql("select count(*) from coverage_candidate_site").query(Long.class).single();
    }

    long plans() {
        return jdbc.sql("select count(*) from coverage_site_plan").query(Long.class).single();
    }

    /** Lists candidate sites at the homes of uncovered elders of one town of the county; answers the town. */
    Region townWithSitesAtUncoveredHomes(int count) throws Exception {
        return townWithSitesAtUncoveredHomes(count, "测试候选点");
    }

    Region townWithSitesAtUncoveredHomes(int count, String name) throws Exception {
        JsonNode page = read(getAs("/api/v1/coverage/uncovered?type=" + TYPE + "&size=200", "county"));
        Map<String, List<Long>> byTown = new LinkedHashMap<>();
        for (JsonNode e : page.get("items")) {
            String town = e.get("regionCode").asText().substring(0, 9) + "000";
            byTown.computeIfAbsent(town, k -> new ArrayList<>()).add(e.get("elderId").asLong());
        }
        Map.Entry<String, List<Long>> best = byTown.entrySet().stream().max(Map.Entry.comparingByValue(
                java.util.Comparator.comparingInt(List::size))).orElseThrow();
        Region town = regions.find(RegionCode.of(best.getKey())).orElseThrow();
        int made = 0;
        for (long elderId : best.getValue()) {
            if (made == count) break;
            ElderRecord elder = registry.find(DataScope.region(countyPrefix), elderId);
            GeoPoint home = elder.primaryAddress().location();
            Region community = regions.find(RegionCode.of(elder.primaryAddress().communityCode())).orElseThrow();
            createSite("county", site(name + elderId, community, home.lat(), home.lng()));
            made++;
        }
        return town;
    }

    @Test
    void theApiDocumentDescribesCandidateSitesAndPlans() throws Exception {
        JsonNode doc = json.readTree(mvc.perform(get("/v3/api-docs")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsByteArray());
        JsonNode paths = doc.get("paths");
        for (String path : List.of("/api/v1/coverage/candidate-sites", "/api/v1/coverage/candidate-sites/{id}",
                "/api/v1/coverage/candidate-sites/import", "/api/v1/coverage/plans", "/api/v1/coverage/plans/{id}",
                "/api/v1/coverage/plans/compare", "/api/v1/coverage/plans/{id}/export", "/api/v1/coverage/plans/preview")) {
            assertThat(paths.has(path)).as(path).isTrue();
        }
        JsonNode schemas = doc.get("components").get("schemas");
        for (String schema : List.of("SitingPlan", "SitingPlanSite", "SitingPlanTotals", "PlanComparison", "CandidateSiteListing",
                "CandidateSiteInput", "SitingPlanRequest", "SitePlan")) {
            assertThat(schemas.has(schema)).as(schema).isTrue();
        }
        assertThat(schemas.get("SitingPlanTotals").get("properties").has("gain")).isTrue();
    }

    // ---- candidate sites ----

    @Test
    void aSupervisorListsChangesAndRemovesACandidateSite() throws Exception {
        Region community = communityOf(county);
        GeoPoint c = community.centroid();
        long id = createSite("county", site("原幸福小学", community, c.lat(), c.lng()));
        JsonNode got = read(getAs("/api/v1/coverage/candidate-sites/" + id, "county"));
        assertThat(got.get("name").asText()).isEqualTo("原幸福小学");
        assertThat(got.get("regionName").asText()).isEqualTo(community.name());
        assertThat(got.get("location").get("lat").asDouble()).isEqualTo(c.lat());
        int version = got.get("version").asInt();

        // a retry with the same Idempotency-Key lists nothing twice
        long count = sites();
        String key = java.util.UUID.randomUUID().toString();
        String body = json.writeValueAsString(site("重试的候选点", community, c.lat(), c.lng()));
        String first = mvc.perform(post("/api/v1/coverage/candidate-sites").with(httpBasic("county", "demo")).header("Idempotency-Key", key)
                .contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String again = mvc.perform(post("/api/v1/coverage/candidate-sites").with(httpBasic("county", "demo")).header("Idempotency-Key", key)
                .contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        assertThat(again).isEqualTo(first);
        assertThat(sites()).isEqualTo(count + 1);

        JsonNode list = read(getAs("/api/v1/coverage/candidate-sites?q=幸福小学&size=500", "county"));
        assertThat(list.get("items").findValuesAsString("name")).contains("原幸福小学");

        Map<String, Object> change = site("原幸福小学（改）", community, c.lat(), c.lng());
        change.put("capacity", 30);
        change.put("floorAreaM2", 420.5);
        change.put("version", version);
        MockHttpServletResponse updated = send("PUT", "/api/v1/coverage/candidate-sites/" + id, "county", change);
        assertThat(updated.getStatus()).as(updated.getContentAsString()).isEqualTo(200);
        assertThat(read(updated).get("capacity").asInt()).isEqualTo(30);
        assertThat(read(updated).get("floorAreaM2").decimalValue()).isEqualByComparingTo("420.5");
        assertThat(read(updated).get("version").asInt()).isEqualTo(version + 1);
        // the same change on the old version: someone else changed it meanwhile
        MockHttpServletResponse stale = send("PUT", "/api/v1/coverage/candidate-sites/" + id, "county", change);
        assertThat(stale.getStatus()).isEqualTo(409);
        assertThat(read(stale).get("code").asText()).isEqualTo("coverage.site.stale");

        mvc.perform(delete("/api/v1/coverage/candidate-sites/" + id).with(httpBasic("county", "demo"))).andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/coverage/candidate-sites/" + id).with(httpBasic("county", "demo")))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("coverage.site.not-found"));
    }

    @Test
    void aCountySupervisorNeitherSeesNorChangesAnotherCountysSite() throws Exception {
        Region elsewhere = communityOf(otherCounty);
        long id = createSite("city", site("别县候选点", elsewhere, elsewhere.centroid().lat(), elsewhere.centroid().lng()));
        assertThat(getAs("/api/v1/coverage/candidate-sites/" + id, "city").getStatus()).isEqualTo(200);

        assertThat(getAs("/api/v1/coverage/candidate-sites/" + id, "county").getStatus()).isEqualTo(404);
        Map<String, Object> change = site("改名", elsewhere, elsewhere.centroid().lat(), elsewhere.centroid().lng());
        assertThat(send("PUT", "/api/v1/coverage/candidate-sites/" + id, "county", change).getStatus()).isEqualTo(404);
        assertThat(mvc.perform(delete("/api/v1/coverage/candidate-sites/" + id).with(httpBasic("county", "demo")))
                .andReturn().getResponse().getStatus()).isEqualTo(404);
        JsonNode list = read(getAs("/api/v1/coverage/candidate-sites?size=500", "county"));
        for (JsonNode s : list.get("items")) {
            assertThat(s.get("regionCode").asText()).startsWith(countyPrefix);
        }
        // nor list a site there
        long before = sites();
        MockHttpServletResponse r = send("POST", "/api/v1/coverage/candidate-sites", "county", change);
        assertThat(r.getStatus()).isEqualTo(400);
        assertThat(read(r).get("errors").findValuesAsString("field")).contains("regionCode");
        assertThat(sites()).isEqualTo(before);
        assertThat(jdbc.sql("select name from coverage_candidate_site where id = ?").param(id).query(String.class).single())
                .isEqualTo("别县候选点");
        // the console says the same
        assertThat(mvc.perform(get("/coverage/sites/" + id + "/edit").with(httpBasic("county", "demo")))
                .andReturn().getResponse().getStatus()).isEqualTo(404);
    }

    @Test
    void badSiteInputIsAFieldErrorAndStoresNothing() throws Exception {
        Region community = communityOf(county);
        long before = sites();
        Map<String, Object> bad = new LinkedHashMap<>();
        bad.put("name", " ");
        bad.put("address", "x".repeat(201));
        bad.put("location", Map.of("lat", community.centroid().lng(), "lng", community.centroid().lat()));
        bad.put("regionCode", community.code().value());
        bad.put("capacity", 0);
        MockHttpServletResponse r = send("POST", "/api/v1/coverage/candidate-sites", "county", bad);
        assertThat(r.getStatus()).isEqualTo(400);
        assertThat(r.getContentType()).startsWith("application/problem+json");
        assertThat(read(r).get("errors").findValuesAsString("field")).contains("name", "address", "capacity");
        // latitude and longitude swapped: lat = 115 is no latitude at all
        assertThat(read(r).get("errors").findValuesAsString("field")).contains("location");

        Map<String, Object> far = site("远处", community, community.centroid().lat() + 3, community.centroid().lng());
        MockHttpServletResponse f = send("POST", "/api/v1/coverage/candidate-sites", "county", far);
        assertThat(f.getStatus()).isEqualTo(400);
        assertThat(read(f).get("errors").get(0).get("code").asText()).isEqualTo("coverage.site.location.far");
        assertThat(sites()).isEqualTo(before);

        // an operator reads but may not list sites
        assertThat(getAs("/api/v1/coverage/candidate-sites", "operator").getStatus()).isEqualTo(200);
        Map<String, Object> good = site("坐席试图新增", community, community.centroid().lat(), community.centroid().lng());
        assertThat(send("POST", "/api/v1/coverage/candidate-sites", "operator", good).getStatus()).isEqualTo(403);
        assertThat(sites()).isEqualTo(before);
    }

    @Test
    void aCsvImportStoresEveryLineOrNone() throws Exception {
        List<Region> communities = regions.ofLevel(RegionLevel.COMMUNITY).stream()
                .filter(r -> r.code().value().startsWith(countyPrefix) && r.centroid() != null).limit(3).toList();
        Region a = communities.get(0), b = communities.get(1);
        String good = "\uFEFFname,address,lat,lng,region,note\r\n"
                + "导入点甲,\"幸福路1号,二楼\"," + a.centroid().lat() + "," + a.centroid().lng() + "," + a.code().value() + ",空置\r\n"
                + "\r\n"
                + "导入点乙,和平路2号," + b.centroid().lat() + "," + b.centroid().lng() + "," + b.code().value() + "\n";
        long before = sites();
        MockHttpServletResponse ok = mvc.perform(multipart("/api/v1/coverage/candidate-sites/import")
                .file(new MockMultipartFile("file", "sites.csv", "text/csv", good.getBytes(StandardCharsets.UTF_8)))
                .with(httpBasic("county", "demo"))).andReturn().getResponse();
        assertThat(ok.getStatus()).as(ok.getContentAsString()).isEqualTo(201);
        assertThat(read(ok).get("stored").asInt()).isEqualTo(2);
        assertThat(sites()).isEqualTo(before + 2);
        assertThat(jdbc.sql("select address from coverage_candidate_site where name = '导入点甲' order by id desc limit 1")
                .query(String.class).single()).isEqualTo("幸福路1号,二楼");

        // Excel's Chinese CSV is GB18030, without a header
        String gbk = "导入点丙,文化路3号," + a.centroid().lat() + "," + a.centroid().lng() + "," + a.code().value() + "\r\n";
        MockHttpServletResponse fromExcel = mvc.perform(post("/api/v1/coverage/candidate-sites/import").with(httpBasic("county", "demo"))
                .contentType("text/csv").content(gbk.getBytes(Charset.forName("GB18030")))).andReturn().getResponse();
        assertThat(fromExcel.getStatus()).as(fromExcel.getContentAsString()).isEqualTo(201);
        assertThat(jdbc.sql("select count(*) from coverage_candidate_site where name = '导入点丙'").query(Long.class).single()).isEqualTo(1);

        // one bad line among good ones: nothing stored, each problem named by line and column
        String other = communityOf(otherCounty).code().value();
        String bad = "名称,地址,纬度,经度,区划\n"
                + "好的一行,好路1号," + a.centroid().lat() + "," + a.centroid().lng() + "," + a.code().value() + "\n"
                + "坏纬度,坏路2号,北纬35度," + a.centroid().lng() + "," + a.code().value() + "\n"
                + "别县,别路3号," + a.centroid().lat() + "," + a.centroid().lng() + "," + other + "\n"
                + "少列,少路4号\n"
                + "好的一行,好路1号," + a.centroid().lat() + "," + a.centroid().lng() + "," + a.code().value() + "\n";
        long middle = sites();
        MockHttpServletResponse rejected = mvc.perform(multipart("/api/v1/coverage/candidate-sites/import")
                .file(new MockMultipartFile("file", "sites.csv", "text/csv", bad.getBytes(StandardCharsets.UTF_8)))
                .with(httpBasic("county", "demo"))).andReturn().getResponse();
        assertThat(rejected.getStatus()).isEqualTo(400);
        List<String> fields = read(rejected).get("errors").findValuesAsString("field");
        assertThat(fields).containsExactly("lines[3].lat", "lines[4].region", "lines[5].line", "lines[6].line");
        assertThat(sites()).isEqualTo(middle);

        // the console shows the same problems and stores nothing either
        String page = mvc.perform(multipart("/coverage/sites/import")
                        .file(new MockMultipartFile("file", "sites.csv", "text/csv", bad.getBytes(StandardCharsets.UTF_8)))
                        .with(httpBasic("county", "demo")).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("id=\"import-rejected\"").contains("与第 2 行重复").contains("请输入数字");
        assertThat(sites()).isEqualTo(middle);
    }

    // ---- plans ----

    @Test
    void aSavedPlanIsWhatTheSelectorChoseWithItsMarginalGains() throws Exception {
        Region town = townWithSitesAtUncoveredHomes(6);
        long before = plans();
        Map<String, Object> body = Map.of("region", town.code().value(), "type", TYPE, "k", 3, "source", "LISTED", "title", "测试方案");
        MockHttpServletResponse created = send("POST", "/api/v1/coverage/plans", "county", body);
        assertThat(created.getStatus()).as(created.getContentAsString()).isEqualTo(201);
        assertThat(created.getHeader("Location")).startsWith("/api/v1/coverage/plans/");
        assertThat(plans()).isEqualTo(before + 1);
        JsonNode plan = read(created);
        long id = plan.get("id").asLong();
        assertThat(read(getAs("/api/v1/coverage/plans/" + id, "county"))).isEqualTo(plan);

        // the same instance, asked again: the listed sites of the town, in id order
        List<CandidateSite> listed = new ArrayList<>();
        for (int p = 0; ; p++) {
            var chunk = candidateSites.search(DataScope.region(countyPrefix), null, town.code().value(), PageQuery.of(p, 500));
            chunk.items().forEach(s -> listed.add(new CandidateSite("site:" + s.id(), s.name(), s.location())));
            if (!chunk.hasNext()) break;
        }
        listed.sort(java.util.Comparator.comparingLong(s -> Long.parseLong(s.id().substring(5))));
        PlanningInstance instance = planning.instance(DataScope.region(countyPrefix), town.code().value(), TYPE, listed);
        assertThat(plan.get("candidates").asInt()).isEqualTo(listed.size());

        JsonNode sites = plan.get("sites");
        assertThat(sites.size()).isBetween(1, 3);
        Map<String, Integer> index = new HashMap<>();
        for (int j = 0; j < listed.size(); j++) index.put(listed.get(j).id(), j);
        boolean[] covered = new boolean[instance.demand().size()];
        double total = 0;
        int rank = 0;
        for (JsonNode s : sites) {
            assertThat(s.get("rank").asInt()).isEqualTo(++rank);
            int j = index.get(s.get("key").asText());
            assertThat(s.get("candidateSiteId").asLong()).isEqualTo(Long.parseLong(listed.get(j).id().substring(5)));
            assertThat(s.get("name").asText()).isEqualTo(listed.get(j).name());
            double gain = 0;
            int newly = 0;
            for (int i : instance.covers()[j]) {
                if (!covered[i]) {
                    covered[i] = true;
                    gain += instance.demand().get(i).weight();
                    newly++;
                }
            }
            assertThat(s.get("marginalGain").asDouble()).isCloseTo(gain, within(1e-9)).isPositive();
            assertThat(s.get("newlyCovered").asInt()).isEqualTo(newly);
            total += gain;
        }
        // as much as the selector covers on the same instance (small enough to be solved exactly)
        SitePlan again = selector.select(instance, 3);
        assertThat(total).isCloseTo(again.coveredWeight(), within(1e-6));

        JsonNode t = plan.get("totals");
        assertThat(t.get("elders").asLong()).isEqualTo(instance.regionElders());
        assertThat(t.get("coveredBefore").asLong()).isEqualTo(instance.coveredElders());
        long newlyCovered = 0;
        for (JsonNode s : sites) newlyCovered += s.get("newlyCovered").asLong();
        assertThat(t.get("coveredAfter").asLong()).isEqualTo(instance.coveredElders() + newlyCovered);
        assertThat(t.get("coveredWeightAfter").asDouble() - t.get("coveredWeightBefore").asDouble()).isCloseTo(total, within(1e-6));
        assertThat(t.get("gain").asDouble()).isCloseTo(total, within(1e-6));
        assertThat(t.get("newlyCovered").asLong()).isEqualTo(newlyCovered);
        assertThat(t.get("shareAfter").asDouble()).isCloseTo((double) t.get("coveredAfter").asLong() / t.get("elders").asLong(), within(1e-12));
        assertThat(t.get("shareAfter").asDouble()).isGreaterThan(t.get("shareBefore").asDouble());
        JsonNode report = read(getAs("/api/v1/coverage?type=" + TYPE + "&region=" + town.code().value(), "county"));
        assertThat(t.get("coveredBefore").asLong()).isEqualTo(report.get("total").get("covered").asLong());
        assertThat(plan.get("title").asText()).isEqualTo("测试方案");
        assertThat(plan.get("source").asText()).isEqualTo("LISTED");
        assertThat(plan.get("createdBy").asText()).isEqualTo("county");

        // listed in the county's plans; gone once deleted
        JsonNode list = read(getAs("/api/v1/coverage/plans?size=500", "county"));
        assertThat(list.get("items").findValuesAsString("id")).contains(String.valueOf(id));
        mvc.perform(delete("/api/v1/coverage/plans/" + id).with(httpBasic("county", "demo"))).andExpect(status().isNoContent());
        assertThat(getAs("/api/v1/coverage/plans/" + id, "county").getStatus()).isEqualTo(404);
        assertThat(jdbc.sql("select count(*) from coverage_site_plan_site where plan_id = ?").param(id).query(Long.class).single()).isZero();
    }

    @Test
    void aGridPlanChoosesCellsAndNamesTheCommunityNearEach() throws Exception {
        Region town = regions.children(county.code()).getFirst();
        MockHttpServletResponse created = send("POST", "/api/v1/coverage/plans", "county",
                Map.of("region", town.code().value(), "type", TYPE, "k", 2, "source", "GRID"));
        assertThat(created.getStatus()).as(created.getContentAsString()).isEqualTo(201);
        JsonNode plan = read(created);
        assertThat(plan.get("title").asText()).contains(town.name()).contains("日间照料");
        assertThat(plan.get("sites").size()).isEqualTo(2);
        for (JsonNode s : plan.get("sites")) {
            assertThat(s.get("key").asText()).startsWith("h3:");
            assertThat(s.has("candidateSiteId") && !s.get("candidateSiteId").isNull()).isFalse();
            assertThat(s.get("regionCode").asText()).startsWith(town.code().prefix());
            assertThat(s.get("regionName").asText()).isNotBlank();
        }
        assertThat(plan.get("sites").get(0).get("marginalGain").asDouble())
                .isGreaterThanOrEqualTo(plan.get("sites").get(1).get("marginalGain").asDouble());
    }

    @Test
    void badPlanInputIsAFieldErrorAndStoresNothing() throws Exception {
        long before = plans();
        for (Map<String, Object> bad : List.<Map<String, Object>>of(
                Map.of("type", TYPE, "k", 0), Map.of("type", TYPE, "k", 201), Map.of("type", "PALACE", "k", 2),
                Map.of("type", TYPE, "k", 2, "source", "EVERYWHERE"), Map.of("type", TYPE),
                Map.of("type", TYPE, "k", 2, "title", "长".repeat(101)))) {
            MockHttpServletResponse r = send("POST", "/api/v1/coverage/plans", "county", bad);
            assertThat(r.getStatus()).as(bad.toString()).isEqualTo(400);
            assertThat(r.getContentType()).startsWith("application/problem+json");
            String field = read(r).get("errors").get(0).get("field").asText();
            assertThat(field).isIn("k", "type", "source", "title");
        }
        // several at once: every field error together
        MockHttpServletResponse all = send("POST", "/api/v1/coverage/plans", "county", Map.of("type", "PALACE", "k", -1, "source", "X"));
        assertThat(read(all).get("errors").findValuesAsString("field")).containsExactlyInAnyOrder("k", "type", "source");
        // a region without listed sites: say so (the grid would do)
        Region empty = regions.ofLevel(RegionLevel.COMMUNITY).stream().filter(r -> r.code().value().startsWith(countyPrefix))
                .filter(r -> candidateSites.search(DataScope.region(countyPrefix), null, r.code().value(), PageQuery.of(0, 1)).total() == 0)
                .findFirst().orElseThrow();
        MockHttpServletResponse none = send("POST", "/api/v1/coverage/plans", "county",
                Map.of("region", empty.code().value(), "type", TYPE, "k", 2, "source", "LISTED"));
        assertThat(none.getStatus()).isEqualTo(422);
        assertThat(read(none).get("code").asText()).isEqualTo("coverage.plan.no-listed-sites");
        // another county's region, and people who may not plan
        assertThat(send("POST", "/api/v1/coverage/plans", "county",
                Map.of("region", otherCounty.code().value(), "type", TYPE, "k", 2, "source", "GRID")).getStatus()).isEqualTo(404);
        assertThat(send("POST", "/api/v1/coverage/plans", "operator", Map.of("type", TYPE, "k", 2, "source", "GRID")).getStatus())
                .isEqualTo(403);
        assertThat(plans()).isEqualTo(before);

        // the console form marks the field
        String page = mvc.perform(post("/coverage/plans").with(httpBasic("county", "demo")).with(csrf())
                        .param("region", county.code().value()).param("type", TYPE).param("k", "0").param("source", "GRID"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("has-error").contains("新建设施数量应在 1 到 200 之间");
        assertThat(plans()).isEqualTo(before);
    }

    @Test
    void plansComparedSideBySideShowTheSitesTheyShare() throws Exception {
        Region town = townWithSitesAtUncoveredHomes(5);
        List<Long> ids = new ArrayList<>();
        for (int k : new int[] {2, 3, 4}) {
            MockHttpServletResponse r = send("POST", "/api/v1/coverage/plans", "county",
                    Map.of("region", town.code().value(), "type", TYPE, "k", k, "source", "LISTED"));
            assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(201);
            ids.add(read(r).get("id").asLong());
        }
        String list = ids.stream().map(String::valueOf).collect(Collectors.joining(","));
        JsonNode c = read(getAs("/api/v1/coverage/plans/compare?ids=" + list, "county"));
        assertThat(c.get("plans").findValuesAsString("id")).containsExactly(ids.stream().map(String::valueOf).toArray(String[]::new));

        // every site of every plan, with its rank in each plan, exactly once
        List<Map<String, Integer>> ranks = new ArrayList<>();
        for (long id : ids) {
            Map<String, Integer> m = new HashMap<>();
            for (JsonNode s : read(getAs("/api/v1/coverage/plans/" + id, "county")).get("sites")) {
                m.put(s.get("key").asText(), s.get("rank").asInt());
            }
            ranks.add(m);
        }
        Set<String> all = new HashSet<>();
        ranks.forEach(m -> all.addAll(m.keySet()));
        assertThat(c.get("sites").findValuesAsString("key")).containsExactlyInAnyOrderElementsOf(all);
        long shared = 0;
        for (JsonNode s : c.get("sites")) {
            String key = s.get("key").asText();
            int chosenBy = 0;
            for (int p = 0; p < ids.size(); p++) {
                JsonNode r = s.get("ranks").get(p);
                if (ranks.get(p).containsKey(key)) {
                    assertThat(r.asInt()).isEqualTo(ranks.get(p).get(key));
                    chosenBy++;
                } else {
                    assertThat(r.isNull()).isTrue();
                }
            }
            if (chosenBy >= 2) shared++;
            assertThat(s.get("chosenBy").asInt()).isEqualTo(chosenBy);
            assertThat(s.get("shared").asBoolean()).isEqualTo(chosenBy >= 2);
        }
        assertThat(c.get("sharedSites").asLong()).isEqualTo(shared);
        // 2, 3 and 4 sites among the same few candidates: some are bound to be shared
        assertThat(shared).isPositive();
        String page = mvc.perform(get("/coverage/plans/compare?ids=" + ids.get(0) + "&ids=" + ids.get(1) + "&ids=" + ids.get(2))
                        .with(httpBasic("county", "demo")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("id=\"compare-sites\"").contains("共同选中");
        assertThat(page.split("<tr class=\"shared\"", -1).length - 1).isEqualTo((int) shared);

        // one plan, five, the same twice: not a comparison
        for (String bad : List.of(String.valueOf(ids.get(0)), "1,2,3,4,5", ids.get(0) + "," + ids.get(0))) {
            MockHttpServletResponse r = getAs("/api/v1/coverage/plans/compare?ids=" + bad, "county");
            assertThat(r.getStatus()).as(bad).isEqualTo(400);
        }
        // with another county's plan: 404, as if it did not exist
        Region elsewhere = regions.children(otherCounty.code()).getFirst();
        MockHttpServletResponse theirs = send("POST", "/api/v1/coverage/plans", "city",
                Map.of("region", elsewhere.code().value(), "type", TYPE, "k", 1, "source", "GRID"));
        assertThat(theirs.getStatus()).as(theirs.getContentAsString()).isEqualTo(201);
        long theirId = read(theirs).get("id").asLong();
        assertThat(getAs("/api/v1/coverage/plans/compare?ids=" + ids.get(0) + "," + theirId, "county").getStatus()).isEqualTo(404);
        assertThat(getAs("/api/v1/coverage/plans/compare?ids=" + ids.get(0) + "," + theirId, "city").getStatus()).isEqualTo(200);
        assertThat(getAs("/api/v1/coverage/plans/" + theirId, "county").getStatus()).isEqualTo(404);
        assertThat(getAs("/api/v1/coverage/plans/" + theirId + "/export?format=csv", "county").getStatus()).isEqualTo(404);
        assertThat(getAs("/coverage/plans/" + theirId, "county").getStatus()).isEqualTo(404);
        assertThat(mvc.perform(delete("/api/v1/coverage/plans/" + theirId).with(httpBasic("county", "demo")))
                .andReturn().getResponse().getStatus()).isEqualTo(404);
        JsonNode countyList = read(getAs("/api/v1/coverage/plans?size=500", "county"));
        assertThat(countyList.get("items").findValuesAsString("id")).doesNotContain(String.valueOf(theirId));
        for (JsonNode p : countyList.get("items")) {
            assertThat(p.get("regionCode").asText()).startsWith(countyPrefix);
        }
    }

    @Test
    void exportsAreFilesWithTheChosenSites() throws Exception {
        Region town = townWithSitesAtUncoveredHomes(4);
        JsonNode plan = read(send("POST", "/api/v1/coverage/plans", "county",
                Map.of("region", town.code().value(), "type", TYPE, "k", 3, "source", "LISTED", "title", "导出,测试/方案")));
        long id = plan.get("id").asLong();
        JsonNode sites = plan.get("sites");
        assertThat(sites.size()).isPositive();

        // CSV: UTF-8 with BOM, a heading line and one line per site
        MockHttpServletResponse csv = mvc.perform(get("/api/v1/coverage/plans/" + id + "/export?format=csv")
                .with(httpBasic("county", "demo")).header("Accept-Language", "zh-CN")).andReturn().getResponse();
        assertThat(csv.getStatus()).isEqualTo(200);
        assertThat(csv.getContentType()).startsWith("text/csv");
        assertThat(csv.getHeader("Content-Disposition")).startsWith("attachment;").contains("filename=\"site-plan-" + id + ".csv\"")
                .contains("filename*=UTF-8''" + java.net.URLEncoder.encode("导出,测试_方案.csv", StandardCharsets.UTF_8).replace("+", "%20"));
        byte[] bytes = csv.getContentAsByteArray();
        assertThat(bytes[0] & 0xff).isEqualTo(0xEF);
        assertThat(bytes[1] & 0xff).isEqualTo(0xBB);
        assertThat(bytes[2] & 0xff).isEqualTo(0xBF);
        String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        String[] lines = text.split("\r\n");
        assertThat(lines).hasSize(sites.size() + 1);
        assertThat(lines[0]).startsWith("顺序,编号,名称,地址,所在社区/村,纬度,经度,边际收益（加权）");
        for (int i = 0; i < sites.size(); i++) {
            JsonNode s = sites.get(i);
            String[] cells = lines[i + 1].split(",");
            assertThat(cells[0]).isEqualTo(String.valueOf(i + 1));
            assertThat(cells[1]).isEqualTo(s.get("key").asText());
            assertThat(cells[2]).isEqualTo(s.get("name").asText());
            assertThat(Double.parseDouble(cells[5])).isCloseTo(s.get("location").get("lat").asDouble(), within(1e-6));
            assertThat(Double.parseDouble(cells[7])).isCloseTo(s.get("marginalGain").asDouble(), within(0.01));
            assertThat(Integer.parseInt(cells[8])).isEqualTo(s.get("newlyCovered").asInt());
        }

        // XLSX: the plan on one sheet, its sites on the other
        MockHttpServletResponse xlsx = mvc.perform(get("/api/v1/coverage/plans/" + id + "/export?format=xlsx")
                .with(httpBasic("county", "demo")).header("Accept-Language", "en")).andReturn().getResponse();
        assertThat(xlsx.getContentType()).isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(xlsx.getHeader("Content-Disposition")).contains(".xlsx");
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx.getContentAsByteArray()))) {
            List<Sheet> sheets = wb.getSheets().toList();
            assertThat(sheets).extracting(Sheet::getName).containsExactly("Plan", "Sites");
            Map<String, String> facts = new HashMap<>();
            for (Row r : sheets.get(0).read()) {
                facts.put(r.getCellText(0), r.getCellText(1));
            }
            assertThat(facts.get("Plan title")).isEqualTo("导出,测试/方案");
            assertThat(Long.parseLong(facts.get("Covered after"))).isEqualTo(plan.get("totals").get("coveredAfter").asLong());
            List<Row> rows = sheets.get(1).read();
            assertThat(rows).hasSize(sites.size() + 1);
            assertThat(rows.get(0).getCellText(7)).isEqualTo("Marginal gain (weighted)");
            for (int i = 0; i < sites.size(); i++) {
                Row r = rows.get(i + 1);
                assertThat(r.getCellAsNumber(0).orElseThrow().intValue()).isEqualTo(i + 1);
                assertThat(r.getCellText(2)).isEqualTo(sites.get(i).get("name").asText());
                assertThat(r.getCellAsNumber(8).orElseThrow().intValue()).isEqualTo(sites.get(i).get("newlyCovered").asInt());
            }
        }

        // GeoJSON: points at [lng, lat]
        MockHttpServletResponse geo = getAs("/api/v1/coverage/plans/" + id + "/export?format=geojson", "county");
        assertThat(geo.getContentType()).startsWith("application/geo+json");
        JsonNode fc = json.readTree(geo.getContentAsByteArray());
        assertThat(fc.get("type").asText()).isEqualTo("FeatureCollection");
        assertThat(fc.get("features").size()).isEqualTo(sites.size());
        for (int i = 0; i < sites.size(); i++) {
            JsonNode f = fc.get("features").get(i);
            assertThat(f.get("geometry").get("type").asText()).isEqualTo("Point");
            assertThat(f.get("geometry").get("coordinates").get(0).asDouble()).isEqualTo(sites.get(i).get("location").get("lng").asDouble());
            assertThat(f.get("geometry").get("coordinates").get(1).asDouble()).isEqualTo(sites.get(i).get("location").get("lat").asDouble());
            assertThat(f.get("properties").get("rank").asInt()).isEqualTo(i + 1);
        }
        assertThat(getAs("/api/v1/coverage/plans/" + id + "/export?format=pdf", "county").getStatus()).isEqualTo(400);
        // the console's download is the same file
        MockHttpServletResponse console = mvc.perform(get("/coverage/plans/" + id + "/export?format=csv")
                .with(httpBasic("county", "demo")).header("Accept-Language", "zh-CN")).andReturn().getResponse();
        assertThat(console.getContentAsByteArray()).isEqualTo(bytes);
    }

    @Test
    void namesWithMarkupAreShownAsTextOnThePages() throws Exception {
        String script = "<script>alert(1)</script>";
        Region town = townWithSitesAtUncoveredHomes(2, "楼" + script);
        long evil = jdbc.sql("select max(id) from coverage_candidate_site where name like '楼<script>%'").query(Long.class).single();
        MockHttpServletResponse r = send("POST", "/api/v1/coverage/plans", "county",
                Map.of("region", town.code().value(), "type", TYPE, "k", 5, "source", "LISTED", "title", "方案" + script));
        assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(201);
        long id = read(r).get("id").asLong();
        for (String url : List.of("/coverage/sites?region=" + town.code().value(), "/coverage/sites/" + evil + "/edit",
                "/coverage/plans", "/coverage/plans/" + id)) {
            String html = mvc.perform(get(url).with(httpBasic("county", "demo"))).andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
            assertThat(html).as(url).doesNotContain(script).contains("&lt;script&gt;");
        }
        // on the plan page the map data carries the names escaped for the script element
        String plan = mvc.perform(get("/coverage/plans/" + id).with(httpBasic("county", "demo")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(plan).contains("id=\"plan-map\"").contains("\\u003cscript\\u003e");
    }
}
