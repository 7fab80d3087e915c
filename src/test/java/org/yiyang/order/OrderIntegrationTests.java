package org.yiyang.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.PublishedEvents;
import org.springframework.modulith.test.PublishedEventsExtension;
import org.springframework.test.web.servlet.MockMvc;
import org.yiyang.IntegrationTest;
import org.yiyang.provider.CaregiverSkill;
import org.yiyang.provider.ServiceCatalogue;

/** The sweep: expired offers go back to dispatch, orders nobody took before their window closed expire. */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(PublishedEventsExtension.class)
class OrderIntegrationTests {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired ServiceOrders orders;
    @Autowired ServiceCatalogue catalogue;

    long elderId;
    long caregiverId;
    long itemId;

    @BeforeAll
    void fixtures() {
        elderId = jdbc.sql("select scope_elder_id from app_user where username = 'family'").query(Long.class).single();
        caregiverId = jdbc.sql("select scope_caregiver_id from app_user where username = 'caregiver'").query(Long.class).single();
        itemId = catalogue.listActive().stream().filter(i -> i.requiredSkill() == CaregiverSkill.MEAL).findFirst().orElseThrow().id();
    }

    /** An ASAP order (today): dispatched on any day the demo caregiver is a candidate for MEAL, else left CREATED. */
    long placeAsap() throws Exception {
        String body = mvc.perform(post("/api/v1/orders").with(httpBasic("operator", "demo")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"elderId\": %d, \"serviceItemId\": %d}".formatted(elderId, itemId)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.read(body, "$.id")).longValue();
    }

    String state(long id) {
        return jdbc.sql("select state from service_order where id = :id").param("id", id).query(String.class).single();
    }

    @Test
    void anOfferPastItsExpiryReturnsToDispatch(PublishedEvents events) throws Exception {
        long id = placeAsap();
        // put the order into OFFERED directly (the demo caregiver may be off duty today), expired a minute ago
        jdbc.sql("""
                update service_order set state = 'OFFERED', caregiver_id = :cg, provider_id = 1,
                       offer_expires_at = now() - interval '1 minute' where id = :id
                """).param("cg", caregiverId).param("id", id).update();
        orders.sweep();
        assertThat(state(id)).isEqualTo("CREATED");
        List<String> actions = jdbc.sql("select action from order_event where order_id = :id order by id").param("id", id)
                .query(String.class).list();
        assertThat(actions).containsExactly("place", "offer-expired");
        assertThat(jdbc.sql("select past_caregiver_ids @> array[:cg]::bigint[] from service_order where id = :id")
                .param("cg", caregiverId).param("id", id).query(Boolean.class).single()).isTrue();
        mvc.perform(get("/api/v1/orders/" + id).with(httpBasic("operator", "demo")))
                .andExpect(jsonPath("$.stateReason").value("order.reason.offer-expired"))
                .andExpect(jsonPath("$.history[1].username").value("system"));
        assertThat(events.ofType(ServiceOrderOfferExpired.class).matching(e -> e.orderId() == id)).hasSize(1);
    }

    @Test
    void anAsapOrderNobodyTookWithinTheDeadlineExpires() throws Exception {
        long fresh = placeAsap();
        long stale = placeAsap();
        jdbc.sql("update service_order set placed_at = now() - interval '5 hours' where id = :id").param("id", stale).update();
        orders.sweep();
        assertThat(state(stale)).isEqualTo("EXPIRED");
        assertThat(state(fresh)).isEqualTo("CREATED");
    }

    @Test
    void anOfferNotYetDueIsLeftAlone() throws Exception {
        long id = placeAsap();
        jdbc.sql("""
                update service_order set state = 'OFFERED', caregiver_id = :cg, provider_id = 1,
                       offer_expires_at = now() + interval '5 minutes' where id = :id
                """).param("cg", caregiverId).param("id", id).update();
        orders.sweep();
        assertThat(state(id)).isEqualTo("OFFERED");
    }

    @Test
    void anOrderNobodyTookBeforeItsWindowClosedExpires(PublishedEvents events) throws Exception {
        long id = placeAsap();
        OffsetDateTime past = OffsetDateTime.now(ZoneOffset.UTC).minusHours(3);
        jdbc.sql("update service_order set window_from = :f, window_to = :t where id = :id")
                .param("f", past).param("t", past.plusHours(1)).param("id", id).update();
        orders.sweep();
        assertThat(state(id)).isEqualTo("EXPIRED");
        assertThat(events.ofType(ServiceOrderExpired.class).matching(e -> e.orderId() == id)).hasSize(1);
        mvc.perform(post("/api/v1/orders/" + id + "/cancel").with(httpBasic("operator", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("order.cancel.too-late"));
    }
}
