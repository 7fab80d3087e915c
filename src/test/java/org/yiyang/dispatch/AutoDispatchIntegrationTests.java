package org.yiyang.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.yiyang.IntegrationTest;
import org.yiyang.dispatch.internal.AutoDispatcher;
import org.yiyang.identity.Role;
import org.yiyang.order.OrderAction;
import org.yiyang.order.OrderDispatching;
import org.yiyang.order.ServiceOrders;
import org.yiyang.provider.ServiceCatalogue;
import org.yiyang.provider.ServiceItem;
import org.yiyang.shared.DataScope;
import org.yiyang.shared.ScopedPrincipal;

/**
 * Automatic dispatch on the demo city: orders placed through the API are offered within 2 s to a
 * qualified caregiver, a refusal passes the order to someone else, an order nobody can take waits
 * in the dispatcher's queue with the reason, and concurrent dispatchers make exactly one offer.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AutoDispatchIntegrationTests {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired ServiceCatalogue catalogue;
    @Autowired AutoDispatcher dispatcher;
    @Autowired OrderDispatching orderDispatching;
    @Autowired ServiceOrders serviceOrders;
    @Autowired CandidateChooser chooser;
    @Autowired MessageSource messages;
    @org.springframework.beans.factory.annotation.Value("${yiyang.dispatch.retry-interval}") Duration retryInterval;

    long elderId;
    OffsetDateTime from;

    record Offer(String state, Long caregiverId, Long providerId, String reasonZh, String reasonEn) {
    }

    record Caregiver(long userId, String username, DataScope scope) implements ScopedPrincipal {
    }

    @BeforeAll
    void switchOn() {
        dispatcher.setEnabled(true);
        elderId = jdbc.sql("select scope_elder_id from app_user where username = 'family'").query(Long.class).single();
        LocalDate day = LocalDate.now(ZONE).plusDays(1);
        // demo caregivers work Monday to Saturday; Tuesdays are left to DispatchIntegrationTests, which assumes no load
        while (day.getDayOfWeek() == DayOfWeek.SUNDAY || day.getDayOfWeek() == DayOfWeek.TUESDAY) {
            day = day.plusDays(1);
        }
        from = day.atTime(LocalTime.of(9, 0)).atZone(ZONE).toOffsetDateTime();
    }

    @AfterAll
    void switchOff() {
        dispatcher.setEnabled(false);
    }

    long place(ServiceItem item, OffsetDateTime windowFrom, OffsetDateTime windowTo) throws Exception {
        String body = mvc.perform(post("/api/v1/orders").with(httpBasic("operator", "demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"elderId": %d, "serviceItemId": %d, "windowFrom": "%s", "windowTo": "%s"}
                                """.formatted(elderId, item.id(), windowFrom, windowTo)))
                .andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.read(body, "$.id")).longValue();
    }

    Offer offer(long id) {
        return jdbc.sql("""
                        select state, caregiver_id, provider_id, unassignable_reason_zh, unassignable_reason_en
                          from service_order where id = :id
                        """)
                .param("id", id)
                .query((rs, i) -> new Offer(rs.getString("state"), (Long) rs.getObject("caregiver_id"),
                        (Long) rs.getObject("provider_id"), rs.getString("unassignable_reason_zh"),
                        rs.getString("unassignable_reason_en")))
                .single();
    }

    static <T> T await(Duration timeout, Supplier<T> probe, java.util.function.Predicate<T> done) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        T value = probe.get();
        while (!done.test(value) && System.nanoTime() < deadline) {
            Thread.sleep(20);
            value = probe.get();
        }
        return value;
    }

    int dispatchSteps(long id) {
        return jdbc.sql("select count(*) from order_event where order_id = :id and action = 'dispatch'")
                .param("id", id).query(Integer.class).single();
    }

    @Test
    void aPlacedOrderIsOfferedToAQualifiedCaregiverWithinTwoSeconds() throws Exception {
        ServiceItem meal = catalogue.findByCode("ZC-001").orElseThrow();
        long id = place(meal, from, from.plusHours(2));

        Offer o = await(Duration.ofSeconds(2), () -> offer(id), x -> x.state().equals("OFFERED"));

        assertThat(o.state()).isEqualTo("OFFERED");
        // the offer went to one of the chooser's candidates for the same request
        DispatchResult expected = chooser.choose(DispatchRequest.inWindow(elderId, org.yiyang.provider.CaregiverSkill.MEAL,
                location(id), from.toLocalDate(), LocalTime.of(9, 0), LocalTime.of(11, 0), meal.standardMinutes()));
        assertThat(expected).isInstanceOf(DispatchResult.Candidates.class);
        assertThat(((DispatchResult.Candidates) expected).ranked())
                .extracting(DispatchCandidate::caregiverId).contains(o.caregiverId());
        assertThat(jdbc.sql("select count(*) from caregiver_skill where caregiver_id = :c and skill = 'MEAL'")
                .param("c", o.caregiverId()).query(Integer.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select username from order_event where order_id = :id and action = 'dispatch'")
                .param("id", id).query(String.class).single()).isEqualTo("system");
        String page = mvc.perform(get("/orders/" + id).with(httpBasic("operator", "demo")).header("Accept-Language", "en"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String name = jdbc.sql("select name from caregiver where id = :c").param("c", o.caregiverId()).query(String.class).single();
        assertThat(page).contains("Offered to " + name + ", awaiting acceptance until ");
    }

    org.yiyang.shared.GeoPoint location(long id) {
        return jdbc.sql("select address_lat, address_lng from service_order where id = :id").param("id", id)
                .query((rs, i) -> new org.yiyang.shared.GeoPoint(rs.getDouble(1), rs.getDouble(2))).single();
    }

    @Test
    void aRefusedOrderIsOfferedToSomeoneElse() throws Exception {
        ServiceItem meal = catalogue.findByCode("ZC-001").orElseThrow();
        long id = place(meal, from.plusHours(2), from.plusHours(4));
        Offer first = await(Duration.ofSeconds(2), () -> offer(id), x -> x.state().equals("OFFERED"));
        assertThat(first.state()).isEqualTo("OFFERED");

        refuseAs(first.caregiverId(), first.providerId(), id);

        Offer second = await(Duration.ofSeconds(2), () -> offer(id),
                x -> x.state().equals("OFFERED") && !first.caregiverId().equals(x.caregiverId()));
        assertThat(second.state()).isEqualTo("OFFERED");
        assertThat(second.caregiverId()).isNotEqualTo(first.caregiverId());
        assertThat(dispatchSteps(id)).isEqualTo(2);
        assertThat(orderDispatching.awaitingDispatch(id)).isEmpty();
    }

    @Test
    void anOfferNobodyAnsweredPassesToSomeoneElse() throws Exception {
        ServiceItem meal = catalogue.findByCode("ZC-001").orElseThrow();
        long id = place(meal, from.plusHours(4), from.plusHours(6));
        Offer first = await(Duration.ofSeconds(2), () -> offer(id), x -> x.state().equals("OFFERED"));
        assertThat(first.state()).isEqualTo("OFFERED");
        jdbc.sql("update service_order set offer_expires_at = now() - interval '1 second' where id = :id").param("id", id).update();

        assertThat(serviceOrders.sweep()).isGreaterThanOrEqualTo(1);

        Offer second = await(Duration.ofSeconds(2), () -> offer(id),
                x -> x.state().equals("OFFERED") && !first.caregiverId().equals(x.caregiverId()));
        assertThat(second.state()).isEqualTo("OFFERED");
        assertThat(second.caregiverId()).isNotEqualTo(first.caregiverId());
        assertThat(jdbc.sql("select action from order_event where order_id = :id order by id").param("id", id)
                .query(String.class).list()).containsExactly("place", "dispatch", "offer-expired", "dispatch");
    }

    @Test
    void ordersPlacedWhileAutomaticDispatchWasOffAreDispatchedOnceItIsOn() throws Exception {
        ServiceItem meal = catalogue.findByCode("ZC-001").orElseThrow();
        dispatcher.setEnabled(false);
        List<Long> ids = new ArrayList<>();
        try {
            for (int i = 0; i < 12; i++) {
                ids.add(place(meal, from.plusHours(6).plusMinutes(5 * i), from.plusHours(8)));
            }
            Thread.sleep(700); // longer than a worker's poll interval: nobody dispatches while off
            assertThat(ids).allSatisfy(id -> assertThat(offer(id).state()).isEqualTo("CREATED"));
            // operators see the queue waiting in the gauges
            mvc.perform(get("/actuator/metrics/yiyang.dispatch.queue.due").with(httpBasic("operator", "demo")))
                    .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.measurements[0].value")
                            .value(org.hamcrest.Matchers.greaterThanOrEqualTo(12.0)));
            mvc.perform(get("/actuator/metrics/yiyang.dispatch.queue.oldest").with(httpBasic("operator", "demo")))
                    .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.measurements[0].value")
                            .value(org.hamcrest.Matchers.greaterThanOrEqualTo(0.5)));
        } finally {
            dispatcher.setEnabled(true);
        }

        for (long id : ids) {
            assertThat(await(Duration.ofSeconds(3), () -> offer(id), x -> x.state().equals("OFFERED")).state()).isEqualTo("OFFERED");
            assertThat(dispatchSteps(id)).isEqualTo(1);
        }
        assertThat(jdbc.sql("select count(*) from service_order where id = any(:ids) and dispatch_due_at is not null")
                .param("ids", ids.toArray(new Long[0])).query(Integer.class).single()).isZero();
        // the order row is the queue: placing and dispatching leave nothing in the event publication table
        assertThat(jdbc.sql("""
                        select count(*) from event_publication
                         where serialized_event like '%"orderId":' || :id || '%' or serialized_event like '%"orderId":' || :id2 || '%'
                        """).param("id", ids.getFirst()).param("id2", ids.getLast()).query(Integer.class).single()).isZero();
    }

    private void refuseAs(long caregiverId, long providerId, long orderId) {
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new TestingAuthenticationToken(
                new Caregiver(-1, "caregiver-" + caregiverId, new DataScope.Caregiver(caregiverId, providerId)), "",
                Role.CAREGIVER.authority()));
        SecurityContextHolder.setContext(context);
        try {
            serviceOrders.act(orderId, "refuse", new OrderAction(null, null, "身体不适", null, null, null));
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    @Test
    void anOrderNobodyCanTakeWaitsInTheDispatchersQueueWithTheReason() throws Exception {
        // find a service and window nobody near family's elder can take, by asking the chooser
        org.yiyang.shared.GeoPoint home = jdbc.sql("""
                        select a.lat, a.lng from elder_address a where a.elder_id = :e order by a.id limit 1
                        """).param("e", elderId)
                .query((rs, i) -> new org.yiyang.shared.GeoPoint(rs.getDouble(1), rs.getDouble(2))).single();
        OffsetDateTime night = from.toLocalDate().atTime(LocalTime.of(2, 0)).atZone(ZONE).toOffsetDateTime();
        List<OffsetDateTime> windows = List.of(from, night);
        ServiceItem chosen = null;
        OffsetDateTime chosenFrom = null;
        NoCandidate why = null;
        outer:
        for (OffsetDateTime w : windows) {
            for (ServiceItem item : catalogue.listActive()) {
                DispatchResult r = chooser.choose(DispatchRequest.inWindow(elderId, item.requiredSkill(), home,
                        w.toLocalDate(), w.toLocalTime(), w.toLocalTime().plusHours(1), item.standardMinutes()));
                if (r instanceof NoCandidate n) {
                    chosen = item;
                    chosenFrom = w;
                    why = n;
                    break outer;
                }
            }
        }
        assertThat(chosen).as("some service nobody near the elder can take").isNotNull();

        long id = place(chosen, chosenFrom, chosenFrom.plusHours(1));

        Offer o = await(Duration.ofSeconds(2), () -> offer(id), x -> x.reasonEn() != null);
        assertThat(o.state()).isEqualTo("CREATED");
        assertThat(o.caregiverId()).isNull();
        assertThat(o.reasonEn()).isEqualTo(why.reason(messages, Locale.ENGLISH)).startsWith("no caregiver").doesNotContain("{");
        assertThat(o.reasonZh()).isEqualTo(why.reason(messages, Locale.SIMPLIFIED_CHINESE)).contains("护理员");
        assertThat(orderDispatching.awaitingDispatch(id)).isPresent();
        assertThat(jdbc.sql("select reason from order_event where order_id = :id and action = 'unassignable'")
                .param("id", id).query(String.class).list()).containsExactly(o.reasonZh());
        // tried again after the retry interval (2 min), and a retry finding nobody for the same reason adds no history
        java.time.Instant due = jdbc.sql("select dispatch_due_at from service_order where id = :id").param("id", id)
                .query(java.sql.Timestamp.class).single().toInstant();
        assertThat(due).isBetween(java.time.Instant.now().plus(retryInterval).minusSeconds(20),
                java.time.Instant.now().plus(retryInterval).plusSeconds(5));
        jdbc.sql("update service_order set dispatch_due_at = now() - interval '1 second' where id = :id").param("id", id).update();
        await(Duration.ofSeconds(3), () -> jdbc.sql("select dispatch_due_at > now() from service_order where id = :id")
                .param("id", id).query(Boolean.class).single(), Boolean::booleanValue);
        assertThat(offer(id).state()).isEqualTo("CREATED");
        assertThat(jdbc.sql("select reason from order_event where order_id = :id and action = 'unassignable'")
                .param("id", id).query(String.class).list()).containsExactly(o.reasonZh());

        // the dispatcher sees why on the order's page, and the order among the at-risk ones on top of the list
        String page = mvc.perform(get("/orders/" + id).with(httpBasic("operator", "demo")).locale(Locale.ENGLISH)
                        .header("Accept-Language", "en"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains(org.springframework.web.util.HtmlUtils.htmlEscape(o.reasonEn()));
        String list = mvc.perform(get("/orders").with(httpBasic("operator", "demo")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String body = list.substring(list.indexOf("<tbody>"));
        String firstRow = body.substring(body.indexOf("<tr"), body.indexOf("</tr>"));
        assertThat(firstRow).contains("at-risk");
        String ourRow = body.substring(body.indexOf("/orders/" + id + "\""));
        ourRow = ourRow.substring(0, ourRow.indexOf("</tr>"));
        assertThat(ourRow).contains("at-risk");
        int lastRisk = body.lastIndexOf("at-risk");
        int firstPlain = -1;
        for (String row : body.split("<tr")) {
            if (row.contains("/orders/") && !row.contains("at-risk")) {
                firstPlain = body.indexOf(row);
                break;
            }
        }
        assertThat(firstPlain == -1 || firstPlain > lastRisk).as("no at-risk row after an ordinary one").isTrue();
    }

    @Test
    void concurrentDispatchersOfferEachOrderOnce() throws Exception {
        ServiceItem meal = catalogue.findByCode("ZC-001").orElseThrow();
        dispatcher.setEnabled(false);
        List<Long> ids = new ArrayList<>();
        try {
            for (int i = 0; i < 4; i++) {
                ids.add(place(meal, from.plusHours(i), from.plusHours(i + 1)));
            }
        } finally {
            dispatcher.setEnabled(true);
        }
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            for (long id : ids) {
                CountDownLatch start = new CountDownLatch(1);
                List<Future<OptionalLong>> results = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    results.add(pool.submit(() -> {
                        start.await();
                        return dispatcher.dispatch(id);
                    }));
                }
                start.countDown();
                int offered = 0;
                for (Future<OptionalLong> f : results) {
                    if (f.get().isPresent()) {
                        offered++;
                    }
                }
                assertThat(offered).as("threads that made an offer for order %d", id).isLessThanOrEqualTo(1);
                Offer o = offer(id);
                assertThat(o.state()).isEqualTo("OFFERED");
                assertThat(dispatchSteps(id)).as("offers of order %d", id).isEqualTo(1);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theDispatchersListPagesAtRiskOrdersFirstThenTheRestNewestFirst() throws Exception {
        // a few orders at risk: placed 20 minutes ago and still awaiting dispatch (automatic dispatch off meanwhile)
        ServiceItem meal = catalogue.findByCode("ZC-001").orElseThrow();
        dispatcher.setEnabled(false);
        try {
            List<Long> old = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                old.add(place(meal, from.plusHours(9), from.plusHours(10)));
            }
            jdbc.sql("update service_order set placed_at = now() - interval '20 minutes', dispatch_due_at = null where id = any(:ids)")
                    .param("ids", old.toArray(new Long[0])).update();

            var context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(new TestingAuthenticationToken(new Caregiver(-2, "operator-test", DataScope.region("41")), "",
                    Role.OPERATOR.authority()));
            SecurityContextHolder.setContext(context);
            try {
                org.yiyang.order.OrderQuery query = new org.yiyang.order.OrderQuery(null, null, null, null, true);
                List<org.yiyang.order.OrderSummary> all = serviceOrders.search(query, org.yiyang.shared.PageQuery.of(0, 200)).items();
                List<org.yiyang.order.OrderSummary> paged = new ArrayList<>();
                for (int p = 0; p < 200 / 7 + 1 && paged.size() < all.size(); p++) {
                    paged.addAll(serviceOrders.search(query, org.yiyang.shared.PageQuery.of(p, 7)).items());
                }
                long total = serviceOrders.search(query, org.yiyang.shared.PageQuery.of(0, 1)).total();

                assertThat(paged.subList(0, Math.min(paged.size(), all.size()))).extracting(org.yiyang.order.OrderSummary::id)
                        .containsExactlyElementsOf(all.stream().map(org.yiyang.order.OrderSummary::id).toList());
                assertThat(all).extracting(org.yiyang.order.OrderSummary::id).doesNotHaveDuplicates().containsAll(old);
                int firstPlain = 0;
                while (firstPlain < all.size() && all.get(firstPlain).atRisk()) {
                    firstPlain++;
                }
                assertThat(firstPlain).as("at-risk orders on top").isGreaterThanOrEqualTo(old.size());
                assertThat(all.subList(firstPlain, all.size())).noneMatch(org.yiyang.order.OrderSummary::atRisk);
                for (List<org.yiyang.order.OrderSummary> part : List.of(all.subList(0, firstPlain), all.subList(firstPlain, all.size()))) {
                    assertThat(part).extracting(org.yiyang.order.OrderSummary::placedAt)
                            .isSortedAccordingTo(java.util.Comparator.reverseOrder());
                }
                assertThat(total).isEqualTo(jdbc.sql("select count(*) from service_order where region_code like '41%'")
                        .query(Long.class).single());
            } finally {
                SecurityContextHolder.clearContext();
            }
        } finally {
            dispatcher.setEnabled(true);
        }
    }
}
