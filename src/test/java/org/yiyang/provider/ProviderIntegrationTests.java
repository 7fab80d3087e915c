package org.yiyang.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
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
import org.yiyang.shared.UnifiedSocialCreditCode;

@IntegrationTest
class ProviderIntegrationTests {

    private static final AtomicLong SERIAL = new AtomicLong(1_000_000);
    private static final DataScope CITY = DataScope.region("4109");

    @Autowired
    MockMvc mvc;

    @Autowired
    ProviderDirectory directory;

    @Autowired
    RegionDirectory regions;

    @Autowired
    JdbcClient jdbc;

    private Region firstCounty() {
        return regions.ofLevel(RegionLevel.COUNTY).getFirst();
    }

    private Region secondCounty() {
        return regions.ofLevel(RegionLevel.COUNTY).get(1);
    }

    /** A valid, unused credit code registered in the first county. */
    private String freshUscc() {
        String first17 = "91" + firstCounty().code().countyCode() + String.format("%09d", SERIAL.incrementAndGet());
        return first17 + UnifiedSocialCreditCode.checkCharacter(first17);
    }

    private long organisations() {
        return jdbc.sql("select count(*) from provider_org").query(Long.class).single();
    }

    private ProviderOrganisation someOrganisationIn(Region county) {
        return directory.organisations(new ProviderQuery(null, county.code().value(), null, null, PageQuery.of(0, 1)), CITY)
                .items().getFirst();
    }

    @Test
    void theDemoCityHasAboutFortyProvidersWithValidCodesOfTheirCounty() {
        List<ProviderOrganisation> all = directory.organisations(ProviderQuery.all(PageQuery.of(0, 500)), CITY).items();
        assertThat(all.size()).isBetween(35, 60);
        assertThat(all).allSatisfy(o -> assertThat(o.uscc().divisionCode()).isEqualTo(o.regionCode().countyCode()));
        assertThat(all).extracting(ProviderOrganisation::kind).contains(ProviderKind.values());
        List<ProviderOrganisation> homeCare = all.stream().filter(o -> o.kind() == ProviderKind.HOME_CARE).toList();
        assertThat(homeCare.size()).isGreaterThanOrEqualTo(8);
        assertThat(homeCare.stream().map(o -> o.regionCode().countyCode()).distinct().count()).isEqualTo(6);
        ProviderOrganisation firstHomeCare = homeCare.stream().min((a, b) -> Long.compare(a.id(), b.id())).orElseThrow();
        assertThat(firstCounty().code().contains(firstHomeCare.regionCode())).isTrue();
    }

