package org.yiyang;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.yiyang.shared.IdCardNumber;
import org.yiyang.shared.UnifiedSocialCreditCode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Bad input at volume (issue 6): every POST/PUT endpoint of the API gets malformed JSON, wrong
 * types, nulls, huge strings, numbers out of range, unicode edge cases, SQL and script injection in
 * every field (seeded random choice, so a failure can be replayed). Never a 5xx; every 4xx is
 * problem+json; a rejected request stores nothing (row counts, and the updated record itself,
 * unchanged). Text that is accepted — script strings in names, addresses, notes — is then shown by
 * the console pages, which must escape it. The second test does the same for the workflow steps
 * (order actions, photos, assessment drafts and completion, surveys, eligibility, the roster
 * import), each on a record in the state the step needs, and sends over real HTTP what fails
 * before a controller is chosen.
 */
@IntegrationTest
class ApiFuzzIntegrationTests {

    private static final long SEED = 20261123L;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final AtomicInteger SERIAL = new AtomicInteger(new Random().nextInt(50_000));

    private static final String SCRIPT = "<script>alert(1)</script>";
    private static final String IMG = "<img src=x onerror=alert(1)>";
    private static final String SVG = "\"><svg onload=alert(1)>";
    private static final String TWO_MB = "长".repeat(700_000);   // 2.1 MB of UTF-8: one whole body per endpoint
    private static final String QUARTER_MB = "长".repeat(90_000);  // in single fields

    /** Values put into a field: Java values, or RAW:… for a JSON fragment written as it is. */
    private static final List<Object> VALUES = List.of(
            "", "   ", 0, -1, Long.MAX_VALUE, new BigInteger("99999999999999999999999"), 3.75, -0.0, true, false,
            List.of(), Map.of(), List.of(1, 2), Map.of("a", 1), "abc", "2026-13-45T25:61:00Z", "12:99",
            "' OR '1'='1", "'; drop table elder; --", "1; select pg_sleep(3)", "' union select password_hash from app_user --",
            SCRIPT, IMG, SVG, "javascript:alert(1)", "[[${7*7}]]", "__${T(java.lang.Runtime).getRuntime()}__::.x", "{{7*7}}",
            "a\u0000b", "RAW:\"\\ud800\"", "RAW:\"\\udfff tail\"", "\u202Eevil\u202C", "👵🏻👴🏿‍🦯", "Z̴̡̈́a̷l̵g̶o̶", "\uFEFFbom", "ｗｉｄｅ",
            "\r\n\t", "𠀀𪚥", "RAW:1e999", "RAW:-1e999", "RAW:NaN", "RAW:0x10", "RAW:01", "RAW:\"\\u0000\"");

    /** Whole bodies that are not the expected JSON. */
    private static final List<String> MALFORMED = List.of(
            "", " ", "{", "}", "[", "null", "[]", "123", "\"text\"", "{\"a\":1", "{'single':'quotes'}", "{\"a\":1,}",
            "{\"x\":" + "[".repeat(3000) + "]".repeat(3000) + "}", "{\"a\":1}{\"b\":2}", "{\"a\":/* c */1}",
            "{\"name\":\"" + "x".repeat(100) + "\"" /* unterminated object */, "\u0000\u0001\u0002");

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @org.springframework.boot.test.web.server.LocalServerPort
    int port;

    record Target(String method, String path, String who, Map<String, Object> base, String updatedTable, Long updatedId,
                  boolean mutateFields) {
        Target(String method, String path, String who, Map<String, Object> base, String updatedTable, Long updatedId) {
            this(method, path, who, base, updatedTable, updatedId, true);
        }
    }

    private final List<String> failures = new ArrayList<>();
    /** Fields that took a quarter of a megabyte of text (reported, not a failure: the API has few length limits). */
    private final List<String> acceptedHuge = new ArrayList<>();
    private int requests;

    @Test
    void badInputAtVolumeNeverFailsTheServerNorStoresAnything() throws Exception {
        Random random = new Random(SEED);
        long started = System.nanoTime();
        Fixture f = fixture();

        List<Target> targets = new ArrayList<>();
        targets.add(new Target("POST", "/api/v1/orders", "operator", order(f), null, null));
        targets.add(new Target("POST", "/api/v1/orders/" + f.order + "/cancel", "operator", map("reason", "家属取消"), "service_order", f.order));
        targets.add(new Target("POST", "/api/v1/orders/" + f.order + "/dispatch", "operator", map("caregiverId", f.caregiver), "service_order", f.order));
        targets.add(new Target("POST", "/api/v1/orders/" + f.order + "/rate", "operator", map("stars", 5, "comment", "好"), "service_order", f.order));
        targets.add(new Target("POST", "/api/v1/elders", "county", elder(f), null, null));
        targets.add(new Target("PUT", "/api/v1/elders/" + f.elder, "county", elder(f), "elder", f.elder));
        targets.add(new Target("POST", "/api/v1/elders/" + f.otherElder + "/status", "county",
                map("status", "MOVED_OUT", "reason", "随子女迁往外地", "effectiveDate", LocalDate.now().toString()), "elder", f.otherElder));
        targets.add(new Target("POST", "/api/v1/providers", "county", provider(f), null, null));
        targets.add(new Target("PUT", "/api/v1/providers/" + f.provider, "county", provider(f), "provider_org", f.provider));
        targets.add(new Target("POST", "/api/v1/facilities", "county", facility(f), null, null));
        targets.add(new Target("PUT", "/api/v1/facilities/" + f.facility, "county", facility(f), "facility", f.facility));
        targets.add(new Target("POST", "/api/v1/caregivers", "county", caregiver(f), null, null));
        targets.add(new Target("PUT", "/api/v1/caregivers/" + f.caregiver, "county", caregiver(f), "caregiver", f.caregiver));
        targets.add(new Target("POST", "/api/v1/service-items", "city", serviceItem(), null, null));
        targets.add(new Target("PUT", "/api/v1/service-items/" + f.serviceItem, "city", serviceItem(), "service_item", f.serviceItem));
        targets.add(new Target("POST", "/api/v1/system-accounts", "county",
                map("username", "fuzz-" + SERIAL.incrementAndGet(), "displayName", "测试平台", "regionPrefix", f.countyPrefix), null, null));
        targets.add(new Target("POST", "/api/v1/system-accounts/" + f.systemAccount + "/tokens", "county", map("name", "对接"), null, null));
        targets.add(new Target("POST", "/api/v1/coverage/plans/preview", "county",
                map("region", f.countyCode, "type", "COMMUNITY_STATION", "k", 2,
                        "candidates", List.of(map("id", "A", "name", "候选", "lat", f.lat, "lng", f.lng))), null, null));
        targets.add(new Target("POST", "/api/v1/coverage/candidate-sites", "county", candidateSite(f), null, null));
        targets.add(new Target("PUT", "/api/v1/coverage/candidate-sites/" + f.candidateSite, "county", candidateSite(f),
                "coverage_candidate_site", f.candidateSite));
        targets.add(new Target("POST", "/api/v1/coverage/candidate-sites/import", "county", candidateSite(f), null, null, false));
        targets.add(new Target("POST", "/api/v1/coverage/plans", "county",
                map("region", f.community, "type", "COMMUNITY_STATION", "k", 2, "source", "LISTED", "title", "模糊测试方案"), null, null));

        // assessment, surveys, eligibility rules (settings shared with other tests: malformed bodies only there)
        String today = LocalDate.now().toString();
        targets.add(new Target("POST", "/api/v1/assessments/score", "assessor",
                map("answers", map("B.1.1", 4, "B.1.2", 2), "riskEvents", map("A.2.14.1", 0), "diagnoses", List.of("F00")), null, null));
        targets.add(new Target("POST", "/api/v1/elders/" + f.assessedElder + "/assessments", "assessor",
                map("reason", "FIRST", "assessedOn", today, "answers", map("B.1.1", 4), "riskEvents", map("A.2.14.1", 0),
                        "diagnoses", List.of("F00"), "coma", false), null, null));
        targets.add(new Target("POST", "/api/v1/elders/" + f.assessedElder + "/assessments/legacy", "assessor",
                map("assessedOn", today, "barthelScore", 60, "adlGrade", 1, "level", 2, "source", "旧系统", "notes", "迁移"), null, null));
        targets.add(new Target("POST", "/api/v1/elders/" + f.assessedElder + "/assessments/change-report", "county", map("note", "身体变化"), null, null));
        targets.add(new Target("PUT", "/api/v1/assessments/intervals", "county", map("regionPrefix", f.countyPrefix, "months", 12), null, null, false));
        targets.add(new Target("PUT", "/api/v1/eligibility-rules/" + f.countyCode + "/AGE_ALLOWANCE", "county",
                map("offered", true, "minAge", 80, "categories", List.of("ECONOMIC_HARDSHIP"), "minLevel", "2"), null, null, false));
        targets.add(new Target("POST", "/api/v1/surveys", "city", survey(), null, null));
        targets.add(new Target("PUT", "/api/v1/surveys/" + f.survey, "city", survey(), null, null));
        targets.add(new Target("POST", "/api/v1/surveys/" + f.survey + "/responses", "city",
                map("elderId", f.elder, "answers", List.of(map("questionId", 1, "value", "助餐"))), null, null, false));

        for (Target t : targets) {
            fuzz(() -> t, random);
        }

        // the roster import: not a spreadsheet, an empty file, a zip that is not a workbook
        for (byte[] file : List.of(new byte[0], "name,idNumber\n张三,1".getBytes(StandardCharsets.UTF_8),
                new byte[] {'P', 'K', 3, 4, 0, 0, 0, 0, 1, 2, 3}, TWO_MB.getBytes(StandardCharsets.UTF_8))) {
            long before = count("elder");
            MockHttpServletResponse r = mvc.perform(multipart("/api/v1/elders/import")
                    .file(new MockMultipartFile("file", "roster.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", file))
                    .with(httpBasic("county", "demo"))).andReturn().getResponse();
            requests++;
            check("import of " + file.length + " bytes", r, before == count("elder"));
        }

        // the candidate-site import: not CSV, an empty file, lines that are all wrong, binary
        for (byte[] file : List.of(new byte[0], "name,address\n甲,乙".getBytes(StandardCharsets.UTF_8),
                ("候选," + SCRIPT + ",abc,def," + f.community + "\n\"unclosed").getBytes(StandardCharsets.UTF_8),
                new byte[] {'P', 'K', 3, 4, 0, 0, (byte) 0xC3, 0x28, 1, 2, 3}, TWO_MB.getBytes(StandardCharsets.UTF_8))) {
            String before = snapshot(new Target("POST", "", "county", Map.of(), null, null));
            MockHttpServletResponse r = mvc.perform(multipart("/api/v1/coverage/candidate-sites/import")
                    .file(new MockMultipartFile("file", "sites.csv", "text/csv", file))
                    .with(httpBasic("county", "demo"))).andReturn().getResponse();
            requests++;
            check("candidate-site import of " + file.length + " bytes", r,
                    before.equals(snapshot(new Target("POST", "", "county", Map.of(), null, null))));
        }

        System.out.printf("API fuzzing: %d requests in %.1f s, seed %d, %d failures%n", requests, (System.nanoTime() - started) / 1e9,
                SEED, failures.size());
        System.out.println("Fields that accepted 90,000 characters: " + acceptedHuge);
        assertThat(failures).as("requests answered with 5xx, without problem+json, or that stored something while rejected").isEmpty();

        scriptInDataIsInertInTheConsole(f);
    }

