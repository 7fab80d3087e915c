package org.yiyang.elder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.yiyang.IntegrationTest;
import org.yiyang.identity.NewUser;
import org.yiyang.identity.Role;
import org.yiyang.identity.UserAccounts;
import org.yiyang.region.Region;
import org.yiyang.region.RegionDirectory;
import org.yiyang.shared.DataScope;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

@IntegrationTest
class ElderApiIntegrationTests {

    private static final RequestPostProcessor COUNTY = httpBasic("county", "demo");
    private static final RequestPostProcessor CITY = httpBasic("city", "demo");

    @Autowired
    MockMvc mvc;
    @Autowired
    ObjectMapper json;
    @Autowired
    RegionDirectory regions;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserAccounts accounts;

    private long create(RequestPostProcessor who, ElderInput input) throws Exception {
        String location = mvc.perform(post("/api/v1/elders").with(who).contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(input)))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", matchesPattern("/api/v1/elders/\\d+")))
                .andReturn().getResponse().getHeader("Location");
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    private long elderCount() {
        return jdbc.sql("select count(*) from elder").query(Long.class).single();
    }

    @Test
    void anElderIsFoundByNameByPhoneAndByIdNumberWithNumbersMasked() throws Exception {
        Region community = ElderFixtures.communityOfFirstCounty(regions);
        String id = ElderFixtures.newIdNumber();
        String phone = ElderFixtures.newPhone();
        long elderId = create(COUNTY, ElderFixtures.input("欧阳测试甲", id, phone, community));

        mvc.perform(get("/api/v1/elders").param("q", "阳测试").with(COUNTY))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].id").value(elderId))
                .andExpect(jsonPath("$.items[0].idNumberMasked").value(id.substring(0, 4) + "**********" + id.substring(14)))
                .andExpect(jsonPath("$.items[0].phonesMasked[0]").value(phone.substring(0, 3) + "****" + phone.substring(7)))
                .andExpect(jsonPath("$.items[0].categories", hasItem("LIVING_ALONE")));
        String body = mvc.perform(get("/api/v1/elders").param("q", "阳测试").with(COUNTY)).andReturn().getResponse().getContentAsString();
        assertThat(body).doesNotContain(id).doesNotContain(phone);

