package org.yiyang.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.yiyang.IntegrationTest;
import org.yiyang.provider.ServiceCatalogue;
import org.yiyang.provider.ServiceItem;

/** The operator's order form and the order page with its timeline. */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OrderConsoleIntegrationTests {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired ServiceCatalogue catalogue;

    long elderId;
    ServiceItem item;

    @BeforeAll
    void fixtures() {
        elderId = jdbc.sql("select scope_elder_id from app_user where username = 'family'").query(Long.class).single();
        item = catalogue.listActive().getFirst();
    }

    long count() {
        return jdbc.sql("select count(*) from service_order").query(Long.class).single();
    }

    @Test
    void theOperatorPlacesAnOrderAndSeesItsTimeline() throws Exception {
        mvc.perform(get("/orders/new").param("elder", String.valueOf(elderId)).with(httpBasic("operator", "demo")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(item.name())));
        String location = mvc.perform(post("/orders").with(httpBasic("operator", "demo")).with(csrf())
                        .param("elderId", String.valueOf(elderId)).param("serviceItemId", String.valueOf(item.id()))
                        .param("when", "asap").param("notes", "敲门前先打电话"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrlPattern("/orders/*"))
                .andReturn().getResponse().getRedirectedUrl();
        mvc.perform(get(location).with(httpBasic("operator", "demo")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("敲门前先打电话")))
                .andExpect(content().string(containsString("待派单")))
                .andExpect(content().string(containsString("class=\"timeline\"")));
        mvc.perform(get(location).with(httpBasic("family", "demo"))).andExpect(status().isOk());
        mvc.perform(get("/orders").with(httpBasic("operator", "demo")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(location)));
    }

    @Test
    void aWindowInThePastComesBackAsAFieldErrorAndStoresNothing() throws Exception {
        long before = count();
        LocalDate yesterday = LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(1);
        mvc.perform(post("/orders").with(httpBasic("operator", "demo")).with(csrf())
                        .param("elderId", String.valueOf(elderId)).param("serviceItemId", String.valueOf(item.id()))
                        .param("when", "window").param("day", yesterday.toString()).param("fromTime", "09:00").param("toTime", "10:00"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("服务时段已经过去")))
                .andExpect(content().string(containsString("has-error")));
        mvc.perform(post("/orders").with(httpBasic("operator", "demo")).with(csrf())
                        .param("elderId", String.valueOf(elderId)).param("serviceItemId", "")
                        .param("when", "asap"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("此项必填")));
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void supervisorsAndCaregiversDoNotPlaceOrdersAndOtherCountiesAreNotFound() throws Exception {
        mvc.perform(get("/orders/new").param("elder", String.valueOf(elderId)).with(httpBasic("caregiver", "demo")))
                .andExpect(status().isForbidden());
        String countyPrefix = jdbc.sql("select scope_region from app_user where username = 'county'").query(String.class).single();
        Long elsewhere = jdbc.sql("select id from service_order where region_code not like :p order by id limit 1")
                .param("p", countyPrefix + "%").query(Long.class).optional().orElse(null);
        if (elsewhere == null) {
            String location = mvc.perform(post("/orders").with(httpBasic("operator", "demo")).with(csrf())
                            .param("elderId", String.valueOf(jdbc.sql("select id from elder where status = 'ACTIVE' and region_code not like :p order by id limit 1")
                                    .param("p", countyPrefix + "%").query(Long.class).single()))
                            .param("serviceItemId", String.valueOf(item.id())).param("when", "asap"))
                    .andReturn().getResponse().getRedirectedUrl();
            elsewhere = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        }
        mvc.perform(get("/orders/" + elsewhere).with(httpBasic("county", "demo"))).andExpect(status().isNotFound());
        mvc.perform(get("/orders").with(httpBasic("county", "demo")))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("/orders/" + elsewhere + "\""))));
    }
}