    /** Accepted text with markup in it: the pages that show it must escape it. */
    private void scriptInDataIsInertInTheConsole(Fixture f) throws Exception {
        String[] payloads = {SCRIPT, IMG, SVG};
        // an order note, an elder's address and contact, a provider's address, a facility's name, a caregiver's name, a service description
        MockHttpServletResponse placed = perform("POST", "/api/v1/orders", "operator",
                JSON.writeValueAsString(merge(order(f), "notes", String.join(" ", payloads))));
        assertThat(placed.getStatus()).as(placed.getContentAsString()).isEqualTo(201);
        long order = Long.parseLong(find(placed.getContentAsString(), "\"id\"\\s*:\\s*(\\d+)"));

        Map<String, Object> elder = elder(f);
        @SuppressWarnings("unchecked")
        Map<String, Object> address = new LinkedHashMap<>(((List<Map<String, Object>>) elder.get("addresses")).getFirst());
        address.put("address", "幸福路" + SCRIPT + IMG);
        elder.put("addresses", List.of(address));
        elder.put("contacts", List.of(map("name", "李" + SVG, "relation", IMG, "phone", "13912345678")));
        elder.put("idNumber", "");
        MockHttpServletResponse elderUpdate = perform("PUT", "/api/v1/elders/" + f.elder, "county", JSON.writeValueAsString(elder));

        MockHttpServletResponse providerUpdate = perform("PUT", "/api/v1/providers/" + f.provider, "county",
                JSON.writeValueAsString(merge(provider(f), "address", "测试路" + SCRIPT + IMG)));
        MockHttpServletResponse facilityUpdate = perform("PUT", "/api/v1/facilities/" + f.facility, "county",
                JSON.writeValueAsString(merge(facility(f), "name", "站点" + IMG, "address", SCRIPT + SVG)));
        MockHttpServletResponse siteUpdate = perform("PUT", "/api/v1/coverage/candidate-sites/" + f.candidateSite, "county",
                JSON.writeValueAsString(merge(candidateSite(f), "name", "候选" + IMG, "address", SCRIPT, "note", SVG)));
        MockHttpServletResponse itemUpdate = perform("PUT", "/api/v1/service-items/" + f.serviceItem, "city",
                JSON.writeValueAsString(merge(serviceItem(), "description", SCRIPT + IMG + SVG)));
        List<String> pages = new ArrayList<>(List.of("/orders/" + order, "/orders", "/dispatch"));
        if (elderUpdate.getStatus() == 200) {
            pages.add("/elders/" + f.elder);
            pages.add("/elders/" + f.elder + "/edit");
        }
        if (providerUpdate.getStatus() == 200) {
            pages.add("/providers/" + f.provider);
            pages.add("/providers/" + f.provider + "/edit");
        }
        if (facilityUpdate.getStatus() == 200) {
            pages.add("/facilities/" + f.facility);
            pages.add("/facilities");
        }
        if (itemUpdate.getStatus() == 200) {
            pages.add("/service-items");
        }
        if (siteUpdate.getStatus() == 200) {
            pages.add("/coverage/sites?region=" + f.community);
            pages.add("/coverage/sites/" + f.candidateSite + "/edit");
        }
        assertThat(pages).as("accepted markup to render (elder %s, provider %s, facility %s, item %s, site %s)", elderUpdate.getStatus(),
                providerUpdate.getStatus(), facilityUpdate.getStatus(), itemUpdate.getStatus(), siteUpdate.getStatus()).hasSizeGreaterThan(8);

        List<String> shown = new ArrayList<>();
        for (String page : pages) {
            String who = page.startsWith("/service-items") ? "city" : page.startsWith("/orders") || page.startsWith("/dispatch") ? "operator" : "county";
            MockHttpServletResponse r = mvc.perform(get(page).with(httpBasic(who, "demo"))).andReturn().getResponse();
            assertThat(r.getStatus()).as(page).isEqualTo(200);
            String html = r.getContentAsString();
            for (String payload : payloads) {
                assertThat(html).as("raw %s on %s", payload, page).doesNotContain(payload);
            }
            if (html.contains("&lt;script&gt;") || html.contains("&lt;img") || html.contains("&lt;svg")) {
                shown.add(page);
            }
        }
        // the detail pages do show the text, escaped (list pages may not show these fields at all)
        assertThat(shown).as("pages showing the escaped markup").contains("/orders/" + order).hasSizeGreaterThanOrEqualTo(4);
    }

    /** Malformed bodies, wrong media types, a huge body, then each field of the base body replaced by chosen values. */
    private void fuzz(Source source, Random random) throws Exception {
        fuzz(source, random, true);
    }

