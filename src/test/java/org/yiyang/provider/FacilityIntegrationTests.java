package org.yiyang.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.yiyang.IntegrationTest;
import org.yiyang.region.Region;
import org.yiyang.region.RegionDirectory;
import org.yiyang.shared.DataScope;
import org.yiyang.shared.PageQuery;
import org.yiyang.shared.RegionLevel;

@IntegrationTest
class FacilityIntegrationTests {

    private static final DataScope CITY = DataScope.region("4109");

    @Autowired
    MockMvc mvc;

    @Autowired
    ProviderDirectory directory;

    @Autowired
    RegionDirectory regions;

    @Autowired
    JdbcClient jdbc;

    private Region county(int i) {
        return regions.ofLevel(RegionLevel.COUNTY).get(i);
    }

    /** The first street (街道) of the first county. */
    private Region firstStreet() {
        return regions.children(county(0).code()).stream().filter(r -> r.code().isStreet()).findFirst().orElseThrow();
    }

    private Facility someFacilityIn(Region county) {
        return directory.facilities(new FacilityQuery(null, county.code().value(), null, null, null, PageQuery.of(0, 1)), CITY)
                .items().getFirst();
    }

    private long facilities() {
        return jdbc.sql("select count(*) from facility").query(Long.class).single();
    }

    @Test
    void theDemoCityHasAboutThreeHundredFacilitiesWithOneCentrePerStreet() {
        List<Facility> all = directory.facilities(FacilityQuery.all(PageQuery.of(0, 500)), CITY).items();
        assertThat(all.size()).isBetween(250, 400);
        long streets = regions.ofLevel(RegionLevel.TOWN).stream().filter(t -> t.code().isStreet()).count();
        List<Facility> centres = all.stream().filter(f -> f.type() == FacilityType.STREET_CENTRE).toList();
        assertThat(centres.stream().map(Facility::regionCode).distinct().count()).isEqualTo(streets);
        assertThat(centres).anyMatch(Facility::belowStandard).anyMatch(f -> !f.belowStandard());
        assertThat(all).extracting(Facility::type).contains(FacilityType.values());
        assertThat(all.stream().filter(f -> f.type() == FacilityType.INSTITUTION).count()).isGreaterThanOrEqualTo(20);
        // every facility is near the centre of its community or street
        assertThat(all).allSatisfy(f -> assertThat(f.location().distanceMeters(
                regions.find(f.regionCode()).orElseThrow().centroid())).isLessThan(10_000));
    }