        mvc.perform(get("/api/v1/elders").param("q", "试甲").with(COUNTY))
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].id").value(elderId));
        mvc.perform(get("/api/v1/elders").param("q", "欧").with(COUNTY))
                .andExpect(jsonPath("$.items[*].id", hasItem((int) elderId)));
        mvc.perform(get("/api/v1/elders").param("q", phone).with(COUNTY))
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].id").value(elderId));
        mvc.perform(get("/api/v1/elders").param("q", phone.substring(5)).with(COUNTY))
                .andExpect(jsonPath("$.items[*].id", hasItem((int) elderId)));
        mvc.perform(get("/api/v1/elders").param("q", id).with(COUNTY))
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].id").value(elderId));
        mvc.perform(get("/api/v1/elders").param("q", id.toLowerCase()).with(COUNTY))
                .andExpect(jsonPath("$.total").value(1));
        mvc.perform(get("/api/v1/elders").param("q", ElderFixtures.legacy15(id)).with(COUNTY))
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].id").value(elderId));
    }

    @Test
    void searchIsScopedAndFilteredAndPaged() throws Exception {
        String county = regions.ofLevel(org.yiyang.shared.RegionLevel.COUNTY).getFirst().code().prefix();
        mvc.perform(get("/api/v1/elders").param("size", "100").with(COUNTY))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.size").value(100))
                .andExpect(jsonPath("$.items[*].regionCode", everyItem(startsWith(county))));
        long all = json.readTree(mvc.perform(get("/api/v1/elders").with(COUNTY)).andReturn().getResponse().getContentAsString())
                .get("total").asLong();
        String ownCounty = regions.ofLevel(org.yiyang.shared.RegionLevel.COUNTY).getFirst().code().value();
        mvc.perform(get("/api/v1/elders").param("region", ownCounty).with(COUNTY)).andExpect(jsonPath("$.total").value(all));
        mvc.perform(get("/api/v1/elders").param("region", "410900000000").with(COUNTY)).andExpect(jsonPath("$.total").value(all));
        Region town = regions.children(regions.ofLevel(org.yiyang.shared.RegionLevel.COUNTY).getFirst().code()).getFirst();
        JsonNode inTown = json.readTree(mvc.perform(get("/api/v1/elders").param("region", town.code().value()).param("size", "500").with(COUNTY))
                .andReturn().getResponse().getContentAsString());
        assertThat(inTown.get("total").asLong()).isPositive().isLessThan(all);
        inTown.get("items").forEach(i -> assertThat(i.get("regionCode").asText()).startsWith(town.code().prefix()));
        String other = regions.ofLevel(org.yiyang.shared.RegionLevel.COUNTY).get(1).code().value();
        mvc.perform(get("/api/v1/elders").param("region", other).with(COUNTY))
                .andExpect(jsonPath("$.total").value(0));
        JsonNode city = json.readTree(mvc.perform(get("/api/v1/elders").param("region", other).with(CITY))
                .andReturn().getResponse().getContentAsString());
        assertThat(city.get("total").asLong()).isPositive();
        mvc.perform(get("/api/v1/elders").param("category", "ADVANCED_AGE").param("size", "50").with(CITY))
                .andExpect(jsonPath("$.items[*].advancedAge", everyItem(org.hamcrest.Matchers.is(true))));
        mvc.perform(get("/api/v1/elders").param("category", "EMPTY_NEST").with(CITY))
                .andExpect(jsonPath("$.items[*].categories", everyItem(hasItem("EMPTY_NEST"))));
        mvc.perform(get("/api/v1/elders").param("status", "DECEASED").with(CITY))
                .andExpect(jsonPath("$.items[*].status", everyItem(org.hamcrest.Matchers.is("DECEASED"))));
        mvc.perform(get("/api/v1/elders").param("size", "501").with(CITY))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/elders").param("category", "NONSENSE").with(CITY))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("category"));
    }

    @Test
    void theWholeRecordShowsNumbersOnlyToThoseAllowedAndIsAudited() throws Exception {
        Region community = ElderFixtures.communityOfFirstCounty(regions);
        String id = ElderFixtures.newIdNumber();
        String phone = ElderFixtures.newPhone();
        long elderId = create(COUNTY, ElderFixtures.input("审计测试", id, phone, community));
        long before = jdbc.sql("select count(*) from personal_data_audit where subject_kind = 'elder' and subject_id = ? and action = 'view'")
                .param(elderId).query(Long.class).single();

        mvc.perform(get("/api/v1/elders/" + elderId).with(COUNTY))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.idNumber").value(id))
                .andExpect(jsonPath("$.phones[0]").value(phone))
                .andExpect(jsonPath("$.sex").exists())
                .andExpect(jsonPath("$.addresses[0].communityCode").value(community.code().value()))
                .andExpect(jsonPath("$.addresses[0].primary").value(true))
                .andExpect(jsonPath("$.contacts[0].phone").value("13912345678"))
                .andExpect(jsonPath("$.statusHistory[0].status").value("ACTIVE"));

        long after = jdbc.sql("select count(*) from personal_data_audit where subject_kind = 'elder' and subject_id = ? and action = 'view' and username = 'county'")
                .param(elderId).query(Long.class).single();
        assertThat(after).isEqualTo(before + 1);

        String prefix = regions.ofLevel(org.yiyang.shared.RegionLevel.COUNTY).getFirst().code().prefix();
        if (accounts.idOf("elder-system").isEmpty()) {
            accounts.create(new NewUser("elder-system", "demo", "一个外部系统", Role.SYSTEM, DataScope.region(prefix)));
        }
        mvc.perform(get("/api/v1/elders/" + elderId).with(httpBasic("elder-system", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.idNumber").doesNotExist())
                .andExpect(jsonPath("$.idNumberMasked").value(id.substring(0, 4) + "**********" + id.substring(14)))
                .andExpect(jsonPath("$.phones[0]").value(phone.substring(0, 3) + "****" + phone.substring(7)))
                .andExpect(jsonPath("$.contacts[0].phone").value("139****5678"))
                .andExpect(jsonPath("$.personalDataVisible").value(false));
    }

    @Test
    void aCountyUserCannotSeeOrChangeAnotherCountysElder() throws Exception {
        Region elsewhere = ElderFixtures.communityOfSecondCounty(regions);
        ElderInput input = ElderFixtures.input("外县老人", ElderFixtures.newIdNumber(), ElderFixtures.newPhone(), elsewhere);
        long elderId = create(CITY, input);

        mvc.perform(get("/api/v1/elders/" + elderId).with(COUNTY))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("elder.not-found"));
        ElderInput change = new ElderInput("改名", null, List.of(), "ALONE", List.of(), input.addresses(), List.of(), null);
        mvc.perform(put("/api/v1/elders/" + elderId).with(COUNTY).contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(change)))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/elders/" + elderId + "/status").with(COUNTY).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"status\":\"DECEASED\"}"))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/elders/" + elderId).with(CITY))
                .andExpect(jsonPath("$.name").value("外县老人"))
                .andExpect(jsonPath("$.status").value("ACTIVE"));
        mvc.perform(get("/api/v1/elders/999999999").with(CITY)).andExpect(status().isNotFound());
    }

    @Test
    void theFamilyMemberSeesOnlyTheirElderAndCannotWrite() throws Exception {
        JsonNode page = json.readTree(mvc.perform(get("/api/v1/elders").with(httpBasic("family", "demo")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(page.get("total").asLong()).isEqualTo(1);
        long own = page.get("items").get(0).get("id").asLong();
        mvc.perform(get("/api/v1/elders/" + own).with(httpBasic("family", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("ACTIVE"));
        long other = jdbc.sql("select min(id) from elder where id <> ?").param(own).query(Long.class).single();
        mvc.perform(get("/api/v1/elders/" + other).with(httpBasic("family", "demo")))
                .andExpect(status().isNotFound());
        Region community = ElderFixtures.communityOfFirstCounty(regions);
        mvc.perform(post("/api/v1/elders").with(httpBasic("family", "demo")).contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(ElderFixtures.input("家属乱建", ElderFixtures.newIdNumber(), null, community))))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("access.denied"));
        if (accounts.idOf("elder-provider-test").isEmpty()) {
            accounts.create(new NewUser("elder-provider-test", "demo", "服务商", Role.PROVIDER_MANAGER, new DataScope.Provider(1)));
        }
        mvc.perform(get("/api/v1/elders").with(httpBasic("elder-provider-test", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(0));
    }

    @Test
    void badInputIsRefusedFieldByFieldAndNothingIsStored() throws Exception {
        Region community = ElderFixtures.communityOfFirstCounty(regions);
        Region town = regions.find(community.parentCode()).orElseThrow();
        long count = elderCount();

        String good = ElderFixtures.newIdNumber();
        String wrongCheck = good.substring(0, 17) + (good.charAt(17) == '0' ? '1' : '0');
        expectFieldError(ElderFixtures.input("校验位", wrongCheck, null, community), "idNumber", "idcard.check-digit", "校验位");
        String body = "11010519490231" + "123";
        expectFieldError(ElderFixtures.input("生日", body + org.yiyang.shared.IdCardNumber.checkCharacter(body), null, community),
                "idNumber", "idcard.birth-date", "出生日期");
        expectFieldError(ElderFixtures.input("电话", ElderFixtures.newIdNumber(), "12345", community), "phones[0]", "phone.invalid", "电话");

        ElderInput unknown = withAddress(ElderFixtures.input("社区", ElderFixtures.newIdNumber(), null, community),
                new ElderInput.AddressInput("410902999999", "某路1号", null, null, true));
        expectFieldError(unknown, "addresses[0].communityCode", "elder.community.unknown", "410902999999");
        ElderInput notCommunity = withAddress(ElderFixtures.input("街道", ElderFixtures.newIdNumber(), null, community),
                new ElderInput.AddressInput(town.code().value(), "某路1号", null, null, true));
        expectFieldError(notCommunity, "addresses[0].communityCode", "elder.community.unknown", town.code().value());
        ElderInput far = withAddress(ElderFixtures.input("远处", ElderFixtures.newIdNumber(), null, community),
                new ElderInput.AddressInput(community.code().value(), "某路1号", community.centroid().lat() + 0.2,
                        community.centroid().lng(), true));
        expectFieldError(far, "addresses[0].location", "elder.location.too-far", community.name());
        ElderInput outOfScope = withAddress(ElderFixtures.input("外县", ElderFixtures.newIdNumber(), null, community),
                new ElderInput.AddressInput(ElderFixtures.communityOfSecondCounty(regions).code().value(), "某路1号", null, null, true));
        expectFieldError(outOfScope, "addresses[0].communityCode", "elder.community.out-of-scope", "");

        mvc.perform(post("/api/v1/elders").with(COUNTY).header("Accept-Language", "en").contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(ElderFixtures.input("", wrongCheck, "12", community))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'name')].code").value(hasItem("field.required")))
                .andExpect(jsonPath("$.errors[?(@.field == 'idNumber')].message").value(hasItem(containsString("check"))))
                .andExpect(jsonPath("$.errors[?(@.field == 'phones[0]')].code").value(hasItem("phone.invalid")));

        assertThat(elderCount()).isEqualTo(count);
    }

    @Test
    void aFifteenDigitNumberIsStoredUpgraded() throws Exception {
        String id = ElderFixtures.newIdNumber();
        long elderId = create(COUNTY, ElderFixtures.input("旧号码", ElderFixtures.legacy15(id), null,
                ElderFixtures.communityOfFirstCounty(regions)));
        mvc.perform(get("/api/v1/elders/" + elderId).with(COUNTY)).andExpect(jsonPath("$.idNumber").value(id));
    }

    @Test
    void aDuplicateIdNumberLinksToTheExistingRecordOnlyWithinScope() throws Exception {
        String id = ElderFixtures.newIdNumber();
        long existing = create(COUNTY, ElderFixtures.input("原有", id, null, ElderFixtures.communityOfFirstCounty(regions)));
        long count = elderCount();
        mvc.perform(post("/api/v1/elders").with(COUNTY).contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(ElderFixtures.input("重复", id, null, ElderFixtures.communityOfFirstCounty(regions)))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("idNumber"))
                .andExpect(jsonPath("$.errors[0].code").value("elder.id-number.duplicate"))
                .andExpect(jsonPath("$.errors[0].message").value(containsString(String.valueOf(existing))));

        String elsewhere = ElderFixtures.newIdNumber();
        long other = create(CITY, ElderFixtures.input("外县原有", elsewhere, null, ElderFixtures.communityOfSecondCounty(regions)));
        String answer = mvc.perform(post("/api/v1/elders").with(COUNTY).contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(ElderFixtures.input("重复", elsewhere, null, ElderFixtures.communityOfFirstCounty(regions)))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].code").value("elder.id-number.registered-elsewhere"))
                .andReturn().getResponse().getContentAsString();
        assertThat(answer).doesNotContain(String.valueOf(other)).doesNotContain("外县原有");
        assertThat(elderCount()).isEqualTo(count + 1);
    }

    @Test
    void anUpdateReplacesTheDetailsAndAStaleVersionIsRefused() throws Exception {
        Region community = ElderFixtures.communityOfFirstCounty(regions);
        String id = ElderFixtures.newIdNumber();
        long elderId = create(COUNTY, ElderFixtures.input("修改前", id, ElderFixtures.newPhone(), community));
        ElderInput change = new ElderInput("修改后", "", List.of("0393-8881234"), "WITH_CHILDREN", List.of("ECONOMIC_HARDSHIP"),
                List.of(new ElderInput.AddressInput(community.code().value(), "人民路1号", null, null, true)), List.of(), 0);
        mvc.perform(put("/api/v1/elders/" + elderId).with(COUNTY).contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(change)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("修改后"))
                .andExpect(jsonPath("$.version").value(1))
                .andExpect(jsonPath("$.categories[0]").value("ECONOMIC_HARDSHIP"))
                .andExpect(jsonPath("$.contacts.length()").value(0));
        mvc.perform(get("/api/v1/elders/" + elderId).with(COUNTY))
                .andExpect(jsonPath("$.idNumber").value(id))
                .andExpect(jsonPath("$.phones[0]").value("03938881234"))
                .andExpect(jsonPath("$.addresses[0].location.lat").value(community.centroid().lat()));
        mvc.perform(put("/api/v1/elders/" + elderId).with(COUNTY).contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(change)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("elder.version-conflict"));
    }

    @Test
    void aStatusChangeKeepsTheHistoryAndTheDeadStayDead() throws Exception {
        long elderId = create(COUNTY, ElderFixtures.input("状态", ElderFixtures.newIdNumber(), null, ElderFixtures.communityOfFirstCounty(regions)));
        mvc.perform(post("/api/v1/elders/" + elderId + "/status").with(COUNTY).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"status\":\"MOVED_OUT\",\"reason\":\"随子女迁往外地\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("MOVED_OUT"));
        mvc.perform(post("/api/v1/elders/" + elderId + "/status").with(COUNTY).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"status\":\"DECEASED\"}"))
                .andExpect(status().isOk());
        mvc.perform(post("/api/v1/elders/" + elderId + "/status").with(COUNTY).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"status\":\"ACTIVE\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("elder.status.not-allowed"));
        mvc.perform(post("/api/v1/elders/" + elderId + "/status").with(COUNTY).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"status\":\"GONE\"}"))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/elders/" + elderId).with(COUNTY))
                .andExpect(jsonPath("$.status").value("DECEASED"))
                .andExpect(jsonPath("$.statusHistory.length()").value(3))
                .andExpect(jsonPath("$.statusHistory[0].status").value("ACTIVE"))
                .andExpect(jsonPath("$.statusHistory[1].status").value("MOVED_OUT"))
                .andExpect(jsonPath("$.statusHistory[1].reason").value("随子女迁往外地"))
                .andExpect(jsonPath("$.statusHistory[1].changedBy").value("county"))
                .andExpect(jsonPath("$.statusHistory[2].status").value("DECEASED"));
        assertThat(jdbc.sql("select count(*) from elder where id = ?").param(elderId).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void theOpenApiDocumentDescribesTheElderResourcesWithTheirOwnSchemas() throws Exception {
        JsonNode doc = json.readTree(mvc.perform(get("/v3/api-docs")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
        assertThat(doc.get("paths").has("/api/v1/elders/{id}")).isTrue();
        assertThat(doc.get("paths").has("/api/v1/elders/import")).isTrue();
        JsonNode schemas = doc.get("components").get("schemas");
        assertThat(schemas.get("ElderAddress").get("properties").has("communityName")).isTrue();
        assertThat(schemas.get("ElderAddressInput").get("properties").has("communityCode")).isTrue();
        assertThat(schemas.get("ElderImportRow").get("properties").has("outcome")).isTrue();
    }

    private void expectFieldError(ElderInput input, String field, String code, String messagePart) throws Exception {
        mvc.perform(post("/api/v1/elders").with(COUNTY).contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(input)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("validation.failed"))
                .andExpect(jsonPath("$.errors[?(@.field == '" + field + "')].code").value(hasItem(code)))
                .andExpect(jsonPath("$.errors[?(@.field == '" + field + "')].message").value(hasItem(containsString(messagePart))));
    }

    private static ElderInput withAddress(ElderInput in, ElderInput.AddressInput address) {
        return new ElderInput(in.name(), in.idNumber(), in.phones(), in.livingSituation(), in.categories(), List.of(address),
                in.contacts(), in.version());
    }
}
