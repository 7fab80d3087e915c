package org.yiyang.shared.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.yiyang.IntegrationTest;

/**
 * A module event whose listener failed (in bench/faults.sh: the dispatcher's row lock timed out
 * while another session held the orders table) is handed to the listener again and completed,
 * without waiting for a node to restart.
 */
@IntegrationTest
class FailedEventResubmissionIntegrationTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    FailedEventResubmission resubmission;

    @Test
    void aFailedPublicationIsResubmittedAndCompleted() throws Exception {
        String elder = first(mvc.perform(get("/api/v1/elders?size=1&status=ACTIVE").with(httpBasic("operator", "demo")))
                .andReturn().getResponse().getContentAsString());
        String item = first(mvc.perform(get("/api/v1/service-items?q=ZC-001").with(httpBasic("operator", "demo")))
                .andReturn().getResponse().getContentAsString());
        String order = first(mvc.perform(post("/api/v1/orders").with(httpBasic("operator", "demo")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"elderId\":" + elder + ",\"serviceItemId\":" + item + ",\"notes\":\"resubmission\"}"))
                .andReturn().getResponse().getContentAsString());
        String match = "%\"orderId\":" + order + ",%";
        String where = " from event_publication where event_type like '%.ServiceOrderPlaced' and serialized_event like ?";
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() ->
                jdbc.sql("select count(*)" + where + " and completion_date is not null").param(match).query(Long.class).single() == 1);

        // as if the listener had thrown a minute ago
        assertThat(jdbc.sql("update event_publication set completion_date = null, status = 'FAILED', completion_attempts = 1, "
                + "publication_date = now() - interval '1 minute'" + where.substring(" from event_publication".length())).param(match).update())
                .isEqualTo(1);

        // the incomplete publication shows in the gauges operators alert on
        mvc.perform(get("/actuator/metrics/yiyang.events.incomplete").with(httpBasic("operator", "demo")))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.measurements[0].value")
                        .value(org.hamcrest.Matchers.greaterThanOrEqualTo(1.0)));
        mvc.perform(get("/actuator/metrics/yiyang.events.oldest.incomplete").with(httpBasic("operator", "demo")))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.measurements[0].value")
                        .value(org.hamcrest.Matchers.greaterThanOrEqualTo(59.0)));

        resubmission.resubmit();

        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() ->
                jdbc.sql("select count(*)" + where + " and completion_date is not null").param(match).query(Long.class).single() == 1);
        assertThat(jdbc.sql("select status" + where).param(match).query(String.class).single()).isEqualTo("COMPLETED");
    }

    private static String first(String json) {
        Matcher m = Pattern.compile("\"id\"\\s*:\\s*(\\d+)").matcher(json);
        assertThat(m.find()).as(json).isTrue();
        return m.group(1);
    }
}
