package org.yiyang.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.modulith.test.PublishedEvents;
import org.springframework.modulith.test.PublishedEventsExtension;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.yiyang.IntegrationTest;
import org.yiyang.elder.ElderRecord;
import org.yiyang.elder.ElderRegistry;
import org.yiyang.provider.CaregiverSkill;
import org.yiyang.provider.ServiceCatalogue;
import org.yiyang.provider.ServiceItem;
import org.yiyang.shared.DataScope;

/**
 * The service loop through the API with the demo logins: operator places for family's elder,
 * dispatches to caregiver, who accepts, checks in, adds a photo, checks out and takes the elder's
 * code; family rates. Plus scope, bad input (nothing stored), 409s and the module events.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(PublishedEventsExtension.class)
class OrderApiIntegrationTests {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired ElderRegistry elders;
    @Autowired ServiceCatalogue catalogue;

    long elderId;
    long caregiverId;
    ElderRecord.Address home;
    ServiceItem item;
    OffsetDateTime from;
    OffsetDateTime to;

    @BeforeAll
    void fixtures() {
        elderId = jdbc.sql("select scope_elder_id from app_user where username = 'family'").query(Long.class).single();
        caregiverId = jdbc.sql("select scope_caregiver_id from app_user where username = 'caregiver'").query(Long.class).single();
        home = elders.find(new DataScope.Elder(elderId), elderId).primaryAddress();
        Set<CaregiverSkill> demoSkills = Set.of(CaregiverSkill.MEAL, CaregiverSkill.CLEANING, CaregiverSkill.VISIT, CaregiverSkill.NURSING);
        item = catalogue.listActive().stream().filter(i -> demoSkills.contains(i.requiredSkill())).findFirst().orElseThrow();
        // the demo caregiver works Monday to Saturday: the next such day from tomorrow
        LocalDate day = LocalDate.now(ZONE).plusDays(1);
        while (day.getDayOfWeek() == DayOfWeek.SUNDAY) {
            day = day.plusDays(1);
        }
        from = day.atTime(LocalTime.of(9, 0)).atZone(ZONE).toOffsetDateTime();
        to = from.plusHours(2);
    }

    String newOrder() {
        return """
                {"elderId": %d, "serviceItemId": %d, "windowFrom": "%s", "windowTo": "%s", "notes": "请先打电话"}
                """.formatted(elderId, item.id(), from, to);
    }

    long place(String user) throws Exception {
        String body = mvc.perform(post("/api/v1/orders").with(httpBasic(user, "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content(newOrder()))
                .andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.read(body, "$.id")).longValue();
    }

    MockHttpServletRequestBuilder action(long id, String action, String user, String json) {
        return post("/api/v1/orders/" + id + "/" + action).with(httpBasic(user, "demo"))
                .contentType(MediaType.APPLICATION_JSON).content(json);
    }

    long dispatched() throws Exception {
        long id = place("operator");
        mvc.perform(action(id, "dispatch", "operator", "{\"caregiverId\": " + caregiverId + "}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.state").value("OFFERED"));
        return id;
    }

    long accepted() throws Exception {
        long id = dispatched();
        mvc.perform(action(id, "accept", "caregiver", "{}")).andExpect(status().isOk());
        return id;
    }

    String near() {
        return "{\"lat\": %s, \"lng\": %s}".formatted(home.location().lat() + 0.0003, home.location().lng());
    }

    long countOrders() {
        return jdbc.sql("select count(*) from service_order").query(Long.class).single();
    }

    static byte[] png() {
        return new byte[]{(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R', 1, 2, 3};
    }

    @Test
    void theWholeServiceLoopLeavesAFullHistory(PublishedEvents events) throws Exception {
        long id = place("operator");
        mvc.perform(get("/api/v1/orders/" + id).with(httpBasic("operator", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("CREATED"))
                .andExpect(jsonPath("$.channel").value("HOTLINE"))
                .andExpect(jsonPath("$.service.code").value(item.code()))
                .andExpect(jsonPath("$.service.priceFen").value(item.price().fen()))
                .andExpect(jsonPath("$.address.text").value(home.address()));

        mvc.perform(action(id, "dispatch", "operator", "{\"caregiverId\": " + caregiverId + "}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("OFFERED"))
                .andExpect(jsonPath("$.caregiverId").value(caregiverId));
        mvc.perform(action(id, "accept", "caregiver", "{}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("ACCEPTED"))
                .andExpect(jsonPath("$.confirmationCode").doesNotExist());
        String familyView = mvc.perform(get("/api/v1/orders/" + id).with(httpBasic("family", "demo")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String code = JsonPath.read(familyView, "$.confirmationCode");
        assertThat(code).matches("\\d{4}");

        mvc.perform(action(id, "check-in", "caregiver", "{\"location\": " + near() + "}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("IN_SERVICE"))
                .andExpect(jsonPath("$.visit.distanceMeters").value(org.hamcrest.Matchers.both(
                        org.hamcrest.Matchers.greaterThan(25)).and(org.hamcrest.Matchers.lessThan(45))))
                .andExpect(jsonPath("$.visit.withinGeofence").value(true));
        mvc.perform(multipart("/api/v1/orders/" + id + "/photos")
                        .file(new MockMultipartFile("file", "before.png", "image/png", png()))
                        .with(httpBasic("caregiver", "demo")))
                .andExpect(status().isCreated());
        mvc.perform(action(id, "check-out", "caregiver", "{\"location\": " + near() + "}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("COMPLETED"));
        mvc.perform(action(id, "confirm", "caregiver", "{\"code\": \"" + code + "\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("CONFIRMED"));
        mvc.perform(action(id, "rate", "family", "{\"stars\": 5, \"comment\": \"很细心\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("RATED"))
                .andExpect(jsonPath("$.rating").value(5));
        mvc.perform(action(id, "rate", "family", "{\"stars\": 4}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("order.already-rated"));

        String sha = PhotoHash.of(png());
        mvc.perform(get("/api/v1/orders/" + id).with(httpBasic("operator", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.history[*].action").value(contains(
                        "place", "dispatch", "accept", "check-in", "photo", "check-out", "confirm", "rate")))
                .andExpect(jsonPath("$.history[*].username").value(contains(
                        "operator", "operator", "caregiver", "caregiver", "caregiver", "caregiver", "caregiver", "family")))
                .andExpect(jsonPath("$.history[3].location.lat").value(home.location().lat() + 0.0003))
                .andExpect(jsonPath("$.history[3].at").exists())
                .andExpect(jsonPath("$.history[6].detail").value("by=code"))
                .andExpect(jsonPath("$.visit.serviceCode").value(item.code()))
                .andExpect(jsonPath("$.visit.elderId").value(elderId))
                .andExpect(jsonPath("$.visit.caregiverId").value(caregiverId))
                .andExpect(jsonPath("$.visit.serviceDate").exists())
                .andExpect(jsonPath("$.visit.start").exists())
                .andExpect(jsonPath("$.visit.end").exists())
                .andExpect(jsonPath("$.photos[0].sha256").value(sha))
                .andExpect(jsonPath("$.photos[0].contentType").value("image/png"))
                .andExpect(jsonPath("$.photos[0].uploadedBy").value("caregiver"));
        String path = jdbc.sql("select path from order_photo where order_id = :id").param("id", id).query(String.class).single();
        assertThat(Files.readAllBytes(Path.of("target/test-photos").resolve(path))).isEqualTo(png());
        long photoId = jdbc.sql("select id from order_photo where order_id = :id").param("id", id).query(Long.class).single();
        byte[] served = mvc.perform(get("/api/v1/orders/" + id + "/photos/" + photoId).with(httpBasic("family", "demo")))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "image/png"))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(served).isEqualTo(png());
        mvc.perform(get("/api/v1/orders/" + id + "/photos/" + (photoId + 100000)).with(httpBasic("family", "demo")))
                .andExpect(status().isNotFound());

        assertThat(events.ofType(ServiceOrderPlaced.class).matching(e -> e.orderId() == id)).hasSize(1);
        assertThat(events.ofType(ServiceOrderDispatched.class).matching(e -> e.orderId() == id && e.caregiverId() == caregiverId)).hasSize(1);
        assertThat(events.ofType(ServiceOrderAccepted.class).matching(e -> e.orderId() == id)).hasSize(1);
        assertThat(events.ofType(ServiceOrderCheckedIn.class).matching(e -> e.orderId() == id)).hasSize(1);
        assertThat(events.ofType(ServiceOrderCompleted.class).matching(e -> e.orderId() == id)).hasSize(1);
        assertThat(events.ofType(ServiceOrderConfirmed.class).matching(e -> e.orderId() == id)).hasSize(1);
        assertThat(events.ofType(ServiceOrderRated.class).matching(e -> e.orderId() == id && e.stars() == 5)).hasSize(1);
    }

    @Test
    void familyPlacesAndCancelsItsOwnOrder(PublishedEvents events) throws Exception {
        long id = place("family");
        mvc.perform(get("/api/v1/orders/" + id).with(httpBasic("family", "demo")))
                .andExpect(jsonPath("$.channel").value("FAMILY"));
        mvc.perform(action(id, "cancel", "family", "{}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("CANCELLED"));
        mvc.perform(action(id, "cancel", "family", "{}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("order.cancel.too-late"));
        assertThat(events.ofType(ServiceOrderCancelled.class).matching(e -> e.orderId() == id)).hasSize(1);
    }

    @Test
    void refusalReturnsTheOrderToDispatchWithTheReason(PublishedEvents events) throws Exception {
        long id = dispatched();
        mvc.perform(action(id, "refuse", "caregiver", "{}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("reason"));
        mvc.perform(action(id, "refuse", "caregiver", "{\"reason\": \"时间冲突\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("CREATED"))
                .andExpect(jsonPath("$.stateReason").value("时间冲突"));
        // the refusing caregiver still sees the order in the history, but may not act on it
        mvc.perform(action(id, "accept", "caregiver", "{}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("order.not-offered"));
        assertThat(events.ofType(ServiceOrderRefused.class).matching(e -> e.orderId() == id)).hasSize(1);
    }

    @Test
    void actionsOutOfOrderAre409WithACode() throws Exception {
        long id = place("operator");
        mvc.perform(action(id, "accept", "caregiver", "{}")).andExpect(status().isNotFound()); // not offered to them: not in scope
        long offered = dispatched();
        mvc.perform(action(offered, "check-in", "caregiver", "{\"location\": " + near() + "}"))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("order.not-accepted"));
        mvc.perform(action(offered, "dispatch", "operator", "{\"caregiverId\": " + caregiverId + "}"))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("order.already-offered"));
        long acc = accepted();
        mvc.perform(action(acc, "accept", "caregiver", "{}"))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("order.already-accepted"));
        mvc.perform(action(acc, "rate", "family", "{\"stars\": 3}"))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("order.not-completed"));
        mvc.perform(action(acc, "check-in", "caregiver", "{\"location\": " + near() + "}")).andExpect(status().isOk());
        mvc.perform(action(acc, "cancel", "operator", "{\"reason\": \"x\"}"))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("order.cancel.too-late"));
    }

    @Test
    void rolesOnlyTakeTheirOwnSteps() throws Exception {
        long id = place("operator");
        mvc.perform(action(id, "dispatch", "family", "{\"caregiverId\": " + caregiverId + "}")).andExpect(status().isForbidden());
        mvc.perform(action(id, "dispatch", "county", "{\"caregiverId\": " + caregiverId + "}")).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/orders").with(httpBasic("caregiver", "demo"))
                .contentType(MediaType.APPLICATION_JSON).content(newOrder())).andExpect(status().isForbidden());
        long acc = accepted();
        mvc.perform(action(acc, "check-in", "operator", "{\"location\": " + near() + "}")).andExpect(status().isForbidden());
    }

    @Test
    void checkingInFarAwayNeedsAReason() throws Exception {
        long id = accepted();
        String far = "{\"lat\": %s, \"lng\": %s}".formatted(home.location().lat() + 0.01, home.location().lng());
        mvc.perform(action(id, "check-in", "caregiver", "{\"location\": " + far + "}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("reason"))
                .andExpect(jsonPath("$.errors[0].code").value("order.check-in.outside-geofence"));
        mvc.perform(get("/api/v1/orders/" + id).with(httpBasic("operator", "demo"))).andExpect(jsonPath("$.state").value("ACCEPTED"));
        mvc.perform(action(id, "check-in", "caregiver", "{\"location\": " + far + ", \"reason\": \"老人在社区活动室\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.visit.withinGeofence").value(false))
                .andExpect(jsonPath("$.visit.outsideGeofenceReason").value("老人在社区活动室"));
    }

    @Test
    void dispatchToACaregiverWhoDoesNotQualifyIsRefused() throws Exception {
        long id = place("operator");
        long unqualified = jdbc.sql("select id from caregiver where status = 'LEFT' order by id limit 1").query(Long.class).single();
        mvc.perform(action(id, "dispatch", "operator", "{\"caregiverId\": " + unqualified + "}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("caregiverId"))
                .andExpect(jsonPath("$.errors[0].code").value("order.dispatch.not-candidate"));
    }

    @Test
    void photosMustBeImagesOfAtMostFiveMegabytes() throws Exception {
        long id = accepted();
        mvc.perform(multipart("/api/v1/orders/" + id + "/photos").file(new MockMultipartFile("file", "a.png", "image/png", png()))
                .with(httpBasic("caregiver", "demo")))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("order.photo.not-in-service"));
        mvc.perform(action(id, "check-in", "caregiver", "{\"location\": " + near() + "}")).andExpect(status().isOk());
        mvc.perform(multipart("/api/v1/orders/" + id + "/photos")
                        .file(new MockMultipartFile("file", "fake.jpg", "image/jpeg", "not an image at all".getBytes()))
                        .with(httpBasic("caregiver", "demo")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].code").value("order.photo.not-image"));
        byte[] big = new byte[5 * 1024 * 1024 + 1];
        big[0] = (byte) 0xFF;
        big[1] = (byte) 0xD8;
        big[2] = (byte) 0xFF;
        mvc.perform(multipart("/api/v1/orders/" + id + "/photos").file(new MockMultipartFile("file", "big.jpg", "image/jpeg", big))
                        .with(httpBasic("caregiver", "demo")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].code").value("order.photo.too-large"));
        assertThat(jdbc.sql("select count(*) from order_photo where order_id = :id").param("id", id).query(Long.class).single()).isZero();
    }

    @Test
    void badOrdersAreRefusedWithFieldErrorsAndStoreNothing() throws Exception {
        long before = countOrders();
        String past = """
                {"elderId": %d, "serviceItemId": %d, "windowFrom": "%s", "windowTo": "%s"}
                """.formatted(elderId, item.id(), OffsetDateTime.now(ZoneOffset.UTC).minusDays(2), OffsetDateTime.now(ZoneOffset.UTC).minusDays(2).plusHours(1));
        mvc.perform(post("/api/v1/orders").with(httpBasic("operator", "demo")).contentType(MediaType.APPLICATION_JSON).content(past))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("windowFrom"))
                .andExpect(jsonPath("$.errors[0].code").value("order.window.past"));
        String reversed = """
                {"elderId": %d, "serviceItemId": %d, "windowFrom": "%s", "windowTo": "%s"}
                """.formatted(elderId, item.id(), to, from);
        mvc.perform(post("/api/v1/orders").with(httpBasic("operator", "demo")).contentType(MediaType.APPLICATION_JSON).content(reversed)
                        .header("Accept-Language", "en"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].code").value("order.window.reversed"))
                .andExpect(jsonPath("$.errors[0].message").value("The window must end after it starts."));
        String unknownItem = """
                {"elderId": %d, "serviceItemId": 987654321, "address": "月球背面"}
                """.formatted(elderId);
        mvc.perform(post("/api/v1/orders").with(httpBasic("operator", "demo")).contentType(MediaType.APPLICATION_JSON).content(unknownItem))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].code").value(hasItem("order.service-item.unknown")))
                .andExpect(jsonPath("$.errors[*].code").value(hasItem("order.address.not-elders")));
        mvc.perform(post("/api/v1/orders").with(httpBasic("operator", "demo")).contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("elderId")));
        long inactive = jdbc.sql("select id from elder where status <> 'ACTIVE' order by id limit 1").query(Long.class).single();
        mvc.perform(post("/api/v1/orders").with(httpBasic("operator", "demo")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"elderId\": %d, \"serviceItemId\": %d}".formatted(inactive, item.id())))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].code").value("order.elder.inactive"));
        assertThat(countOrders()).isEqualTo(before);
    }

    @Test
    void anElderOrOrderOutsideTheScopeIsNotFound() throws Exception {
        String countyPrefix = jdbc.sql("select scope_region from app_user where username = 'county'").query(String.class).single();
        long elsewhere = jdbc.sql("select id from elder where status = 'ACTIVE' and region_code not like :p order by id limit 1")
                .param("p", countyPrefix + "%").query(Long.class).single();
        long before = countOrders();
        mvc.perform(post("/api/v1/orders").with(httpBasic("family", "demo")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"elderId\": %d, \"serviceItemId\": %d}".formatted(elsewhere, item.id())))
                .andExpect(status().isNotFound());
        assertThat(countOrders()).isEqualTo(before);

        String placed = mvc.perform(post("/api/v1/orders").with(httpBasic("operator", "demo")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"elderId\": %d, \"serviceItemId\": %d}".formatted(elsewhere, item.id())))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long id = ((Number) JsonPath.read(placed, "$.id")).longValue();
        mvc.perform(get("/api/v1/orders/" + id).with(httpBasic("county", "demo")))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("order.not-found"));
        mvc.perform(get("/api/v1/orders/" + id).with(httpBasic("family", "demo"))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/orders/" + id).with(httpBasic("city", "demo"))).andExpect(status().isOk());
        mvc.perform(get("/api/v1/orders").param("size", "500").with(httpBasic("county", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].id").value(not(hasItem((int) id))))
                .andExpect(jsonPath("$.items[*].regionCode").value(everyItem(startsWith(countyPrefix))));
        mvc.perform(get("/api/v1/orders").param("state", "CREATED").param("size", "500").with(httpBasic("operator", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].state").value(everyItem(org.hamcrest.Matchers.is("CREATED"))));
        mvc.perform(get("/api/v1/orders").param("state", "NOPE").with(httpBasic("operator", "demo")))
                .andExpect(status().isBadRequest());
    }

    @Test
    void concurrentDispatchesOfOneOrderOfferItOnce() throws Exception {
        long id = place("operator");
        int threads = 8;
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        java.util.List<java.util.concurrent.Future<Integer>> results = new java.util.ArrayList<>();
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(threads)) {
            for (int i = 0; i < threads; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return mvc.perform(action(id, "dispatch", "operator", "{\"caregiverId\": " + caregiverId + "}"))
                            .andReturn().getResponse().getStatus();
                }));
            }
            start.countDown();
            java.util.List<Integer> statuses = new java.util.ArrayList<>();
            for (var f : results) {
                statuses.add(f.get());
            }
            assertThat(statuses).containsOnly(200, 409);
            assertThat(statuses.stream().filter(st -> st == 200).count()).isEqualTo(1);
        }
        assertThat(jdbc.sql("select count(*) from order_event where order_id = :id and action = 'dispatch'").param("id", id)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void theCreationIsIdempotent() throws Exception {
        String key = java.util.UUID.randomUUID().toString();
        String first = mvc.perform(post("/api/v1/orders").with(httpBasic("operator", "demo")).header("Idempotency-Key", key)
                        .contentType(MediaType.APPLICATION_JSON).content(newOrder()))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long before = countOrders();
        mvc.perform(post("/api/v1/orders").with(httpBasic("operator", "demo")).header("Idempotency-Key", key)
                        .contentType(MediaType.APPLICATION_JSON).content(newOrder()))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.id").value(((Number) JsonPath.read(first, "$.id")).intValue()));
        assertThat(countOrders()).isEqualTo(before);
    }

    /** SHA-256 in hex, as the store computes it. */
    static final class PhotoHash {
        static String of(byte[] b) throws Exception {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(b));
        }
    }
}
