package org.yiyang.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.yiyang.IntegrationTest;
import org.yiyang.elder.CallerMatch;
import org.yiyang.elder.ElderRegistry;
import org.yiyang.provider.CaregiverSkill;
import org.yiyang.provider.ServiceCatalogue;
import org.yiyang.provider.ServiceItem;
import org.yiyang.shared.DataScope;

/** The hotline: the caller's number finds the elder, the order form shows the price and how soon someone can come. */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HotlineIntegrationTests {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired ElderRegistry elders;
    @Autowired ServiceCatalogue catalogue;

    long elderId;
    String name;
    String ownPhone;

    @BeforeAll
    void fixtures() {
        elderId = jdbc.sql("select scope_elder_id from app_user where username = 'family'").query(Long.class).single();
        name = jdbc.sql("select name from elder where id = :id").param("id", elderId).query(String.class).single();
        ownPhone = jdbc.sql("select phones[1] from elder where id = :id").param("id", elderId).query(String.class).single();
    }

    @Test
    void theEldersOwnNumberFindsThemWithTheirFamilysNumbersAndAnOrderButton() throws Exception {
        String spaced = ownPhone.substring(0, 3) + " " + ownPhone.substring(3, 7) + "-" + ownPhone.substring(7);
        mvc.perform(get("/hotline").param("phone", spaced).with(httpBasic("operator", "demo")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-elder=\"" + elderId + "\"")))
                .andExpect(content().string(containsString("老人本人来电")))
                .andExpect(content().string(containsString("/orders/new?elder=" + elderId)));
        // opening the record to the operator is audited
        assertThat(jdbc.sql("select count(*) from personal_data_audit where subject_id = :id")
                .param("id", elderId).query(Long.class).single()).isPositive();
    }

    @Test
    void aChildsNumberFindsTheParent() throws Exception {
        record Contact(long elderId, String name, String phone) {
        }
        Contact c = jdbc.sql("""
                select c.elder_id, c.name, c.phone from elder_contact c join elder e on e.id = c.elder_id
                 where e.status = 'ACTIVE' and c.phone is not null
                   and not exists (select 1 from elder e2 where c.phone = any(e2.phones))
                 order by c.elder_id limit 1
                """).query((rs, i) -> new Contact(rs.getLong(1), rs.getString(2), rs.getString(3))).single();
        mvc.perform(get("/hotline").param("phone", c.phone()).with(httpBasic("operator", "demo")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-elder=\"" + c.elderId() + "\"")))
                .andExpect(content().string(containsString(c.name() + " 来电")))
                .andExpect(content().string(not(containsString("老人本人来电"))));
        List<CallerMatch> matches = elders.findByCaller(new DataScope.Region("41"), c.phone(), 10);
        assertThat(matches).extracting(CallerMatch::elderId).contains(c.elderId());
        assertThat(matches).allMatch(m -> !m.elderThemself());
    }

    @Test
    void anotherCountysEldersAndJunkFindNobody() throws Exception {
        String county = jdbc.sql("select scope_region from app_user where username = 'county'").query(String.class).single();
        String phoneElsewhere = jdbc.sql("""
                select phones[1] from elder where status = 'ACTIVE' and region_code not like :p and cardinality(phones) > 0
                 order by id limit 1
                """).param("p", county + "%").query(String.class).single();
        assertThat(elders.findByCaller(new DataScope.Region(county), phoneElsewhere, 10))
                .noneMatch(m -> jdbc.sql("select region_code not like :p from elder where id = :id")
                        .param("p", county + "%").param("id", m.elderId()).query(Boolean.class).single());
        assertThat(elders.findByCaller(new DataScope.Region(county), "'; drop table elder; --", 10)).isEmpty();
        mvc.perform(get("/hotline").param("phone", "<script>alert(1)</script>").with(httpBasic("operator", "demo")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("不是电话号码")))
                .andExpect(content().string(not(containsString("<script>alert(1)</script>"))));
        mvc.perform(get("/hotline").param("phone", "13900000000").with(httpBasic("provider", "demo")))
                .andExpect(status().isForbidden());
    }

    @Test
    void theOrderFormShowsThePriceAndHowSoonSomeoneCanCome() throws Exception {
        ServiceItem meal = catalogue.listActive().stream().filter(i -> i.requiredSkill() == CaregiverSkill.MEAL).findFirst().orElseThrow();
        String price = String.format("%.2f", meal.price().fen() / 100.0);
        mvc.perform(get("/orders/estimate").param("elderId", String.valueOf(elderId)).param("serviceItemId", String.valueOf(meal.id()))
                        .param("when", "window").param("day", java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).plusDays(1).toString())
                        .param("fromTime", "10:00").param("toTime", "12:00").with(httpBasic("operator", "demo")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("¥" + price)))
                .andExpect(content().string(containsString("id=\"estimate\"")))
                .andExpect(content().string(org.hamcrest.Matchers.anyOf(containsString("位合格护理员可以上门"),
                        containsString("暂时无人可派"))));
        // nothing chosen yet: an empty box, no error
        mvc.perform(get("/orders/estimate").param("elderId", String.valueOf(elderId)).with(httpBasic("operator", "demo")))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("¥"))));
    }
}