    @Test
    void aCountyUserSearchesOnlyTheirCountysProviders() throws Exception {
        String prefix = firstCounty().code().prefix();
        long cityTotal = directory.organisations(ProviderQuery.all(PageQuery.of(0, 1)), CITY).total();
        mvc.perform(get("/api/v1/providers").param("size", "500").with(httpBasic("county", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].regionCode", everyItem(startsWith(prefix))))
                .andExpect(jsonPath("$.total").value(org.hamcrest.Matchers.lessThan((int) cityTotal)))
                .andExpect(jsonPath("$.page").value(0))
                .andExpect(jsonPath("$.size").value(500));
        mvc.perform(get("/api/v1/providers").param("kind", "HOME_CARE").with(httpBasic("county", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].kind", everyItem(org.hamcrest.Matchers.is("HOME_CARE"))));
        mvc.perform(get("/api/v1/providers").param("kind", "NONSENSE").with(httpBasic("county", "demo")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("kind"));
    }

    @Test
    void searchByNameFindsTheOrganisation() throws Exception {
        ProviderOrganisation o = someOrganisationIn(firstCounty());
        mvc.perform(get("/api/v1/providers").param("q", o.name().substring(3, 7)).with(httpBasic("city", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].id", hasItem((int) o.id())));
        mvc.perform(get("/api/v1/providers").param("q", o.uscc().value()).with(httpBasic("city", "demo")))
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].id").value(o.id()));
    }

    @Test
    void anotherCountysProviderIsNotFoundInTheApiAndTheConsole() throws Exception {
        ProviderOrganisation other = someOrganisationIn(secondCounty());
        mvc.perform(get("/api/v1/providers/" + other.id()).with(httpBasic("county", "demo")))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.code").value("provider.not-found"));
        mvc.perform(get("/providers/" + other.id()).with(httpBasic("county", "demo")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/providers/999999999").with(httpBasic("county", "demo")))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("provider.not-found"));
        mvc.perform(get("/api/v1/providers/" + other.id()).with(httpBasic("city", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value(other.name()));
    }

    @Test
    void theProviderManagerSeesOnlyTheirOwnOrganisation() throws Exception {
        ProviderOrganisation own = directory.organisations(new ProviderQuery(null, null, ProviderKind.HOME_CARE, null,
                PageQuery.of(0, 500)), CITY).items().stream().min((a, b) -> Long.compare(a.id(), b.id())).orElseThrow();
        mvc.perform(get("/api/v1/providers").with(httpBasic("provider", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].id").value(own.id()));
        ProviderOrganisation neighbour = directory.organisations(new ProviderQuery(null, firstCounty().code().value(),
                ProviderKind.INSTITUTION, null, PageQuery.of(0, 1)), CITY).items().getFirst();
        mvc.perform(get("/api/v1/providers/" + neighbour.id()).with(httpBasic("provider", "demo")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/providers").with(httpBasic("provider", "demo")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(own.name())))
                .andExpect(content().string(not(containsString(neighbour.name()))));
        // a provider manager registers no organisations and cannot touch another one
        mvc.perform(post("/api/v1/providers").with(httpBasic("provider", "demo")).contentType(MediaType.APPLICATION_JSON)
                        .content(body("越权登记的机构", freshUscc(), firstCounty().code().value())))
                .andExpect(status().isForbidden());
        mvc.perform(put("/api/v1/providers/" + neighbour.id()).with(httpBasic("provider", "demo")).contentType(MediaType.APPLICATION_JSON)
                        .content(body("改名", neighbour.uscc().value(), neighbour.regionCode().value())))
                .andExpect(status().isNotFound());
    }

    @Test
    void aCaregiverReadsOnlyTheirProvidersRecordsAndEldersOrNobodyReadNothing() {
        ProviderOrganisation own = someOrganisationIn(firstCounty());
        DataScope caregiver = new DataScope.Caregiver(1, own.id());
        assertThat(directory.organisations(ProviderQuery.all(PageQuery.of(0, 500)), caregiver).items())
                .extracting(ProviderOrganisation::id).containsExactly(own.id());
        assertThat(directory.facilities(FacilityQuery.all(PageQuery.of(0, 500)), caregiver).items())
                .allSatisfy(f -> assertThat(f.providerId()).isEqualTo(own.id()));
        assertThat(directory.findOrganisation(someOrganisationIn(secondCounty()).id(), caregiver)).isEmpty();
        for (DataScope nobody : List.of(new DataScope.Elder(1), new DataScope.None())) {
            assertThat(directory.organisations(ProviderQuery.all(PageQuery.of(0, 500)), nobody).total()).isZero();
            assertThat(directory.facilities(FacilityQuery.all(PageQuery.of(0, 500)), nobody).total()).isZero();
            assertThat(directory.findOrganisation(own.id(), nobody)).isEmpty();
        }
    }

    @Test
    void aBadCodeADuplicateCodeAndAnUnknownRegionAreFieldErrorsAndNothingIsStored() throws Exception {
        long before = organisations();
        String existing = someOrganisationIn(firstCounty()).uscc().value();
        String wrongCheck = freshUscc();
        wrongCheck = wrongCheck.substring(0, 17) + (wrongCheck.charAt(17) == '1' ? '2' : '1');
        mvc.perform(post("/api/v1/providers").with(httpBasic("county", "demo")).contentType(MediaType.APPLICATION_JSON)
                        .content(body("校验位错误的机构", wrongCheck, firstCounty().code().value())))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.code").value("validation.failed"))
                .andExpect(jsonPath("$.errors[0].field").value("uscc"))
                .andExpect(jsonPath("$.errors[0].code").value("uscc.check-character"));
        mvc.perform(post("/api/v1/providers").with(httpBasic("county", "demo")).contentType(MediaType.APPLICATION_JSON)
                        .content(body("重复登记的机构", existing, firstCounty().code().value())))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("uscc"))
                .andExpect(jsonPath("$.errors[0].code").value("provider.uscc.duplicate"));
        mvc.perform(post("/api/v1/providers").with(httpBasic("county", "demo")).contentType(MediaType.APPLICATION_JSON)
                        .content(body("", freshUscc(), "410902999000")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("name", "regionCode")))
                .andExpect(jsonPath("$.errors[*].code", hasItem("provider.region.unknown")));
        // the county bureau cannot register an organisation in another county
        mvc.perform(post("/api/v1/providers").with(httpBasic("county", "demo")).contentType(MediaType.APPLICATION_JSON)
                        .content(body("邻县的机构", freshUscc(), secondCounty().code().value())))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].code").value("provider.region.out-of-scope"));
        assertThat(organisations()).isEqualTo(before);
    }

    @Test
    void aBureauRegistersReadsAndUpdatesAnOrganisation() throws Exception {
        String uscc = freshUscc();
        String location = mvc.perform(post("/api/v1/providers").with(httpBasic("county", "demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body("华龙区测试居家养老服务有限公司", uscc.toLowerCase(), firstCounty().code().value())))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", startsWith("/api/v1/providers/")))
                .andExpect(jsonPath("$.uscc").value(uscc))
                .andExpect(jsonPath("$.kind").value("HOME_CARE"))
                .andExpect(jsonPath("$.status").value("ACTIVE"))
                .andReturn().getResponse().getHeader("Location");
        mvc.perform(get(location).with(httpBasic("county", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("华龙区测试居家养老服务有限公司"))
                .andExpect(jsonPath("$.version").value(0));
        mvc.perform(put(location).with(httpBasic("county", "demo")).contentType(MediaType.APPLICATION_JSON)
                        .content(body("华龙区测试养老服务有限公司", uscc, firstCounty().code().value()).replace("}", ",\"version\":0}")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("华龙区测试养老服务有限公司"))
                .andExpect(jsonPath("$.version").value(1));
        // an update from a stale version is refused
        mvc.perform(put(location).with(httpBasic("county", "demo")).contentType(MediaType.APPLICATION_JSON)
                        .content(body("又一次改名", uscc, firstCounty().code().value()).replace("}", ",\"version\":0}")))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("provider.stale"));
        // and another county cannot see it
        mvc.perform(get(location).with(httpBasic("city", "demo"))).andExpect(status().isOk());
    }

    @Test
    void theConsoleFormShowsFieldErrorsAndStoresNothing() throws Exception {
        long before = organisations();
        mvc.perform(post("/providers").with(httpBasic("county", "demo")).with(csrf())
                        .param("name", "表单测试机构").param("uscc", "91410902123456789X")
                        .param("kind", "HOME_CARE").param("regionCode", firstCounty().code().value()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("统一社会信用代码校验位不正确")))
                .andExpect(content().string(containsString("has-error")))
                .andExpect(content().string(containsString("表单测试机构")));
        assertThat(organisations()).isEqualTo(before);
        mvc.perform(post("/providers").with(httpBasic("county", "demo")).with(csrf())
                        .param("name", "表单测试机构").param("uscc", freshUscc())
                        .param("kind", "SOCIAL_WORK").param("regionCode", firstCounty().code().value()))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrlPattern("/providers/*"));
        assertThat(organisations()).isEqualTo(before + 1);
    }

    @Test
    void theConsoleListsAndShowsAnOrganisationWithItsFacilities() throws Exception {
        ProviderOrganisation o = directory.organisations(new ProviderQuery(null, firstCounty().code().value(),
                ProviderKind.HOME_CARE, null, PageQuery.of(0, 1)), CITY).items().getFirst();
        mvc.perform(get("/providers").with(httpBasic("county", "demo")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(o.name())))
                .andExpect(content().string(not(containsString(someOrganisationIn(secondCounty()).name()))));
        mvc.perform(get("/providers/" + o.id()).with(httpBasic("county", "demo")).header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(o.uscc().value())))
                .andExpect(content().string(containsString("Facilities (")));
        mvc.perform(get("/providers/new").with(httpBasic("county", "demo")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("name=\"uscc\"")));
    }

    @Test
    void theOpenApiDocumentListsTheProviderAndFacilityResources() throws Exception {
        mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("/api/v1/providers/{id}")))
                .andExpect(content().string(containsString("/api/v1/facilities/{id}")))
                .andExpect(content().string(containsString("/api/v1/facilities/standards")));
    }

    private static String body(String name, String uscc, String region) {
        return """
                {"name": "%s", "uscc": "%s", "kind": "HOME_CARE", "regionCode": "%s", "address": "测试路1号",
                 "contactName": "张伟", "contactPhone": "13800138000"}""".formatted(name, uscc, region);
    }
}
