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
 * the console pages, which must escape it.
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
            for (String body : MALFORMED) {
                send(t, "malformed body " + shorten(body), body.getBytes(StandardCharsets.UTF_8), MediaType.APPLICATION_JSON);
            }
            send(t, "invalid UTF-8", new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, (byte) 0xFF, '"', '}'}, MediaType.APPLICATION_JSON);
            send(t, "text/plain", JSON.writeValueAsBytes(t.base()), MediaType.TEXT_PLAIN);
            send(t, "xml", "<order><notes>x</notes></order>".getBytes(StandardCharsets.UTF_8), MediaType.APPLICATION_XML);
            send(t, "huge body", ("{\"blob\":\"" + TWO_MB + "\"," + JSON.writeValueAsString(t.base()).substring(1)).getBytes(StandardCharsets.UTF_8),
                    MediaType.APPLICATION_JSON);

            for (String path : t.mutateFields() ? fieldPaths(t.base(), "") : List.<String>of()) {
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
                    send(t, path + " = " + describe(value), mutate(t.base(), path, value).getBytes(StandardCharsets.UTF_8), MediaType.APPLICATION_JSON);
                }
            }
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

    // ---- sending and checking ------------------------------------------------------------------

    private void send(Target t, String what, byte[] body, MediaType type) throws Exception {
        String before = snapshot(t);
        MockHttpServletResponse r = mvc.perform(request(HttpMethod.valueOf(t.method()), t.path()).with(as(t.who()))
                .contentType(type).content(body)).andReturn().getResponse();
        requests++;
        boolean unchanged = r.getStatus() >= 400 ? before.equals(snapshot(t)) : true;
        if (r.getStatus() < 300 && what.contains("(90000)")) {
            acceptedHuge.add(t.method() + " " + t.path() + " " + what.substring(0, what.indexOf(" = ")));
        }
        check(t.method() + " " + t.path() + " " + what, r, unchanged);
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
                    (select count(*) || ':' || max(id) from survey_response),
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