    /** The same, with or without the whole bodies (one endpoint method behind several paths reads them the same way). */
    private void fuzz(Source source, Random random, boolean wholeBodies) throws Exception {
        Target first = source.current();
        for (String body : wholeBodies ? MALFORMED : List.<String>of()) {
            send(source, "malformed body " + shorten(body), body.getBytes(StandardCharsets.UTF_8), MediaType.APPLICATION_JSON);
        }
        if (!wholeBodies) {
            fields(source, first, random);
            return;
        }
        send(source, "invalid UTF-8", new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, (byte) 0xFF, '"', '}'}, MediaType.APPLICATION_JSON);
        send(source, "text/plain", JSON.writeValueAsBytes(first.base()), MediaType.TEXT_PLAIN);
        send(source, "xml", "<order><notes>x</notes></order>".getBytes(StandardCharsets.UTF_8), MediaType.APPLICATION_XML);
        send(source, "huge body", ("{\"blob\":\"" + TWO_MB + "\"" + (first.base().isEmpty() ? "" : ",")
                        + JSON.writeValueAsString(first.base()).substring(1)).getBytes(StandardCharsets.UTF_8),
                MediaType.APPLICATION_JSON);
        fields(source, first, random);
    }

    private void fields(Source source, Target first, Random random) throws Exception {
        for (String path : first.mutateFields() ? fieldPaths(first.base(), "") : List.<String>of()) {
            List<Object> values = new ArrayList<>(VALUES);
            java.util.Collections.shuffle(values, random);
            List<Object> chosen = new ArrayList<>(values.subList(0, 3));
            chosen.add(null);
            chosen.add(SCRIPT);
            chosen.add("a\u0000b");   // PostgreSQL refuses NUL in text: was a 500 in four modules
            if (random.nextInt(8) == 0) {
                chosen.add(QUARTER_MB);
            }
            for (Object value : chosen) {
                send(source, path + " = " + describe(value), mutate(first.base(), path, value).getBytes(StandardCharsets.UTF_8), MediaType.APPLICATION_JSON);
            }
        }
    }

    // ---- the workflow steps -------------------------------------------------------------------

    /**
     * The workflow steps: every order action on an order in the state it needs, photos that are not
     * images, assessment drafts, signatures and completion, survey publishing, closing and answers,
     * eligibility rules and recomputation, and a roster import whose cells carry the same values. A
     * step that succeeds moves its record on, so the next request gets a fresh record in the state
     * the step needs. What was stored legitimately with markup in it is then fetched from the
     * console pages that show it.
     */
    @Test
    void workflowStepsWithBadInputNeverFailTheServerNorStoreAnything() throws Exception {
        Random random = new Random(SEED + 6);
        long started = System.nanoTime();
        Fixture f = fixture();
        Flow w = new Flow(f);

        List<String> laps = new ArrayList<>();
        long[] lap = {System.nanoTime()};
        Runnable done = () -> {
            laps.add(String.format("%.1f", (System.nanoTime() - lap[0]) / 1e9));
            lap[0] = System.nanoTime();
        };
        recompute();
        done.run();

        // orders: one controller method reads every action's body, so whole bodies go to one of them
        fuzz(w.step("check-in", "caregiver", map("location", w.near()), w::accepted), random, true);
        fuzz(w.step("dispatch", "operator", map("caregiverId", w.caregiver), w::created), random, false);
        fuzz(w.step("refuse", "caregiver", map("reason", "路太远，赶不过去"), w::offered), random, false);
        fuzz(w.step("en-route", "caregiver", map("location", w.near()), w::accepted), random, false);
        fuzz(w.step("check-in", "caregiver", map("location", w.far(), "reason", "老人在社区活动中心"), w::accepted), random, false);
        fuzz(w.step("check-out", "caregiver", map("location", w.near(), "comment", "已打扫厨房"), w::inService), random, false);
        fuzz(w.step("confirm", "operator", map("reason", "电话回访，老人确认"), w::completed), random, false);
        fuzz(w.step("rate", "operator", map("stars", 4, "comment", "很细心"), w::completed), random, false);
        fuzz(w.step("cancel", "operator", map("reason", "家属取消"), w::created), random, false);
        orderEdgeCases(w);
        photos(w);
        done.run();

        assessments(f, random);
        done.run();
        surveys(f, random);
        done.run();
        eligibilityRules(f, random);
        done.run();
        List<Long> imported = rosterImport(f);
        done.run();
        credentials();
        unroutedRequestsOverHttp(w);
        done.run();
        System.out.println("Seconds for recompute, orders, assessments, surveys, rules, import, HTTP: " + laps);

        System.out.printf("Workflow fuzzing: %d requests (%d fresh orders) in %.1f s, seed %d, %d failures%n", requests, w.renewed,
                (System.nanoTime() - started) / 1e9, SEED + 6, failures.size());
        System.out.println("Fields that accepted 90,000 characters: " + acceptedHuge);
        assertThat(failures).as("requests answered with 5xx, without problem+json, with another status than expected, "
                + "or that stored something while rejected").isEmpty();

        workflowTextIsInertInTheConsole(f, w, imported);
    }

    /** Orders of the fuzz's own elder, brought to the state an action needs, with the demo caregiver. */
    final class Flow {
        final Fixture f;
        final long caregiver;
        final long item;
        int renewed;

        Flow(Fixture f) throws Exception {
            this.f = f;
            caregiver = jdbc.sql("select scope_caregiver_id from app_user where username = 'caregiver'").query(Long.class).single();
            String skill = jdbc.sql("select min(skill) from caregiver_skill where caregiver_id = ?").param(caregiver).query(String.class).single();
            item = ApiFuzzIntegrationTests.created(perform("POST", "/api/v1/service-items", "city", JSON.writeValueAsString(merge(serviceItem(), "requiredSkill", skill))));
        }

        /** 22 m from the elder's address (elder() puts it 0.001° north and east of the community's centre). */
        Map<String, Object> near() {
            return map("lat", f.lat + 0.0012, "lng", f.lng + 0.001);
        }

        /** 5.5 km away: outside the geofence, a check-in needs a reason. */
        Map<String, Object> far() {
            return map("lat", f.lat + 0.05, "lng", f.lng + 0.001);
        }

        long created() throws Exception {
            renewed++;
            return ApiFuzzIntegrationTests.created(perform("POST", "/api/v1/orders", "operator",
                    JSON.writeValueAsString(map("elderId", f.elder, "serviceItemId", item, "notes", "模糊测试"))));
        }

        long offered() throws Exception {
            long id = created();
            act(id, "dispatch", "operator", map("caregiverId", caregiver));
            return id;
        }

        long accepted() throws Exception {
            long id = offered();
            act(id, "accept", "caregiver", map());
            return id;
        }

        long inService() throws Exception {
            long id = accepted();
            act(id, "check-in", "caregiver", map("location", near()));
            return id;
        }

        long completed() throws Exception {
            long id = inService();
            act(id, "check-out", "caregiver", map("location", near()));
            return id;
        }

        void act(long id, String action, String who, Map<String, Object> body) throws Exception {
            MockHttpServletResponse r = perform("POST", "/api/v1/orders/" + id + "/" + action, who, JSON.writeValueAsString(body));
            assertThat(r.getStatus()).as(action + " " + r.getContentAsString()).isEqualTo(200);
        }

        Source step(String action, String who, Map<String, Object> base, Fresh fresh) throws Exception {
            return renewing("POST", "/api/v1/orders/{id}/" + action, who, base, "service_order", fresh);
        }
    }

    @FunctionalInterface
    interface Fresh {
        long make() throws Exception;
    }

    /** A step on a record made by {@code fresh}, which makes the next one whenever a request succeeded. */
    private Source renewing(String method, String template, String who, Map<String, Object> base, String table, Fresh fresh) throws Exception {
        long[] id = {fresh.make()};
        return new Source() {
            @Override
            public Target current() {
                return new Target(method, template.replace("{id}", Long.toString(id[0])), who, base, table, id[0]);
            }

            @Override
            public void succeeded() throws Exception {
                id[0] = fresh.make();
            }
        };
    }

    /** One request whose answer is known: that status, problem+json when refused, and nothing changed then. */
    private MockHttpServletResponse expect(String method, String path, String who, String body, int status, String table, Long id) throws Exception {
        Target t = new Target(method, path, who, Map.of(), table, id, false);
        MockHttpServletResponse r = send(() -> t, "as " + who, body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8),
                MediaType.APPLICATION_JSON);
        if (r.getStatus() != status) {
            failures.add(method + " " + path + " as " + who + " → " + r.getStatus() + ", expected " + status + ": " + shorten(r.getContentAsString()));
        }
        return r;
    }

    /** What the brief of issue 6 names for order actions, each once whatever the seed: coordinates as text, huge texts, ratings out of range. */
    private void orderEdgeCases(Flow w) throws Exception {
        String huge = "长".repeat(1001);
        long offered = w.offered();
        expect("POST", "/api/v1/orders/" + offered + "/refuse", "caregiver", JSON.writeValueAsString(map("reason", huge)), 400, "service_order", offered);

        long accepted = w.accepted();
        String checkIn = "/api/v1/orders/" + accepted + "/check-in";
        for (String location : List.of("{\"lat\": \"abc\", \"lng\": \"def\"}", "{\"lat\": \"35.7北\", \"lng\": 115}", "{\"lat\": 91, \"lng\": 115}",
                "{\"lat\": 35, \"lng\": 181}", "{\"lat\": NaN, \"lng\": 115}", "\"35.7,115.0\"", "[35.7, 115.0]", "{\"lat\": null, \"lng\": null}", "{}")) {
            expect("POST", checkIn, "caregiver", "{\"location\": " + location + "}", 400, "service_order", accepted);
        }
        expect("POST", checkIn, "caregiver", JSON.writeValueAsString(map("location", w.far(), "reason", huge)), 400, "service_order", accepted);
        expect("POST", checkIn, "caregiver", JSON.writeValueAsString(map("location", w.far(), "reason", QUARTER_MB)), 400, "service_order", accepted);
        // numbers written as text are read as numbers (Jackson's scalar coercion): the check-in is recorded where they say
        Map<String, Object> near = w.near();
        expect("POST", checkIn, "caregiver", "{\"location\": {\"lat\": \"" + near.get("lat") + "\", \"lng\": \"" + near.get("lng") + "\"}}", 200,
                "service_order", accepted);

        long inService = w.inService();
        expect("POST", "/api/v1/orders/" + inService + "/check-out", "caregiver", JSON.writeValueAsString(map("location", near, "comment", huge)), 400,
                "service_order", inService);

        long completed = w.completed();
        String rate = "/api/v1/orders/" + completed + "/rate";
        for (String stars : List.of("0", "6", "-1", "2147483648", "99999999999999999999", "\"五星\"", "true", "[5]", "null")) {
            expect("POST", rate, "operator", "{\"stars\": " + stars + ", \"comment\": \"好\"}", 400, "service_order", completed);
        }
        expect("POST", rate, "operator", JSON.writeValueAsString(map("stars", 5, "comment", huge)), 400, "service_order", completed);
        expect("POST", "/api/v1/orders/" + completed + "/confirm", "operator", JSON.writeValueAsString(map("reason", huge)), 400, "service_order", completed);
        long created = w.created();
        expect("POST", "/api/v1/orders/" + created + "/cancel", "operator", JSON.writeValueAsString(map("reason", QUARTER_MB)), 400, "service_order", created);
    }

    /** Visit photos: files that are not JPEG, PNG or WebP whatever they claim to be, a missing part, a body that is not multipart. */
    private void photos(Flow w) throws Exception {
        long order = w.inService();
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R', 1, 2, 3};
        Map<String, byte[]> notImages = new LinkedHashMap<>();
        notImages.put("empty", new byte[0]);
        notImages.put("text", "不是照片".getBytes(StandardCharsets.UTF_8));
        notImages.put("html", ("<html><body>" + SCRIPT + "</body></html>").getBytes(StandardCharsets.UTF_8));
        notImages.put("svg", ("<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\">" + SCRIPT + "</svg>").getBytes(StandardCharsets.UTF_8));
        notImages.put("gif", new byte[] {'G', 'I', 'F', '8', '9', 'a', 1, 0, 1, 0, 0, 0, 0});
        notImages.put("pdf", "%PDF-1.7\n%âãÏÓ\n".getBytes(StandardCharsets.UTF_8));
        notImages.put("four bytes of a PNG", java.util.Arrays.copyOf(png, 4));
        notImages.put("a PNG header and 5 MB", java.util.Arrays.copyOf(png, 5 * 1024 * 1024 + 1));
        for (var e : notImages.entrySet()) {
            photo(order, "file", e.getKey(), e.getValue(), 400);
        }
        photo(order, "photo", "in a part not named file", png, 400);
        expect("POST", "/api/v1/orders/" + order + "/photos", "caregiver", "{\"file\":\"iVBORw0KGgo=\"}", 415, "service_order", order);
        photo(w.accepted(), "file", "before the check-in", png, 409);

        // a PNG with markup after its header is a PNG: stored, and served as one that browsers must not sniff
        byte[] polyglot = java.util.Arrays.copyOf(png, png.length + SCRIPT.length());
        System.arraycopy(SCRIPT.getBytes(StandardCharsets.US_ASCII), 0, polyglot, png.length, SCRIPT.length());
        MockHttpServletResponse stored = photo(order, "file", "PNG with markup", polyglot, 201);
        long photoId = Long.parseLong(find(stored.getContentAsString(), "\"id\"\\s*:\\s*(\\d+)"));
        for (String path : List.of("/api/v1/orders/" + order + "/photos/" + photoId, "/orders/" + order + "/photos/" + photoId)) {
            MockHttpServletResponse served = mvc.perform(get(path).with(as("operator"))).andReturn().getResponse();
            assertThat(served.getStatus()).as(path).isEqualTo(200);
            assertThat(served.getContentType()).as(path).isEqualTo("image/png");
            assertThat(served.getHeader("X-Content-Type-Options")).as(path).isEqualTo("nosniff");
        }
    }

    private MockHttpServletResponse photo(long order, String part, String what, byte[] content, int status) throws Exception {
        Target t = new Target("POST", "/api/v1/orders/" + order + "/photos", "caregiver", Map.of(), "service_order", order, false);
        String before = snapshot(t);
        long files = photoFiles();
        MockHttpServletResponse r = mvc.perform(multipart(t.path())
                .file(new MockMultipartFile(part, "visit.jpg", "image/jpeg", content)).with(as("caregiver"))).andReturn().getResponse();
        requests++;
        check("photo: " + what, r, r.getStatus() < 400 || (before.equals(snapshot(t)) && files == photoFiles()));
        if (r.getStatus() != status) {
            failures.add("photo: " + what + " → " + r.getStatus() + ", expected " + status + ": " + shorten(r.getContentAsString()));
        }
        return r;
    }

    private static long photoFiles() throws java.io.IOException {
        java.nio.file.Path dir = java.nio.file.Path.of("target/test-photos");
        if (!java.nio.file.Files.isDirectory(dir)) {
            return 0;
        }
        try (var files = java.nio.file.Files.walk(dir)) {
            return files.filter(java.nio.file.Files::isRegularFile).count();
        }
    }

    /** Drafts (saved with every field wrong in turn), completion with the second assessor's credentials, signatures, and the states that refuse them. */
    private void assessments(Fixture f, Random random) throws Exception {
        Map<String, Object> partial = assessment(map("B.1.1", 4, "B.1.2", 3, "B.3.7", 1));
        long draft = created(perform("POST", "/api/v1/elders/" + f.assessedElder + "/assessments", "assessor", JSON.writeValueAsString(partial)));
        fuzz(() -> new Target("PUT", "/api/v1/assessments/" + draft, "assessor", partial, "assessment", draft), random);
        fuzz(renewing("POST", "/api/v1/assessments/{id}/complete", "assessor", map("coSigner", map("username", "assessor2", "password", "demo")),
                "assessment", () -> fullDraft(f)), random);

        long other = fullDraft(f);
        String path = "/api/v1/assessments/" + other;
        expect("POST", path + "/sign", "county", null, 403, "assessment", other);
        expect("POST", path + "/sign", "operator", null, 403, "assessment", other);
        expect("POST", path + "/complete", "county", coSigner("assessor2", "demo"), 403, "assessment", other);
        expect("DELETE", path, "county", null, 403, "assessment", other);
        expect("POST", "/api/v1/assessments/999999999999/sign", "assessor", null, 404, null, null);
        expect("POST", path + "/complete", "assessor", coSigner("assessor", "demo"), 400, "assessment", other);      // the caller themself
        expect("POST", path + "/complete", "assessor", coSigner("county", "demo"), 400, "assessment", other);        // not an assessor
        expect("POST", path + "/complete", "assessor", coSigner("assessor2", "demo" + "x".repeat(100)), 400, "assessment", other);  // BCrypt stops at 72 bytes
        expect("POST", path + "/complete", "assessor", coSigner("assessor2", "长".repeat(30)), 400, "assessment", other);
        expect("POST", path + "/complete", "assessor", coSigner("x".repeat(100_000), "demo"), 400, "assessment", other);
        expect("POST", path + "/complete", "assessor", "{\"coSigner\": \"assessor2:demo\"}", 400, "assessment", other);
        expect("POST", path + "/sign", "assessor", "not even JSON", 200, "assessment", other);   // sign takes no body
        expect("POST", path + "/complete", "assessor", coSigner("assessor2", "demo"), 200, "assessment", other);
        expect("POST", path + "/sign", "assessor", null, 409, "assessment", other);
        expect("POST", path + "/complete", "assessor", coSigner("assessor2", "demo"), 409, "assessment", other);
        expect("PUT", path, "assessor", JSON.writeValueAsString(partial), 409, "assessment", other);
        expect("DELETE", path, "assessor", null, 409, "assessment", other);
    }

    private long fullDraft(Fixture f) throws Exception {
        return fullDraft(f, "首次评估");
    }

    /** A draft with every item of Annex B answered. */
    private long fullDraft(Fixture f, String notes) throws Exception {
        Map<String, Object> answers = new LinkedHashMap<>();
        int i = 0;
        for (org.yiyang.assessment.FormItem item : org.yiyang.assessment.AssessmentForm.ITEMS) {
            answers.put(item.code(), item.maxScore() - (i++ % 2));
        }
        return created(perform("POST", "/api/v1/elders/" + f.assessedElder + "/assessments", "assessor",
                JSON.writeValueAsString(merge(assessment(answers), "notes", notes))));
    }

    private static Map<String, Object> assessment(Map<String, Object> answers) {
        return map("reason", "FIRST", "assessedOn", LocalDate.now().minusDays(1).toString(), "answers", answers,
                "riskEvents", map("A.2.14.1", 0), "diagnoses", List.of("F00"), "coma", false, "notes", "首次评估");
    }

    private static String coSigner(String username, String password) {
        return JSON.writeValueAsString(map("coSigner", map("username", username, "password", password)));
    }

    /** A questionnaire through its life: what a draft refuses, publishing, answers with every field wrong in turn, closing. */
    private void surveys(Fixture f, Random random) throws Exception {
        long id = created(perform("POST", "/api/v1/surveys", "city", JSON.writeValueAsString(fullSurvey(f, "模糊测试调查", "最想要的服务", "助餐"))));
        String path = "/api/v1/surveys/" + id;
        Map<String, Object> response = map("elderId", f.elder, "answers", answers(id, "希望增加助浴"));
        expect("POST", path + "/close", "city", null, 409, "survey", id);
        expect("POST", path + "/versions", "city", null, 409, "survey", id);
        expect("POST", path + "/responses", "city", JSON.writeValueAsString(response), 409, "survey", id);
        expect("POST", path + "/publish", "operator", null, 403, "survey", id);
        expect("POST", path + "/publish", "assessor", null, 403, "survey", id);
        expect("POST", "/api/v1/surveys/999999999999/publish", "city", null, 404, null, null);
        expect("POST", path + "/publish", "city", "{\"status\": \"CLOSED\", \"questions\": []}", 200, "survey", id);
        expect("POST", path + "/publish", "city", null, 409, "survey", id);
        expect("PUT", path, "city", JSON.writeValueAsString(fullSurvey(f, "改", "改", "改")), 409, "survey", id);

        // each question first once: fieldPaths() goes into the first answer of the list
        @SuppressWarnings("unchecked")
        List<Object> answers = (List<Object>) response.get("answers");
        for (int i = 0; i < answers.size(); i++) {
            List<Object> rotated = new ArrayList<>(answers);
            java.util.Collections.rotate(rotated, -i);
            Map<String, Object> base = map("elderId", f.elder, "answers", rotated);
            fuzz(() -> new Target("POST", path + "/responses", "city", base, null, null), random, i == 0);
        }
        expect("POST", path + "/responses", "family", JSON.writeValueAsString(response), 404, null, null);   // not the family's elder
        expect("POST", path + "/close", "operator", null, 403, "survey", id);
        expect("POST", path + "/close", "city", "[1, 2", 200, "survey", id);
        expect("POST", path + "/close", "city", null, 409, "survey", id);
        expect("POST", path + "/responses", "city", JSON.writeValueAsString(response), 409, "survey", id);
    }

    private static Map<String, Object> fullSurvey(Fixture f, String title, String question, String option) {
        return map("title", title, "description", "测试", "regionCode", f.community, "questions", List.of(
                map("kind", "SINGLE", "text", question, "required", true, "options", List.of(option, "助浴")),
                map("kind", "MULTIPLE", "text", "还需要什么", "required", false, "options", List.of("助洁", "助医", "助行")),
                map("kind", "SCALE", "text", "满意度", "required", false),
                map("kind", "TEXT", "text", "建议", "required", false)));
    }

    /** Valid answers to every question of a survey made by fullSurvey(). */
    @SuppressWarnings("unchecked")
    private List<Object> answers(long survey, String text) throws Exception {
        MockHttpServletResponse r = mvc.perform(get("/api/v1/surveys/" + survey).with(as("city"))).andReturn().getResponse();
        List<Map<String, Object>> questions = (List<Map<String, Object>>) JSON.readValue(r.getContentAsString(), Map.class).get("questions");
        List<Object> out = new ArrayList<>();
        for (Map<String, Object> q : questions) {
            List<Map<String, Object>> options = (List<Map<String, Object>>) q.get("options");
            Object qid = q.get("id");
            out.add(switch ((String) q.get("kind")) {
                case "SINGLE" -> map("questionId", qid, "optionIds", List.of(options.get(0).get("id")));
                case "MULTIPLE" -> map("questionId", qid, "optionIds", List.of(options.get(0).get("id"), options.get(2).get("id")));
                case "SCALE" -> map("questionId", qid, "scale", 4);
                default -> map("questionId", qid, "text", text);
            });
        }
        return out;
    }

    /** A community's own rule with every field wrong in turn (removed afterwards: other tests read the county's rules). */
    private void eligibilityRules(Fixture f, Random random) throws Exception {
        String path = "/api/v1/eligibility-rules/" + f.community + "/OLD_AGE_ALLOWANCE";
        Map<String, Object> base = map("offered", true, "minAge", 85, "categories", List.of("LIVING_ALONE"), "minLevel", "2");
        try {
            fuzz(() -> new Target("PUT", path, "county", base, null, null), random);
            expect("PUT", path, "operator", JSON.writeValueAsString(base), 403, null, null);
            expect("PUT", path.replace("OLD_AGE_ALLOWANCE", "NO_SUCH_BENEFIT"), "county", JSON.writeValueAsString(base), 404, null, null);
        } finally {
            MockHttpServletResponse removed = perform("DELETE", path, "county", "");
            assertThat(removed.getStatus()).as(removed.getContentAsString()).isIn(204, 404);
        }
    }

    /** Recomputing eligibility: refused to those without CATALOGUE_EDIT, a body is ignored, two at once both finish. */
    private void recompute() throws Exception {
        String path = "/api/v1/eligibility/recompute";
        for (String who : List.of("operator", "assessor", "caregiver", "family")) {
            expect("POST", path, who, null, 403, null, null);
        }
        expect("POST", path, "county", "{\"region\": \"' OR '1'='1\"}", 200, null, null);
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(2)) {
            List<java.util.concurrent.Future<MockHttpServletResponse>> both = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                both.add(pool.submit(() -> mvc.perform(request(HttpMethod.POST, path).with(as("county"))).andReturn().getResponse()));
            }
            for (var answer : both) {
                MockHttpServletResponse r = answer.get();
                requests++;
                check("POST " + path + " twice at once", r, true);
                if (r.getStatus() != 200) {
                    failures.add("POST " + path + " twice at once → " + r.getStatus() + ": " + shorten(r.getContentAsString()));
                }
            }
        }
    }

    /**
     * The roster import (CSV): one file per column, each row carrying another bad value in it. Rows
     * are accepted or refused one by one; the elders added are exactly those the report calls created,
     * and a refused file adds none. Returns the elders created from rows with markup in them.
     */
    private List<Long> rosterImport(Fixture f) throws Exception {
        String[] header = {"姓名", "身份证号", "联系电话", "社区代码", "详细地址", "纬度", "经度", "居住状况", "类别", "紧急联系人", "紧急联系人电话"};
        List<String> values = List.of("", "   ", "' OR '1'='1", "'; drop table elder; --", SCRIPT, IMG, SVG, "=HYPERLINK(\"http://x\")",
                "\u202Eevil\u202C", "👵🏻👴🏿‍🦯", "9".repeat(400), "1e999", "NaN", "-91", "\"quoted\", with comma", "line\nbreak", "长".repeat(5_000));
        List<Long> withMarkup = new ArrayList<>();
        for (int c = 0; c < header.length; c++) {
            StringBuilder csv = new StringBuilder(String.join(",", header)).append('\n');
            StringBuilder nul = new StringBuilder(String.join(",", header)).append('\n').append(csvLine(rosterRow(f))).append('\n');
            for (String value : values) {
                String[] row = rosterRow(f);
                row[c] = value;
                csv.append(csvLine(row)).append('\n');
            }
            String[] row = rosterRow(f);
            row[c] = "a\u0000b";
            nul.append(csvLine(row)).append('\n');
            withMarkup.addAll(importRoster(header[c], csv.toString()));
            importRoster(header[c] + " with NUL", nul.toString());
        }
        return withMarkup;
    }

    private String[] rosterRow(Fixture f) {
        return new String[] {"模糊导入", newIdNumber(), "13812345678", f.community, "幸福路3号", String.valueOf(f.lat + 0.001),
                String.valueOf(f.lng + 0.001), "独居", "独居", "李明", "13912345678"};
    }

    private static String csvLine(String[] cells) {
        List<String> quoted = new ArrayList<>();
        for (String cell : cells) {
            quoted.add("\"" + cell.replace("\"", "\"\"") + "\"");
        }
        return String.join(",", quoted);
    }

    @SuppressWarnings("unchecked")
    private List<Long> importRoster(String what, String csv) throws Exception {
        long before = count("elder");
        MockHttpServletResponse r = mvc.perform(multipart("/api/v1/elders/import")
                .file(new MockMultipartFile("file", "roster.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
                .with(as("county"))).andReturn().getResponse();
        requests++;
        long added = count("elder") - before;
        List<Long> withMarkup = new ArrayList<>();
        if (r.getStatus() == 200) {
            Map<String, Object> report = JSON.readValue(r.getContentAsString(), Map.class);
            if (((Number) report.get("created")).longValue() != added) {
                failures.add("import, bad " + what + ": " + report.get("created") + " rows reported created, " + added + " elders added");
            }
            // the report numbers rows by the line they start on (a quoted cell may hold a line break)
            List<Integer> markupRows = new ArrayList<>();
            String[] records = csv.split("\n(?=\")");
            int line = 1;
            for (int i = 0; i < records.length; i++) {
                if (i > 0 && records[i].contains("<")) {
                    markupRows.add(line);
                }
                line += 1 + (int) records[i].chars().filter(ch -> ch == '\n').count();
            }
            for (Map<String, Object> row : (List<Map<String, Object>>) report.get("details")) {
                if ("CREATED".equals(row.get("outcome")) && markupRows.contains(((Number) row.get("row")).intValue())) {
                    withMarkup.add(((Number) row.get("elderId")).longValue());
                }
            }
        }
        check("import, bad " + what, r, r.getStatus() < 400 ? true : added == 0);
        return withMarkup;
    }

    /**
     * Over real HTTP (MockMvc neither parses multipart bodies nor routes): requests that fail before
     * a controller is chosen — a multipart body cut short or without a boundary, a path or method
     * the API does not have, a Content-Type an endpoint does not consume. They were a 500 (the
     * multipart body) or Boot's generic JSON; now problem+json like every API answer, and nothing
     * stored. The console's import gets the 400 page for the cut-short body.
     */
    private void unroutedRequestsOverHttp(Flow w) throws Exception {
        long order = w.inService();
        String base = "http://localhost:" + port;
        String truncated = "--xyz\r\nContent-Disposition: form-data; name=\"file\"; filename=\"visit.png\"\r\nContent-Type: image/png\r\n\r\n\u0089PNG";
        String[][] cases = {
                {"POST", "/api/v1/orders/" + order + "/photos", "caregiver", "multipart/form-data; boundary=xyz", truncated, "400"},
                {"POST", "/api/v1/orders/" + order + "/photos", "caregiver", "multipart/form-data", "no boundary at all", "400"},
                {"POST", "/api/v1/orders/" + order + "/photos", "caregiver", "multipart/form-data; boundary=xyz", "--xyz--\r\n", "400"},
                {"POST", "/api/v1/orders/" + order + "/photos", "caregiver", "application/json", "{\"file\": \"iVBORw0KGgo=\"}", "415"},
                {"POST", "/api/v1/elders/import", "county", "multipart/form-data; boundary=xyz", truncated.replace("visit.png", "roster.csv"), "400"},
                {"POST", "/api/v1/elders/import", "county", "text/csv", "姓名,身份证号\n张三,1", "415"},
                {"PUT", "/api/v1/orders/" + order, "operator", "application/json", "{}", "405"},
                {"DELETE", "/api/v1/elders", "county", null, null, "405"},
                {"GET", "/api/v1/orders/not-a-number", "operator", null, null, "404"},
                {"GET", "/api/v1/no-such-thing", "operator", null, null, "404"},
                {"POST", "/api/v1/assessments/" + Long.MAX_VALUE + "0/sign", "assessor", null, null, "404"},
        };
        java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
        for (String[] c : cases) {
            long elders = count("elder");
            String photos = snapshot(new Target("POST", c[1], c[2], Map.of(), "service_order", order, false));
            long files = photoFiles();
            var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + c[1])).header("Accept", "application/json")
                    .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString((c[2] + ":demo").getBytes(StandardCharsets.UTF_8)))
                    .method(c[0], c[4] == null ? java.net.http.HttpRequest.BodyPublishers.noBody()
                            : java.net.http.HttpRequest.BodyPublishers.ofString(c[4], StandardCharsets.ISO_8859_1));
            if (c[3] != null) {
                request.header("Content-Type", c[3]);
            }
            var r = client.send(request.build(), java.net.http.HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            requests++;
            String what = c[0] + " " + c[1] + " (" + c[3] + ", HTTP)";
            String type = r.headers().firstValue("Content-Type").orElse("");
            if (r.statusCode() != Integer.parseInt(c[5]) || !type.startsWith("application/problem+json")) {
                failures.add(what + " → " + r.statusCode() + " " + type + ", expected " + c[5] + " problem+json: " + shorten(r.body()));
            } else if (!r.body().contains("\"code\"")) {
                failures.add(what + " → problem+json without a code: " + shorten(r.body()));
            }
            if (elders != count("elder") || !photos.equals(snapshot(new Target("POST", c[1], c[2], Map.of(), "service_order", order, false)))
                    || files != photoFiles()) {
                failures.add(what + " → " + r.statusCode() + " but the database changed");
            }
        }

        // the console's roster import, with the session's CSRF token in the header as htmx sends it
        var cookies = new java.net.CookieManager();
        var console = java.net.http.HttpClient.newBuilder().cookieHandler(cookies).build();
        String basic = "Basic " + java.util.Base64.getEncoder().encodeToString("county:demo".getBytes(StandardCharsets.UTF_8));
        var page = console.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/elders/import")).header("Authorization", basic).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        String token = find(page.body(), "<meta name=\"_csrf\" content=\"([^\"]+)\"");
        String header = find(page.body(), "<meta name=\"_csrf_header\" content=\"([^\"]+)\"");
        long elders = count("elder");
        var cut = console.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/elders/import")).header("Authorization", basic)
                .header(header, token).header("Content-Type", "multipart/form-data; boundary=xyz")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(truncated.replace("visit.png", "roster.csv"), StandardCharsets.ISO_8859_1)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        requests++;
        if (cut.statusCode() != 400 || count("elder") != elders) {
            failures.add("POST /elders/import (console) with a multipart body cut short → " + cut.statusCode() + ", elders " + elders + " → " + count("elder"));
        }
    }

    /** Passwords too long for BCrypt and other odd credentials: refused (401), never a failure. */
    private void credentials() throws Exception {
        for (String password : List.of("demo" + "x".repeat(100), "长".repeat(40), "x".repeat(100_000), "")) {
            MockHttpServletResponse r = mvc.perform(get("/api/v1/orders").with(httpBasic("county", password))).andReturn().getResponse();
            requests++;
            if (r.getStatus() != 401) {
                failures.add("GET /api/v1/orders with a password of " + password.length() + " characters → " + r.getStatus());
            }
        }
    }

    /** Text with markup stored through the workflow steps, fetched from every console page that shows it. */
    private void workflowTextIsInertInTheConsole(Fixture f, Flow w, List<Long> imported) throws Exception {
        // refused with a reason; checked in far away with a reason, noted at check-out, confirmed by phone, rated; cancelled
        long refused = w.offered();
        w.act(refused, "refuse", "caregiver", map("reason", "拒单" + SCRIPT));
        long visited = w.accepted();
        w.act(visited, "check-in", "caregiver", map("location", w.far(), "reason", "门牌" + IMG));
        w.act(visited, "check-out", "caregiver", map("location", w.near(), "comment", "备注" + SVG + SCRIPT));
        w.act(visited, "confirm", "operator", map("reason", "回访" + SCRIPT));
        w.act(visited, "rate", "operator", map("stars", 2, "comment", "评价" + IMG + SVG));
        long cancelled = w.created();
        w.act(cancelled, "cancel", "operator", map("reason", "取消" + SVG));

        // the family's own order: the caregiver's note and the family's rating on the family and caregiver pages
        long family = jdbc.sql("select scope_elder_id from app_user where username = 'family'").query(Long.class).single();
        MockHttpServletResponse placed = perform("POST", "/api/v1/orders", "operator",
                JSON.writeValueAsString(map("elderId", family, "serviceItemId", w.item, "notes", "家属" + SCRIPT)));
        long familyOrder = created(placed);
        @SuppressWarnings("unchecked")
        Map<String, Object> home = (Map<String, Object>) ((Map<String, Object>) JSON.readValue(placed.getContentAsString(), Map.class)
                .get("address")).get("location");
        w.act(familyOrder, "dispatch", "operator", map("caregiverId", w.caregiver));
        w.act(familyOrder, "accept", "caregiver", map());
        w.act(familyOrder, "check-in", "caregiver", map("location", home));
        w.act(familyOrder, "check-out", "caregiver", map("location", home, "comment", "护理员" + IMG));
        w.act(familyOrder, "rate", "family", map("stars", 5, "comment", "家属" + SVG + SCRIPT));

        // an assessment's notes, in a draft and in a completed one, and a reported change
        Map<String, Object> noted = merge(assessment(map("B.1.1", 4)), "notes", "评估" + SCRIPT + IMG);
        long draft = created(perform("POST", "/api/v1/elders/" + f.assessedElder + "/assessments", "assessor", JSON.writeValueAsString(noted)));
        long report = fullDraft(f, "结论" + SVG + SCRIPT);
        expect("POST", "/api/v1/assessments/" + report + "/complete", "assessor", coSigner("assessor2", "demo"), 200, "assessment", report);
        MockHttpServletResponse change = perform("POST", "/api/v1/elders/" + f.assessedElder + "/assessments/change-report", "county",
                JSON.writeValueAsString(map("note", "跌倒" + SVG)));
        assertThat(change.getStatus()).as(change.getContentAsString()).isEqualTo(204);

        // a questionnaire with markup in its title, question and option, published, answered with markup
        long survey = created(perform("POST", "/api/v1/surveys", "city", JSON.writeValueAsString(fullSurvey(f, "调查" + SCRIPT, "问题" + IMG, "选项" + SVG))));
        assertThat(perform("POST", "/api/v1/surveys/" + survey + "/publish", "city", "").getStatus()).isEqualTo(200);
        MockHttpServletResponse answered = perform("POST", "/api/v1/surveys/" + survey + "/responses", "city",
                JSON.writeValueAsString(map("elderId", f.elder, "answers", answers(survey, "建议" + SCRIPT + IMG))));
        assertThat(answered.getStatus()).as(answered.getContentAsString()).isEqualTo(201);

        Map<String, String> pages = new LinkedHashMap<>();
        for (long order : List.of(refused, visited, cancelled, familyOrder)) {
            pages.put("/orders/" + order, "operator");
        }
        pages.put("/orders", "operator");
        pages.put("/m/orders/" + visited, "caregiver");
        pages.put("/m/orders/" + familyOrder, "caregiver");
        pages.put("/m", "caregiver");
        pages.put("/f/orders/" + familyOrder, "family");
        pages.put("/f", "family");
        pages.put("/assessments/" + draft + "/edit", "assessor");
        pages.put("/assessments/" + report, "assessor");
        pages.put("/elders/" + f.assessedElder + "/assessments", "county");
        pages.put("/assessments/due", "county");
        pages.put("/surveys", "city");
        pages.put("/surveys/" + survey, "city");
        pages.put("/surveys/" + survey + "/results", "city");
        pages.put("/surveys/" + survey + "/respond/" + f.elder, "city");
        for (long elder : imported.subList(0, Math.min(4, imported.size()))) {
            pages.put("/elders/" + elder, "county");
        }
        List<String> shown = new ArrayList<>();
        for (var page : pages.entrySet()) {
            MockHttpServletResponse r = mvc.perform(get(page.getKey()).with(as(page.getValue()))).andReturn().getResponse();
            assertThat(r.getStatus()).as(page.getKey()).isEqualTo(200);
            String html = r.getContentAsString();
            for (String payload : List.of(SCRIPT, IMG, SVG)) {
                assertThat(html).as("raw %s on %s", payload, page.getKey()).doesNotContain(payload);
            }
            if (html.contains("&lt;script&gt;") || html.contains("&lt;img") || html.contains("&lt;svg")) {
                shown.add(page.getKey());
            }
        }
        System.out.println("Pages showing the escaped markup: " + shown);
        assertThat(shown).as("pages showing the escaped markup").contains("/orders/" + refused, "/orders/" + visited, "/orders/" + cancelled,
                "/m/orders/" + familyOrder, "/f/orders/" + familyOrder, "/assessments/" + draft + "/edit", "/assessments/" + report, "/surveys/" + survey,
                "/surveys/" + survey + "/results", "/surveys/" + survey + "/respond/" + f.elder);
        assertThat(imported).as("roster rows with markup that were imported").isNotEmpty();
        assertThat(shown).as("an imported elder's page").anyMatch(p -> p.startsWith("/elders/") && !p.endsWith("/assessments"));
    }

    // ---- sending and checking ------------------------------------------------------------------

    /** Where the requests of a target go: a fixed record, or a workflow step that needs a fresh record after each success. */
    @FunctionalInterface
    interface Source {
        Target current();

        /** The request succeeded (2xx): a workflow step has moved its record on. */
        default void succeeded() throws Exception {
        }
    }

    private MockHttpServletResponse send(Source source, String what, byte[] body, MediaType type) throws Exception {
        Target t = source.current();
        String before = snapshot(t);
        MockHttpServletResponse r = mvc.perform(request(HttpMethod.valueOf(t.method()), t.path()).with(as(t.who()))
                .contentType(type).content(body)).andReturn().getResponse();
        requests++;
        boolean unchanged = r.getStatus() >= 400 ? before.equals(snapshot(t)) : true;
        if (r.getStatus() < 300 && what.contains("(90000)")) {
            acceptedHuge.add(t.method() + " " + t.path() + " " + what.substring(0, what.indexOf(" = ")));
        }
        check(t.method() + " " + t.path() + " " + what, r, unchanged);
        if (r.getStatus() < 300) {
            source.succeeded();
        }
        return r;
    }

    private void check(String what, MockHttpServletResponse r, boolean unchanged) throws Exception {
        int status = r.getStatus();
        String contentType = r.getContentType() == null ? "" : r.getContentType();
        if (status >= 500) {
            failures.add(what + " → " + status + " " + shorten(r.getContentAsString()));
        } else if (status >= 400 && !contentType.startsWith("application/problem+json")) {
            failures.add(what + " → " + status + " without problem+json (" + contentType + ")");
        } else if (!unchanged) {
            failures.add(what + " → " + status + " but the database changed");
        }
    }

    /** Row counts of everything an API call can write, and the record a PUT or action targets. */
    private String snapshot(Target t) {
        // the newest id of the big tables (an index lookup: rows inserted and kept), counts of the small ones
        String counts = jdbc.sql("""
                select concat_ws('/', (select max(id) from service_order), (select max(id) from order_event), (select max(id) from elder),
                    (select max(id) from elder_address), (select max(id) from elder_contact), (select max(id) from elder_status_history),
                    (select count(*) || ':' || max(id) from provider_org), (select count(*) || ':' || max(id) from facility),
                    (select count(*) || ':' || max(id) from caregiver), (select count(*) || ':' || max(id) from service_item),
                    (select count(*) || ':' || max(id) from app_user), (select count(*) || ':' || max(id) from api_token),
                    (select count(*) || ':' || max(id) from assessment), (select md5(string_agg(t::text, ',' order by region_prefix)) from assessment_interval t),
                    (select md5(string_agg(t::text, ',' order by t::text)) from eligibility_rule t), (select count(*) || ':' || max(id) from survey),
                    (select count(*) || ':' || max(id) from survey_response), (select max(response_id) from survey_answer),
                    (select count(*) from assessment_signature), (select count(*) || ':' || max(id) from order_photo),
                    (select max(id) from eligibility_rule_change),
                    (select count(*) || ':' || max(id) from coverage_candidate_site), (select count(*) || ':' || max(id) from coverage_site_plan))
                """).query(String.class).single();
        if (t.updatedTable() != null) {
            counts += "/" + jdbc.sql("select md5(t::text) from " + t.updatedTable() + " t where id = ?").param(t.updatedId())
                    .query(String.class).optional().orElse("-");
        }
        return counts;
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    private MockHttpServletResponse perform(String method, String path, String who, String body) throws Exception {
        return mvc.perform(request(HttpMethod.valueOf(method), path).with(as(who)).contentType(MediaType.APPLICATION_JSON)
                .content(body)).andReturn().getResponse();
    }

    private static RequestPostProcessor as(String who) {
        return httpBasic(who, "demo");
    }

    // ---- bodies ---------------------------------------------------------------------------------

    /** Paths of every leaf and container in a body ("addresses/0/address", "addresses", …; keys may contain dots). */
    @SuppressWarnings("unchecked")
    private static List<String> fieldPaths(Object node, String prefix) {
        List<String> out = new ArrayList<>();
        if (node instanceof Map<?, ?> m) {
            for (var e : ((Map<String, Object>) m).entrySet()) {
                String p = prefix.isEmpty() ? e.getKey() : prefix + "/" + e.getKey();
                out.add(p);
                if (e.getValue() instanceof Map || e.getValue() instanceof List) {
                    out.addAll(fieldPaths(e.getValue(), p));
                }
            }
        } else if (node instanceof List<?> l && !l.isEmpty()) {
            out.addAll(fieldPaths(l.getFirst(), prefix + "/0"));
        }
        return out;
    }

    /** The base body with one field replaced (RAW: values written as JSON fragments). */
    @SuppressWarnings("unchecked")
    private static String mutate(Map<String, Object> base, String path, Object value) {
        Map<String, Object> copy = JSON.readValue(JSON.writeValueAsString(base), LinkedHashMap.class);
        String[] parts = path.split("/");
        Object node = copy;
        for (int i = 0; i < parts.length - 1; i++) {
            node = node instanceof List<?> l ? l.get(Integer.parseInt(parts[i])) : ((Map<String, Object>) node).get(parts[i]);
        }
        String last = parts[parts.length - 1];
        String raw = value instanceof String s && s.startsWith("RAW:") ? s.substring(4) : null;
        Object put = raw != null ? "@@RAW@@" : value;
        if (node instanceof List<?> l) {
            ((List<Object>) l).set(Integer.parseInt(last), put);
        } else {
            ((Map<String, Object>) node).put(last, put);
        }
        String json = JSON.writeValueAsString(copy);
        return raw != null ? json.replace("\"@@RAW@@\"", raw) : json;
    }

    private static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    private static Map<String, Object> merge(Map<String, Object> base, Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>(base);
        m.putAll(map(kv));
        return m;
    }

    private static String describe(Object value) {
        return value == null ? "null" : value instanceof String s ? "\"" + shorten(s) + "\"" : shorten(String.valueOf(value));
    }

    private static String shorten(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "…(" + s.length() + ")" : s;
    }

    private static String find(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertThat(m.find()).as(text).isTrue();
        return m.group(1);
    }

    // ---- fixture: records of the fuzz's own, in the first county ---------------------------------

    static final class Fixture {
        String countyPrefix;
        String countyCode;
        String community;
        double lat;
        double lng;
        long elder;
        long otherElder;
        long assessedElder;
        long survey;
        long serviceItem;
        long provider;
        long facility;
        long caregiver;
        long order;
        long systemAccount;
        long candidateSite;
    }

    private Fixture fixture() throws Exception {
        Fixture f = new Fixture();
        f.countyPrefix = jdbc.sql("select scope_region from app_user where username = 'county'").query(String.class).single().trim();
        f.countyCode = (f.countyPrefix + "000000000000").substring(0, 12);
        Map<String, Object> community = jdbc.sql("select code, lat, lng from region where level = 5 and code like ? and lat is not null order by code desc limit 1")
                .param(f.countyPrefix + "%").query().singleRow();
        f.community = ((String) community.get("code")).trim();
        f.lat = ((Number) community.get("lat")).doubleValue();
        f.lng = ((Number) community.get("lng")).doubleValue();
        f.serviceItem = created(perform("POST", "/api/v1/service-items", "city", JSON.writeValueAsString(serviceItem())));
        f.elder = created(perform("POST", "/api/v1/elders", "county", JSON.writeValueAsString(elder(f))));
        f.otherElder = created(perform("POST", "/api/v1/elders", "county", JSON.writeValueAsString(elder(f))));
        f.assessedElder = created(perform("POST", "/api/v1/elders", "county", JSON.writeValueAsString(elder(f))));
        f.survey = created(perform("POST", "/api/v1/surveys", "city", JSON.writeValueAsString(survey())));
        f.provider = created(perform("POST", "/api/v1/providers", "county", JSON.writeValueAsString(provider(f))));
        f.facility = created(perform("POST", "/api/v1/facilities", "county", JSON.writeValueAsString(facility(f))));
        f.caregiver = created(perform("POST", "/api/v1/caregivers", "county", JSON.writeValueAsString(caregiver(f))));
        f.order = created(perform("POST", "/api/v1/orders", "operator", JSON.writeValueAsString(order(f))));
        f.candidateSite = created(perform("POST", "/api/v1/coverage/candidate-sites", "county", JSON.writeValueAsString(candidateSite(f))));
        f.systemAccount = created(perform("POST", "/api/v1/system-accounts", "county",
                JSON.writeValueAsString(map("username", "fuzz-base-" + SERIAL.incrementAndGet(), "displayName", "测试", "regionPrefix", f.countyPrefix))));
        return f;
    }

    private static long created(MockHttpServletResponse r) throws Exception {
        assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(201);
        return Long.parseLong(find(r.getContentAsString(), "\"id\"\\s*:\\s*(\\d+)"));
    }

    private static Map<String, Object> order(Fixture f) {
        return map("elderId", f.elder, "serviceItemId", f.serviceItem, "notes", "模糊测试");
    }

    private static Map<String, Object> elder(Fixture f) {
        return map("name", "模糊测试", "idNumber", newIdNumber(), "phones", List.of("13812345678"), "livingSituation", "ALONE",
                "categories", List.of("LIVING_ALONE"),
                "addresses", List.of(map("communityCode", f.community, "address", "幸福路12号", "lat", f.lat + 0.001, "lng", f.lng + 0.001, "primary", true)),
                "contacts", List.of(map("name", "李明", "relation", "儿子", "phone", "13912345678")));
    }

    private static Map<String, Object> provider(Fixture f) {
        String first17 = "91" + f.countyPrefix.substring(0, 6) + String.format("%09d", 700_000_000 + SERIAL.incrementAndGet());
        return map("name", "模糊测试服务中心", "uscc", first17 + UnifiedSocialCreditCode.checkCharacter(first17), "kind", "HOME_CARE",
                "regionCode", f.countyCode, "address", "测试路1号", "contactName", "张伟", "contactPhone", "13800138000");
    }

    private static Map<String, Object> facility(Fixture f) {
        return map("providerId", f.provider == 0 ? null : f.provider, "name", "模糊测试站", "type", "COMMUNITY_STATION", "regionCode", f.community,
                "address", "测试路8号", "location", map("lat", f.lat, "lng", f.lng), "floorAreaM2", 300, "beds", 10,
                "openingHours", "08:00-18:00", "phone", "0393-4567890");
    }

    private static Map<String, Object> candidateSite(Fixture f) {
        return map("name", "模糊测试候选点", "address", "测试路9号", "location", map("lat", f.lat, "lng", f.lng), "regionCode", f.community,
                "note", "闲置", "capacity", 20, "floorAreaM2", 260.5);
    }

    private static Map<String, Object> caregiver(Fixture f) {
        return map("providerId", f.provider, "name", "模糊护理员", "phone", "13800000000", "idNumber", newIdNumber(), "sex", "FEMALE",
                "skills", List.of("MEAL", "CLEANING"), "certificateNo", "CERT-FUZZ-" + SERIAL.incrementAndGet(), "certificateLevel", "LEVEL_4",
                "certificateExpiry", LocalDate.now().plusYears(2).toString(), "regionCode", f.community, "workDays", List.of(1, 2, 3, 4, 5),
                "workStart", "08:00", "workEnd", "17:00", "maxDailyOrders", 6, "status", "ACTIVE");
    }

    private static Map<String, Object> survey() {
        return map("title", "模糊测试问卷", "description", "测试", "questions", List.of(
                map("kind", "SINGLE", "text", "最想要的服务", "required", true, "options", List.of("助餐", "助浴")),
                map("kind", "TEXT", "text", "建议", "required", false)));
    }

    private static Map<String, Object> serviceItem() {
        int n = SERIAL.incrementAndGet();
        String code = "FZ" + (char) ('A' + n % 26) + (char) ('A' + n / 26 % 26) + "-" + String.format("%04d", n % 10_000);
        return map("code", code, "name", "模糊服务", "nameEn", "Fuzz", "category", "MEAL", "standardMinutes", 30,
                "priceFen", 1000, "unit", "VISIT", "requiredSkill", "MEAL", "description", "测试", "active", true);
    }

    /** A valid ID number outside the demo city and other tests (address code 110106), born 1950 or later, unique per call. */
    private static String newIdNumber() {
        int n = SERIAL.incrementAndGet();
        LocalDate birth = LocalDate.of(1950, 1, 1).plusDays(n % 20_000);
        String body = "110106" + birth.format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE) + String.format("%03d", (n % 500) * 2);   // even: a woman
        return body + IdCardNumber.checkCharacter(body);
    }
}