    @Test
    void aCountyUserSeesOnlyTheirCountysFacilities() throws Exception {
        String prefix = county(0).code().prefix();
        long cityTotal = directory.facilities(FacilityQuery.all(PageQuery.of(0, 1)), CITY).total();
        long countyTotal = directory.facilities(FacilityQuery.all(PageQuery.of(0, 1)), DataScope.region(prefix)).total();
        assertThat(countyTotal).isPositive().isLessThan(cityTotal);
        mvc.perform(get("/api/v1/facilities").param("size", "500").with(httpBasic("county", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value((int) countyTotal))
                .andExpect(jsonPath("$.items[*].regionCode", everyItem(startsWith(prefix))));
        // asking for another county's region gives nothing, not that county's facilities
        mvc.perform(get("/api/v1/facilities").param("region", county(1).code().value()).with(httpBasic("county", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(0));
    }

    @Test
    void anotherCountysFacilityIsNotFoundInTheApiAndTheConsole() throws Exception {
        Facility other = someFacilityIn(county(1));
        mvc.perform(get("/api/v1/facilities/" + other.id()).with(httpBasic("county", "demo")))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.code").value("facility.not-found"));
        mvc.perform(get("/facilities/" + other.id()).with(httpBasic("county", "demo")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/facilities/" + other.id() + "/edit").with(httpBasic("county", "demo")))
                .andExpect(status().isNotFound());
        mvc.perform(put("/api/v1/facilities/" + other.id()).with(httpBasic("county", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content(body("改名", "DAY_CARE", other.regionCode().value(),
                                other.location().lat(), other.location().lng(), 300, 12)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/facilities/" + other.id()).with(httpBasic("city", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value(other.name()))
                .andExpect(jsonPath("$.location.lat").value(other.location().lat()));
    }

    @Test
    void theProviderManagerSeesOnlyTheirOwnFacilities() throws Exception {
        long own = directory.organisations(new ProviderQuery(null, null, ProviderKind.HOME_CARE, null, PageQuery.of(0, 500)), CITY)
                .items().stream().mapToLong(ProviderOrganisation::id).min().orElseThrow();
        long expected = directory.facilities(new FacilityQuery(null, null, null, null, own, PageQuery.of(0, 1)), CITY).total();
        assertThat(expected).isPositive();
        mvc.perform(get("/api/v1/facilities").param("size", "500").with(httpBasic("provider", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value((int) expected))
                .andExpect(jsonPath("$.items[*].providerId", everyItem(is((int) own))));
        Facility notOwn = directory.facilities(FacilityQuery.all(PageQuery.of(0, 500)), CITY).items().stream()
                .filter(f -> f.providerId() == null || f.providerId() != own).findFirst().orElseThrow();
        mvc.perform(get("/api/v1/facilities/" + notOwn.id()).with(httpBasic("provider", "demo")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/facilities/" + notOwn.id()).with(httpBasic("provider", "demo")))
                .andExpect(status().isNotFound());
    }

    @Test
    void theBelowStandardFilterSplitsTheFacilities() throws Exception {
        long total = directory.facilities(FacilityQuery.all(PageQuery.of(0, 1)), CITY).total();
        PageQueryTotals below = totals(true);
        PageQueryTotals meeting = totals(false);
        assertThat(below.total()).isPositive();
        assertThat(below.total() + meeting.total()).isEqualTo(total);
        mvc.perform(get("/api/v1/facilities").param("belowStandard", "true").param("size", "500").with(httpBasic("city", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value((int) below.total()))
                .andExpect(jsonPath("$.items[*].belowStandard", everyItem(is(true))))
                .andExpect(jsonPath("$.items[0].lacks[0].message").isNotEmpty());
        mvc.perform(get("/api/v1/facilities").param("belowStandard", "false").param("size", "500").with(httpBasic("city", "demo")))
                .andExpect(jsonPath("$.items[*].belowStandard", everyItem(is(false))));
        mvc.perform(get("/api/v1/facilities").param("belowStandard", "maybe").with(httpBasic("city", "demo")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("belowStandard"));
        mvc.perform(get("/facilities").param("below", "true").param("type", "STREET_CENTRE").with(httpBasic("city", "demo")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("低于标准 1,500 m²")));
    }

    private record PageQueryTotals(long total) {
    }

    private PageQueryTotals totals(boolean below) {
        List<Facility> items = directory.facilities(new FacilityQuery(null, null, null, below, null, PageQuery.of(0, 500)), CITY).items();
        assertThat(items).allSatisfy(f -> {
            assertThat(f.belowStandard()).isEqualTo(below);
            assertThat(f.standard().shortfalls().isEmpty()).isEqualTo(!below);
        });
        return new PageQueryTotals(directory.facilities(new FacilityQuery(null, null, null, below, null, PageQuery.of(0, 1)), CITY).total());
    }

    @Test
    void aFarAwayLocationAnUnknownRegionAndBadNumbersAreFieldErrorsAndNothingIsStored() throws Exception {
        long before = facilities();
        Region street = firstStreet();
        mvc.perform(post("/api/v1/facilities").with(httpBasic("county", "demo")).contentType(MediaType.APPLICATION_JSON)
                        .content(body("北京的站", "COMMUNITY_STATION", street.code().value(), 39.9042, 116.4074, 400, null)))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.errors[0].field").value("location"))
                .andExpect(jsonPath("$.errors[0].code").value("facility.location.too-far"));
        mvc.perform(post("/api/v1/facilities").with(httpBasic("county", "demo")).contentType(MediaType.APPLICATION_JSON)
                        .content(body("无名社区的站", "COMMUNITY_STATION", "410902001999", 35.77, 115.07, 400, null)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("regionCode"))
                .andExpect(jsonPath("$.errors[0].code").value("facility.region.unknown"));
        mvc.perform(post("/api/v1/facilities").with(httpBasic("county", "demo")).contentType(MediaType.APPLICATION_JSON)
                        .content(body("邻县的站", "COMMUNITY_STATION", someFacilityIn(county(1)).regionCode().value(), 35.88, 115.10, 400, null)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].code").value("facility.region.out-of-scope"));
        mvc.perform(post("/facilities").with(httpBasic("county", "demo")).with(csrf())
                        .param("name", "表单里的站").param("type", "DAY_CARE").param("regionCode", street.code().value())
                        .param("lat", "abc").param("lng", "115.0").param("floorAreaM2", "-5").param("beds", "十"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("请输入数字")))
                .andExpect(content().string(containsString("建筑面积应大于 0")))
                .andExpect(content().string(containsString("表单里的站")));
        mvc.perform(post("/facilities").with(httpBasic("county", "demo")).with(csrf())
                        .param("name", "表单里的远站").param("type", "DAY_CARE").param("regionCode", street.code().value())
                        .param("lat", "39.9042").param("lng", "116.4074"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("超出允许的 10.0 公里")));
        assertThat(facilities()).isEqualTo(before);
    }

    @Test
    void aNewSmallStreetCentreIsBelowStandardAndSaysWhatItLacks() throws Exception {
        Region street = firstStreet();
        String location = mvc.perform(post("/api/v1/facilities").with(httpBasic("county", "demo")).contentType(MediaType.APPLICATION_JSON)
                        .content(body("测试综合养老服务中心", "STREET_CENTRE", street.code().value(),
                                street.centroid().lat() + 0.001, street.centroid().lng(), 1200, 30)))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", startsWith("/api/v1/facilities/")))
                .andExpect(jsonPath("$.belowStandard").value(true))
                .andExpect(jsonPath("$.lacks[0].measure").value("AREA"))
                .andExpect(jsonPath("$.lacks[1].measure").value("BEDS"))
                .andExpect(jsonPath("$.standard.minAreaM2").value(1500))
                .andReturn().getResponse().getHeader("Location");
        String id = location.substring(location.lastIndexOf('/') + 1);
        mvc.perform(get("/facilities/" + id).with(httpBasic("county", "demo")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("建筑面积 1,200 m²，低于标准 1,500 m²；床位 30 张，低于标准 50 张")));
        mvc.perform(get("/facilities/" + id).with(httpBasic("county", "demo")).header("Accept-Language", "en"))
                .andExpect(content().string(containsString("floor area 1,200 m², below the standard of 1,500 m²; 30 beds, below the standard of 50")));
        // enlarged, it meets the standard
        mvc.perform(put(location).with(httpBasic("county", "demo")).contentType(MediaType.APPLICATION_JSON)
                        .content(body("测试综合养老服务中心", "STREET_CENTRE", street.code().value(),
                                street.centroid().lat() + 0.001, street.centroid().lng(), 1600, 60)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.belowStandard").value(false))
                .andExpect(jsonPath("$.version").value(1));
    }

    @Test
    void aProviderManagerRegistersFacilitiesOnlyForTheirOwnOrganisation() throws Exception {
        long own = directory.organisations(new ProviderQuery(null, null, ProviderKind.HOME_CARE, null, PageQuery.of(0, 500)), CITY)
                .items().stream().mapToLong(ProviderOrganisation::id).min().orElseThrow();
        Region street = firstStreet();
        Region community = regions.children(street.code()).getFirst();
        mvc.perform(post("/api/v1/facilities").with(httpBasic("provider", "demo")).contentType(MediaType.APPLICATION_JSON)
                        .content(body("服务商自建的站", "COMMUNITY_STATION", community.code().value(),
                                community.centroid().lat(), community.centroid().lng(), 400, null)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.providerId").value(own));
        mvc.perform(post("/api/v1/facilities").with(httpBasic("provider", "demo")).contentType(MediaType.APPLICATION_JSON)
                        .content(body("给别人建的站", "COMMUNITY_STATION", community.code().value(),
                                community.centroid().lat(), community.centroid().lng(), 400, null)
                                .replace("{", "{\"providerId\": " + (own + 1) + ", ")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("providerId"));
    }

    @Test
    void theSameCreateWithTheSameIdempotencyKeyStoresOneFacility() throws Exception {
        Region community = regions.children(firstStreet().code()).get(1);
        String request = body("幂等测试助餐点", "CANTEEN", community.code().value(), community.centroid().lat(),
                community.centroid().lng(), 120, null);
        long before = facilities();
        String key = java.util.UUID.randomUUID().toString();
        String first = mvc.perform(post("/api/v1/facilities").with(httpBasic("county", "demo")).header("Idempotency-Key", key)
                        .contentType(MediaType.APPLICATION_JSON).content(request))
                .andExpect(status().isCreated()).andReturn().getResponse().getHeader("Location");
        mvc.perform(post("/api/v1/facilities").with(httpBasic("county", "demo")).header("Idempotency-Key", key)
                        .contentType(MediaType.APPLICATION_JSON).content(request))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", first));
        assertThat(facilities()).isEqualTo(before + 1);
    }

    @Test
    void theMapPageDrawsTheCountysFacilitiesWithoutATileServer() throws Exception {
        Facility own = someFacilityIn(county(0));
        Facility other = someFacilityIn(county(1));
        mvc.perform(get("/facilities").with(httpBasic("county", "demo")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"facility-map\"")))
                .andExpect(content().string(containsString("id=\"facility-map-data\"")))
                .andExpect(content().string(containsString("\"name\":\"" + own.name() + "\"")))
                .andExpect(content().string(containsString(String.format(Locale.ROOT, "\"lat\":%s", own.location().lat()))))
                .andExpect(content().string(containsString("\"legend\"")))
                .andExpect(content().string(containsString("/js/facility-map.js")))
                .andExpect(content().string(matchesPattern("(?s).*/webjars/leaflet/[0-9.]*/?dist/leaflet\\.js.*")))
                .andExpect(content().string(not(containsString("data-tile-url="))))
                .andExpect(content().string(not(containsString(other.name()))));
        mvc.perform(get("/js/facility-map.js"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("circleMarker")));
        Facility centre = directory.facilities(new FacilityQuery(null, county(0).code().value(), FacilityType.STREET_CENTRE,
                null, null, PageQuery.of(0, 1)), CITY).items().getFirst();
        mvc.perform(get("/facilities").param("type", "CANTEEN").with(httpBasic("county", "demo")))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString(centre.name()))))
                .andExpect(content().string(containsString("\"type\":\"CANTEEN\"")));
    }

    @Test
    void theBureauSetsALocalStandardThatOverridesTheDefault() throws Exception {
        Region street = firstStreet();
        String prefix = county(0).code().prefix();
        mvc.perform(get("/facilities/standards").with(httpBasic("county", "demo")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("来源文件001")))
                .andExpect(content().string(containsString("1,500 m²")));
        long belowBefore = directory.facilities(new FacilityQuery(null, prefix, FacilityType.STREET_CENTRE, true, null,
                PageQuery.of(0, 1)), CITY).total();
        assertThat(belowBefore).isPositive();
        try {
            mvc.perform(post("/facilities/standards").with(httpBasic("county", "demo")).with(csrf())
                            .param("regionPrefix", prefix).param("type", "STREET_CENTRE").param("minAreaM2", "100")
                            .param("minBeds", "1").param("source", "测试用本地规则"))
                    .andExpect(status().is3xxRedirection());
            assertThat(directory.facilities(new FacilityQuery(null, prefix, FacilityType.STREET_CENTRE, true, null,
                    PageQuery.of(0, 1)), CITY).total()).isZero();
            Facility centre = directory.facilities(new FacilityQuery(null, street.code().value(), FacilityType.STREET_CENTRE,
                    null, null, PageQuery.of(0, 1)), CITY).items().getFirst();
            assertThat(centre.standard().rule().regionPrefix()).isEqualTo(prefix);
            // another county keeps the default
            Facility elsewhere = directory.facilities(new FacilityQuery(null, county(1).code().value(), FacilityType.STREET_CENTRE,
                    null, null, PageQuery.of(0, 1)), CITY).items().getFirst();
            assertThat(elsewhere.standard().rule().regionPrefix()).isEmpty();
            // the county cannot set a rule for another county, nor can a provider set any
            mvc.perform(post("/facilities/standards").with(httpBasic("county", "demo")).with(csrf())
                            .param("regionPrefix", county(1).code().prefix()).param("type", "DAY_CARE").param("minAreaM2", "100")
                            .param("source", "越权"))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("不在您的管辖范围内")));
            mvc.perform(post("/facilities/standards").with(httpBasic("provider", "demo")).with(csrf())
                            .param("regionPrefix", prefix).param("type", "DAY_CARE").param("minAreaM2", "100").param("source", "x"))
                    .andExpect(status().isForbidden());
        } finally {
            jdbc.sql("delete from facility_standard where region_prefix <> ''").update();
        }
        assertThat(directory.facilities(new FacilityQuery(null, prefix, FacilityType.STREET_CENTRE, true, null,
                PageQuery.of(0, 1)), CITY).total()).isEqualTo(belowBefore);
    }

    private static String body(String name, String type, String region, double lat, double lng, Integer area, Integer beds) {
        return """
                {"name": "%s", "type": "%s", "regionCode": "%s", "address": "测试路8号",
                 "location": {"lat": %s, "lng": %s}, "floorAreaM2": %s, "beds": %s, "openingHours": "08:00-18:00",
                 "phone": "0393-4567890"}""".formatted(name, type, region, lat, lng, area, beds);
    }
}
