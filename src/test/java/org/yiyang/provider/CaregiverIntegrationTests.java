package org.yiyang.provider;

import static org.assertj.core.api.Assertions.assertThat;
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

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.yiyang.IntegrationTest;
import org.yiyang.identity.NewUser;
import org.yiyang.identity.Role;
import org.yiyang.identity.UserAccounts;
import org.yiyang.region.Region;
import org.yiyang.region.RegionDirectory;
import org.yiyang.shared.DataScope;
import org.yiyang.shared.RegionLevel;
import org.yiyang.shared.UnifiedSocialCreditCode;

/**
 * Caregivers through the API and the console: scope (county, provider, caregiver, elder), field
 * errors that store nothing, and the dispatch directory. Fixture organisations and caregivers are
 * made here, so the tests do not depend on the demo organisations.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CaregiverIntegrationTests {

    private static final AtomicInteger SERIAL = new AtomicInteger();

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired RegionDirectory regions;
    @Autowired UserAccounts accounts;
    @Autowired CaregiverDirectory directory;

    String suffix;
    Region county1;
    Region county2;
    Region community1;
    Region community2;
    long org1;
    long org2;
    long inCounty1;
    long secondOfOrg1;
    long inCounty2;
    String providerUser;
    String caregiverUser;
    String familyUser;

    @BeforeAll
    void fixture() {
        suffix = "t" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
        List<Region> counties = regions.ofLevel(RegionLevel.COUNTY);
        county1 = counties.get(0);
        county2 = counties.get(1);
        community1 = firstCommunityOf(county1);
        community2 = firstCommunityOf(county2);
        org1 = org("测试居家服务中心一" + suffix, "HOME_CARE", county1);
        org2 = org("测试居家服务中心二" + suffix, "HOME_CARE", county2);
        inCounty1 = caregiver(org1, "甲" + suffix, community1, "MEAL,VISIT", "ACTIVE", LocalDate.now().plusYears(1), "1,2,3,4,5,6,7");
        secondOfOrg1 = caregiver(org1, "乙" + suffix, community1, "CLEANING", "ACTIVE", LocalDate.now().plusYears(1), "1,2,3,4,5");
        inCounty2 = caregiver(org2, "丙" + suffix, community2, "MEAL", "ACTIVE", LocalDate.now().plusYears(1), "1,2,3,4,5");
        providerUser = "cgt-provider-" + suffix;
        accounts.create(new NewUser(providerUser, "demo", "测试机构管理员", Role.PROVIDER_MANAGER, new DataScope.Provider(org1)));
        caregiverUser = "cgt-caregiver-" + suffix;
        accounts.create(new NewUser(caregiverUser, "demo", "测试护理员", Role.CAREGIVER, new DataScope.Caregiver(inCounty1, org1)));
        familyUser = "cgt-family-" + suffix;
        accounts.create(new NewUser(familyUser, "demo", "测试家属", Role.FAMILY, new DataScope.Elder(1)));
    }

    @Test
    void aCountyUserSeesOnlyTheirCountysCaregivers() throws Exception {
        mvc.perform(get("/api/v1/caregivers").param("size", "500").with(httpBasic("county", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].regionCode", everyItem(startsWith(county1.code().prefix()))))
                .andExpect(jsonPath("$.items[*].id", hasItem((int) inCounty1)))
                .andExpect(jsonPath("$.items[*].id", not(hasItem((int) inCounty2))));
        mvc.perform(get("/api/v1/caregivers/" + inCounty1).with(httpBasic("county", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("甲" + suffix))
                .andExpect(jsonPath("$.skills", hasItem("VISIT")));
        mvc.perform(get("/api/v1/caregivers/" + inCounty2).with(httpBasic("county", "demo")))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.code").value("caregiver.not-found"));
        mvc.perform(get("/api/v1/caregivers/999999999").with(httpBasic("county", "demo")))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("caregiver.not-found"));
        mvc.perform(get("/api/v1/caregivers").param("provider", String.valueOf(org2)).with(httpBasic("county", "demo")))
                .andExpect(jsonPath("$.total").value(0));
        mvc.perform(get("/caregivers/" + inCounty2).with(httpBasic("county", "demo")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/caregivers/" + inCounty1).with(httpBasic("county", "demo")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("甲" + suffix)));
        mvc.perform(get("/api/v1/caregivers/" + inCounty2).with(httpBasic("city", "demo")))
                .andExpect(status().isOk());
    }

    @Test
    void aProviderManagerSeesOnlyTheirOwnCaregivers() throws Exception {
        mvc.perform(get("/api/v1/caregivers").param("size", "500").with(httpBasic(providerUser, "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].id", hasItem((int) secondOfOrg1)))
                .andExpect(jsonPath("$.items[*].id", not(hasItem((int) inCounty2))))
                .andExpect(jsonPath("$.items[*].providerId", everyItem(org.hamcrest.Matchers.is((int) org1))));
        mvc.perform(get("/api/v1/caregivers/" + inCounty2).with(httpBasic(providerUser, "demo")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/caregivers").with(httpBasic(providerUser, "demo")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("乙" + suffix)))
                .andExpect(content().string(not(containsString("丙" + suffix))));
    }

    @Test
    void aCaregiverSeesOnlyThemself() throws Exception {
        mvc.perform(get("/api/v1/caregivers").with(httpBasic(caregiverUser, "demo")))
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].id").value(inCounty1));
        mvc.perform(get("/api/v1/caregivers/" + inCounty1).with(httpBasic(caregiverUser, "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.phone").exists());
        mvc.perform(get("/api/v1/caregivers/" + secondOfOrg1).with(httpBasic(caregiverUser, "demo")))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/caregivers").with(httpBasic(caregiverUser, "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content(body(org1, "丁" + suffix, community1, "08:00", "17:00")))
                .andExpect(status().isForbidden());
    }

    @Test
    void aFamilyMemberSeesNoCaregivers() throws Exception {
        mvc.perform(get("/api/v1/caregivers").with(httpBasic(familyUser, "demo")))
                .andExpect(jsonPath("$.total").value(0));
        mvc.perform(get("/api/v1/caregivers/" + inCounty1).with(httpBasic(familyUser, "demo")))
                .andExpect(status().isNotFound());
    }

    @Test
    void listsShowMaskedPhonesAndFilterBySkill() throws Exception {
        mvc.perform(get("/api/v1/caregivers").param("skill", "VISIT").param("provider", String.valueOf(org1))
                        .with(httpBasic("city", "demo")))
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].phoneMasked").value("138****" + phoneTail(inCounty1)))
                .andExpect(jsonPath("$.items[0].phone").doesNotExist());
        mvc.perform(get("/api/v1/caregivers").param("skill", "FLYING").with(httpBasic("city", "demo")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("skill"));
        mvc.perform(get("/api/v1/caregivers").param("q", "甲" + suffix).with(httpBasic("city", "demo")))
                .andExpect(jsonPath("$.total").value(1));
        mvc.perform(get("/api/v1/caregivers").param("region", county2.code().value()).param("size", "500")
                        .with(httpBasic("city", "demo")))
                .andExpect(jsonPath("$.items[*].id", hasItem((int) inCounty2)))
                .andExpect(jsonPath("$.items[*].id", not(hasItem((int) inCounty1))));
        mvc.perform(get("/caregivers").param("region", county2.code().value()).param("q", suffix)
                        .with(httpBasic("city", "demo")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("丙" + suffix)))
                .andExpect(content().string(not(containsString("甲" + suffix))));
    }

    @Test
    void aCertificateExpiringSoonIsFoundAndTagged() throws Exception {
        long soon = caregiver(org1, "戊" + suffix, community1, "MEAL", "ACTIVE", LocalDate.now().plusDays(10), "1,2,3,4,5");
        mvc.perform(get("/api/v1/caregivers").param("provider", String.valueOf(org1))
                        .param("certificateExpiringBefore", LocalDate.now().plusDays(30).toString())
                        .with(httpBasic("city", "demo")))
                .andExpect(jsonPath("$.items[*].id", hasItem((int) soon)))
                .andExpect(jsonPath("$.items[*].id", not(hasItem((int) inCounty1))));
        mvc.perform(get("/api/v1/caregivers/" + soon).with(httpBasic("city", "demo")))
                .andExpect(jsonPath("$.certificate.status").value("EXPIRING"));
        mvc.perform(get("/caregivers").param("provider", String.valueOf(org1)).param("certificate", "EXPIRING")
                        .with(httpBasic("city", "demo")).header("Accept-Language", "en"))
                .andExpect(content().string(containsString("戊" + suffix)))
                .andExpect(content().string(containsString("Expires within 30 days")))
                .andExpect(content().string(not(containsString("甲" + suffix))));
    }

    @Test
    void aBureauCreatesAndUpdatesACaregiverThroughTheApi() throws Exception {
        String name = "己" + suffix;
        String location = mvc.perform(post("/api/v1/caregivers").with(httpBasic("county", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content(body(org1, name, community1, "07:30", "16:00")))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", containsString("/api/v1/caregivers/")))
                .andExpect(jsonPath("$.name").value(name))
                .andExpect(jsonPath("$.idNumberMasked").value(startsWith("4109")))
                .andExpect(jsonPath("$.certificate.level").value("LEVEL_4"))
                .andExpect(jsonPath("$.workStart").value("07:30"))
                .andReturn().getResponse().getHeader("Location");
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        assertThat(jdbc.sql("select id_number_masked from caregiver where id = ?").param(id).query(String.class).single())
                .contains("*").hasSize(18);
        mvc.perform(put("/api/v1/caregivers/" + id).with(httpBasic("county", "demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body(org1, name, community1, "09:00", "18:00").replace("\"idNumber\":\"" + ID + "\",", "")
                                .replace("[\"MEAL\",\"CLEANING\"]", "[\"BATHING\"]")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.skills[0]").value("BATHING"))
                .andExpect(jsonPath("$.workStart").value("09:00"))
                .andExpect(jsonPath("$.idNumberMasked").value(startsWith("4109")));
        mvc.perform(put("/api/v1/caregivers/" + inCounty2).with(httpBasic("county", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content(body(org1, name, community1, "09:00", "18:00")))
                .andExpect(status().isNotFound());
    }

    @Test
    void anEditBasedOnAnOldVersionIsRefused() throws Exception {
        long id = caregiver(org1, "癸" + suffix, community1, "MEAL", "ACTIVE", LocalDate.now().plusYears(1), "1,2,3");
        String stale = body(org1, "癸" + suffix, community1, "08:00", "17:00").replace("}", ",\"version\":0}");
        mvc.perform(put("/api/v1/caregivers/" + id).with(httpBasic("city", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content(stale))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(1));
        mvc.perform(put("/api/v1/caregivers/" + id).with(httpBasic("city", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content(stale.replace("08:00", "06:00")))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("caregiver.changed"));
        mvc.perform(post("/caregivers/" + id).with(httpBasic("city", "demo")).with(csrf())
                        .param("providerId", String.valueOf(org1)).param("name", "癸" + suffix).param("phone", "13900001111")
                        .param("skills", "MEAL").param("regionCode", community1.code().value())
                        .param("workDays", "1").param("workStart", "06:00").param("workEnd", "09:00").param("version", "0"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("该护理员的资料已被他人修改")));
        assertThat(jdbc.sql("select work_start::text from caregiver where id = ?").param(id).query(String.class).single())
                .isEqualTo("08:00:00");
    }

    @Test
    void theSameCreateWithTheSameIdempotencyKeyCreatesOneCaregiver() throws Exception {
        String name = "壬" + suffix;
        String key = java.util.UUID.randomUUID().toString();
        String first = mvc.perform(post("/api/v1/caregivers").with(httpBasic("city", "demo")).header("Idempotency-Key", key)
                        .contentType(MediaType.APPLICATION_JSON).content(body(org1, name, community1, "08:00", "17:00")))
                .andExpect(status().isCreated()).andReturn().getResponse().getHeader("Location");
        String again = mvc.perform(post("/api/v1/caregivers").with(httpBasic("city", "demo")).header("Idempotency-Key", key)
                        .contentType(MediaType.APPLICATION_JSON).content(body(org1, name, community1, "08:00", "17:00")))
                .andExpect(status().isCreated()).andReturn().getResponse().getHeader("Location");
        assertThat(again).isEqualTo(first);
        assertThat(jdbc.sql("select count(*) from caregiver where name = ?").param(name).query(Long.class).single()).isOne();
    }

    @Test
    void badInputGivesFieldErrorsAndStoresNothing() throws Exception {
        String name = "庚" + suffix;
        mvc.perform(post("/api/v1/caregivers").with(httpBasic("city", "demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body(org1, name, community1, "18:00", "08:00").replace("13800000000", "12345")))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.code").value("validation.failed"))
                .andExpect(jsonPath("$.errors[?(@.field == 'workEnd')].code").value(hasItem("caregiver.work-hours-invalid")))
                .andExpect(jsonPath("$.errors[?(@.field == 'phone')].code").value(hasItem("phone.invalid")));
        // a home base 40 km from the community centre
        String far = body(org1, name, community1, "08:00", "17:00").replace("\"home\":null",
                "\"home\":{\"lat\":" + (community1.centroid().lat() + 0.36) + ",\"lng\":" + community1.centroid().lng() + "}");
        mvc.perform(post("/api/v1/caregivers").with(httpBasic("city", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content(far))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("homeLat"))
                .andExpect(jsonPath("$.errors[0].code").value("caregiver.home-too-far"));
        // the county may not place caregivers in another county, nor use a provider registered there
        mvc.perform(post("/api/v1/caregivers").with(httpBasic("county", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content(body(org2, name, community2, "08:00", "17:00")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'providerId')].code").value(hasItem("caregiver.provider-unknown")))
                .andExpect(jsonPath("$.errors[?(@.field == 'regionCode')].code").value(hasItem("caregiver.region-out-of-scope")));
        // a provider manager only for their own provider
        mvc.perform(post("/api/v1/caregivers").with(httpBasic(providerUser, "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content(body(org2, name, community2, "08:00", "17:00")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("providerId"));
        // and through the console form
        mvc.perform(post("/caregivers").with(httpBasic("city", "demo")).with(csrf())
                        .param("providerId", String.valueOf(org1)).param("name", name).param("phone", "138000")
                        .param("skills", "MEAL").param("regionCode", community1.code().value())
                        .param("workDays", "1").param("workStart", "17:00").param("workEnd", "09:00"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("has-error")))
                .andExpect(content().string(containsString("下班时间（09:00）须晚于上班时间（17:00）")))
                .andExpect(content().string(containsString("电话号码格式不正确")));
        assertThat(jdbc.sql("select count(*) from caregiver where name = ?").param(name).query(Long.class).single()).isZero();
    }

    @Test
    void theConsoleFormCreatesACaregiver() throws Exception {
        String name = "辛" + suffix;
        mvc.perform(get("/caregivers/new").with(httpBasic(providerUser, "demo")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(community1.name())));
        mvc.perform(post("/caregivers").with(httpBasic(providerUser, "demo")).with(csrf())
                        .param("providerId", String.valueOf(org1)).param("name", name).param("phone", "139 0000 1111")
                        .param("skills", "MEAL", "ERRAND").param("regionCode", community1.code().value())
                        .param("workDays", "1", "3", "5").param("workStart", "08:00").param("workEnd", "12:00")
                        .param("certificateNo", "").param("certificateLevel", "").param("certificateExpiry", ""))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrlPattern("/caregivers/*?saved"));
        assertThat(jdbc.sql("select work_days from caregiver where name = ?").param(name).query(String.class).single())
                .isEqualTo("1,3,5");
        mvc.perform(get("/caregivers/new").with(httpBasic(caregiverUser, "demo")))
                .andExpect(status().isForbidden());
    }

    @Test
    void candidatesAreOnlyTheQualifiedCaregivers() {
        LocalDate monday = LocalDate.now().plusDays(1).with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        long qualified = caregiver(org1, "候选" + suffix, community1, "BATHING,NURSING", "ACTIVE", monday.plusYears(1), "1,2,3");
        long expired = caregiver(org1, "过期" + suffix, community1, "BATHING", "ACTIVE", monday.minusDays(1), "1,2,3");
        long onLeave = caregiver(org1, "休假" + suffix, community1, "BATHING", "ON_LEAVE", monday.plusYears(1), "1,2,3");
        long otherSkill = caregiver(org1, "保洁" + suffix, community1, "CLEANING", "ACTIVE", monday.plusYears(1), "1,2,3");
        long weekend = caregiver(org1, "周末" + suffix, community1, "BATHING", "ACTIVE", monday.plusYears(1), "6,7");
        long noCertificate = caregiver(org1, "无证" + suffix, community1, "BATHING", "ACTIVE", null, "1,2,3");
        long elsewhere = caregiver(org2, "外县" + suffix, community2, "BATHING", "ACTIVE", monday.plusYears(1), "1,2,3");

        List<CaregiverCandidate> all = directory.candidatesFor("BATHING", monday);
        List<Long> ids = all.stream().map(CaregiverCandidate::id).toList();
        assertThat(ids).contains(qualified, elsewhere).doesNotContain(expired, onLeave, otherSkill, weekend, noCertificate);
        CaregiverCandidate c = all.stream().filter(x -> x.id() == qualified).findFirst().orElseThrow();
        assertThat(c.providerId()).isEqualTo(org1);
        assertThat(c.skills()).containsExactlyInAnyOrder(CaregiverSkill.BATHING, CaregiverSkill.NURSING);
        assertThat(c.window().start()).isEqualTo(LocalTime.of(8, 0));
        assertThat(c.maxDailyOrders()).isEqualTo(6);
        assertThat(c.homeRegion()).isEqualTo(community1.code());
        assertThat(c.home().distanceMeters(community1.centroid())).isLessThan(10);
        assertThat(all).allSatisfy(x -> {
            assertThat(x.skills()).contains(CaregiverSkill.BATHING);
            assertThat(x.certificateExpiry()).isAfterOrEqualTo(monday);
            assertThat(x.window().worksOn(monday)).isTrue();
        });

        assertThat(directory.candidatesFor("BATHING", monday, county2.code().prefix()))
                .extracting(CaregiverCandidate::id).contains(elsewhere).doesNotContain(qualified);
        assertThat(directory.candidatesFor("BATHING", monday.plusDays(5))).extracting(CaregiverCandidate::id)
                .contains(weekend).doesNotContain(qualified);
        assertThat(directory.candidatesFor("FLYING", monday)).isEmpty();
    }

    // ---- fixtures ----

    static final String ID = "41090219850315002" + org.yiyang.shared.IdCardNumber.checkCharacter("41090219850315002");

    private String body(long providerId, String name, Region community, String start, String end) {
        return """
                {"providerId":%d,"name":"%s","phone":"13800000000","idNumber":"%s","sex":"FEMALE",
                 "skills":["MEAL","CLEANING"],"certificateNo":"CERT-%s","certificateLevel":"LEVEL_4",
                 "certificateExpiry":"%s","home":null,"regionCode":"%s","workDays":[1,2,3,4,5],
                 "workStart":"%s","workEnd":"%s","maxDailyOrders":6,"status":"ACTIVE"}
                """.formatted(providerId, name, ID, name, LocalDate.now().plusYears(2), community.code().value(), start, end)
                .replace("\n", "");
    }

    private Region firstCommunityOf(Region county) {
        return regions.ofLevel(RegionLevel.COMMUNITY).stream()
                .filter(r -> r.code().value().startsWith(county.code().prefix()) && r.centroid() != null)
                .findFirst().orElseThrow();
    }

    private long org(String name, String kind, Region county) {
        String first17 = "52" + county.code().value().substring(0, 6) + String.format("%09d", System.nanoTime() % 1_000_000_000L);
        String uscc = first17 + UnifiedSocialCreditCode.checkCharacter(first17);
        return jdbc.sql("insert into provider_org (name, uscc, kind, region_code) values (?, ?, ?, ?) returning id")
                .params(name, uscc, kind, county.code().value()).query(Long.class).single();
    }

    private long caregiver(long providerId, String name, Region community, String skills, String status,
                           LocalDate expiry, String days) {
        String phone = "138" + String.format("%08d", SERIAL.incrementAndGet() * 7919 % 100_000_000);
        long id = jdbc.sql("""
                        insert into caregiver (provider_id, name, phone, certificate_no, certificate_level, certificate_expiry,
                                               home_lat, home_lng, region_code, work_days, work_start, work_end,
                                               max_daily_orders, status)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '08:00', '17:00', 6, ?) returning id
                        """)
                .params(providerId, name, phone, expiry == null ? null : "C" + name, expiry == null ? null : "LEVEL_4", expiry,
                        community.centroid().lat(), community.centroid().lng(), community.code().value(), days, status)
                .query(Long.class).single();
        for (String s : skills.split(",")) {
            jdbc.sql("insert into caregiver_skill (caregiver_id, skill) values (?, ?)").params(id, s).update();
        }
        return id;
    }

    private String phoneTail(long caregiverId) {
        String phone = jdbc.sql("select phone from caregiver where id = ?").param(caregiverId).query(String.class).single();
        return phone.substring(7);
    }
}
