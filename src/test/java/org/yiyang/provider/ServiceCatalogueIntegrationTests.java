package org.yiyang.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.yiyang.IntegrationTest;
import org.yiyang.shared.Money;

/** The service catalogue: the demo items, reading for everyone, editing for the bureau only. */
@IntegrationTest
class ServiceCatalogueIntegrationTests {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired ServiceCatalogue catalogue;

    @Test
    void theDemoCatalogueCoversEveryCategoryWithPricesAndSkills() {
        List<ServiceItem> active = catalogue.listActive();
        assertThat(active.size()).isGreaterThanOrEqualTo(30);
        Set<ServiceItemCategory> categories = active.stream().map(ServiceItem::category)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(ServiceItemCategory.class)));
        assertThat(categories).containsAll(Arrays.asList(ServiceItemCategory.values()));
        ServiceItem delivery = catalogue.findByCode("zc-001").orElseThrow();
        assertThat(delivery.name()).isEqualTo("送餐上门");
        assertThat(delivery.price()).isEqualTo(Money.ofFen(1500));
        assertThat(delivery.requiredSkill()).isEqualTo(CaregiverSkill.MEAL);
        assertThat(catalogue.findById(delivery.id())).contains(delivery);
        assertThat(catalogue.findByCode("XF-001").orElseThrow().price()).isEqualTo(Money.ZERO);
        assertThat(catalogue.findByCode("NO-999")).isEmpty();
    }

    @Test
    void everyoneLoggedInReadsTheCatalogue() throws Exception {
        mvc.perform(get("/api/v1/service-items").param("category", "BATHING").with(httpBasic("operator", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].code", hasItem("ZY-001")))
                .andExpect(jsonPath("$.items[?(@.code == 'ZY-001')].priceFen").value(hasItem(8000)))
                .andExpect(jsonPath("$.items[?(@.code == 'ZY-001')].priceYuan").value(hasItem("80.00")));
        mvc.perform(get("/api/v1/service-items")).andExpect(status().isUnauthorized());
        mvc.perform(get("/service-items").with(httpBasic("county", "demo")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("送餐上门")))
                .andExpect(content().string(containsString("15.00 元/餐")))
                .andExpect(content().string(containsString("适老化改造")))
                .andExpect(content().string(containsString("/service-items/new")));
        mvc.perform(get("/service-items").with(httpBasic("operator", "demo")).header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Meal delivery")))
                .andExpect(content().string(not(containsString("/service-items/new"))));
        mvc.perform(get("/api/v1/service-items").param("category", "GARDENING").with(httpBasic("operator", "demo")))
                .andExpect(status().isBadRequest());
    }

    @Test
    void onlyTheBureauEditsTheCatalogue() throws Exception {
        String body = item("TS-901", "测试项目", 45, 3550);
        mvc.perform(post("/api/v1/service-items").with(httpBasic("operator", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("access.denied"));
        long zc = catalogue.findByCode("ZC-001").orElseThrow().id();
        mvc.perform(put("/api/v1/service-items/" + zc).with(httpBasic("operator", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content(item("ZC-001", "送餐上门", 30, 1)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/service-items/new").with(httpBasic("operator", "demo")))
                .andExpect(status().isForbidden());
        mvc.perform(post("/service-items").with(httpBasic("operator", "demo")).with(csrf())
                        .param("code", "TS-902").param("name", "x").param("category", "MEAL")
                        .param("standardMinutes", "30").param("price", "1"))
                .andExpect(status().isForbidden());
        assertThat(catalogue.findByCode("TS-901")).isEmpty();
        assertThat(catalogue.findByCode("TS-902")).isEmpty();
        assertThat(catalogue.findByCode("ZC-001").orElseThrow().price()).isEqualTo(Money.ofFen(1500));
    }

    @Test
    void theBureauCreatesAndUpdatesItemsThroughTheApi() throws Exception {
        String location = mvc.perform(post("/api/v1/service-items").with(httpBasic("city", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content(item("ts-903", "上门理发", 40, 2500)))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", containsString("/api/v1/service-items/")))
                .andExpect(jsonPath("$.code").value("TS-903"))
                .andExpect(jsonPath("$.priceYuan").value("25.00"))
                .andReturn().getResponse().getHeader("Location");
        String id = location.substring(location.lastIndexOf('/') + 1);
        mvc.perform(put("/api/v1/service-items/" + id).with(httpBasic("city", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content(item("TS-903", "上门理发", 40, 2800)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.priceFen").value(2800));
        mvc.perform(put("/api/v1/service-items/" + id).with(httpBasic("city", "demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(item("TS-903", "上门理发", 40, 3000).replace("}", ",\"version\":0}")))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("service-item.changed"));
        mvc.perform(get("/api/v1/service-items/" + id).with(httpBasic("city", "demo")))
                .andExpect(jsonPath("$.priceFen").value(2800))
                .andExpect(jsonPath("$.version").value(1));
        mvc.perform(post("/api/v1/service-items").with(httpBasic("city", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content(item("TS-903", "重复", 40, 100)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("service-item.code-taken"));
        mvc.perform(put("/api/v1/service-items/" + id).with(httpBasic("city", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content(item("ZC-001", "上门理发", 40, 2800)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("service-item.code-taken"));
        mvc.perform(get("/api/v1/service-items/999999999").with(httpBasic("city", "demo")))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("service-item.not-found"));
    }

    @Test
    void badInputGivesFieldErrorsAndStoresNothing() throws Exception {
        mvc.perform(post("/api/v1/service-items").with(httpBasic("city", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content(item("TS-904", "", 0, -5)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("validation.failed"))
                .andExpect(jsonPath("$.errors[*].field", hasItem("name")))
                .andExpect(jsonPath("$.errors[?(@.field == 'standardMinutes')].code").value(hasItem("service-item.minutes-invalid")))
                .andExpect(jsonPath("$.errors[?(@.field == 'priceFen')].code").value(hasItem("service-item.price-invalid")));
        mvc.perform(post("/service-items").with(httpBasic("city", "demo")).with(csrf())
                        .param("code", "TS-905").param("name", "测试").param("category", "MEAL")
                        .param("standardMinutes", "30").param("price", "35.555").param("unit", "VISIT"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("has-error")))
                .andExpect(content().string(containsString("价格不正确")));
        mvc.perform(post("/service-items").with(httpBasic("city", "demo")).with(csrf())
                        .param("code", "ZC-001").param("name", "测试").param("category", "MEAL")
                        .param("standardMinutes", "30").param("price", "3").param("unit", "VISIT"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("编码 ZC-001 已被其他服务项目使用")));
        assertThat(catalogue.findByCode("TS-904")).isEmpty();
        assertThat(catalogue.findByCode("TS-905")).isEmpty();
        assertThat(jdbc.sql("select count(*) from service_item where name = '测试'").query(Long.class).single()).isZero();
    }

    @Test
    void theConsoleTakesPricesInYuanExactly() throws Exception {
        mvc.perform(post("/service-items").with(httpBasic("city", "demo")).with(csrf())
                        .param("code", "TS-906").param("name", "陪同购物").param("nameEn", "Shopping escort")
                        .param("category", "ERRAND").param("standardMinutes", "60").param("price", "35.5")
                        .param("unit", "HOUR").param("requiredSkill", "ERRAND").param("active", "on"))
                .andExpect(status().is3xxRedirection());
        ServiceItem saved = catalogue.findByCode("TS-906").orElseThrow();
        assertThat(saved.price()).isEqualTo(Money.ofFen(3550));
        assertThat(saved.unit()).isEqualTo(ServiceItemUnit.HOUR);
        assertThat(saved.active()).isTrue();
        mvc.perform(get("/service-items/" + saved.id() + "/edit").with(httpBasic("city", "demo")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("value=\"35.50\"")));
        mvc.perform(post("/service-items/" + saved.id()).with(httpBasic("city", "demo")).with(csrf())
                        .param("code", "TS-906").param("name", "陪同购物").param("category", "ERRAND")
                        .param("standardMinutes", "60").param("price", "19.99").param("unit", "HOUR"))
                .andExpect(status().is3xxRedirection());
        ServiceItem updated = catalogue.findById(saved.id()).orElseThrow();
        assertThat(updated.price()).isEqualTo(Money.ofFen(1999));
        assertThat(updated.active()).isFalse();
        assertThat(catalogue.listActive()).extracting(ServiceItem::code).doesNotContain("TS-906");
    }

    private static String item(String code, String name, int minutes, long fen) {
        return """
                {"code":"%s","name":"%s","nameEn":"Test","category":"MEAL","standardMinutes":%d,"priceFen":%d,
                 "unit":"VISIT","requiredSkill":"MEAL","description":"测试","active":true}
                """.formatted(code, name, minutes, fen).replace("\n", "");
    }
}
