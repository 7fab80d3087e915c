package org.yiyang.assessment;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.yiyang.region.Region;
import org.yiyang.region.RegionDirectory;
import org.yiyang.shared.IdCardNumber;
import org.yiyang.shared.RegionLevel;

/** Fresh elders for the assessment tests (registered through the API) and answer sets. */
final class AssessmentFixtures {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final AtomicInteger NEXT = new AtomicInteger();

    private AssessmentFixtures() {
    }

    static LocalDate today() {
        return LocalDate.now(ZONE);
    }

    /** A valid ID number nobody else uses: address code 310101, born 1940 or later. */
    static String newIdNumber() {
        int n = NEXT.incrementAndGet();
        LocalDate birth = LocalDate.of(1940, 3, 1).plusDays(n * 7L);
        String body = "310101" + birth.format(DateTimeFormatter.BASIC_ISO_DATE) + String.format("%03d", 200 + (n % 700));
        return body + IdCardNumber.checkCharacter(body);
    }

    static Region community(RegionDirectory regions, int county) {
        String prefix = regions.ofLevel(RegionLevel.COUNTY).get(county).code().prefix();
        return regions.ofLevel(RegionLevel.COMMUNITY).stream().filter(c -> c.code().value().startsWith(prefix))
                .skip(2).findFirst().orElseThrow();
    }

    /** Registers an elder in a community of the given county (0 = the first) as the city supervisor; returns the id. */
    static long newElder(MockMvc mvc, RegionDirectory regions, int county, String name) throws Exception {
        Region c = community(regions, county);
        String body = """
                {"name": "%s", "idNumber": "%s", "phones": [], "livingSituation": "ALONE", "categories": ["DISABLED"],
                 "addresses": [{"communityCode": "%s", "address": "评估路%d号", "lat": %s, "lng": %s, "primary": true}]}"""
                .formatted(name, newIdNumber(), c.code().value(), NEXT.get(), c.centroid().lat(), c.centroid().lng());
        String location = mvc.perform(post("/api/v1/elders").with(httpBasic("city", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated()).andReturn().getResponse().getHeader("Location");
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    /** Worked example B of DOMAIN.md §1.7 (total 74: 26, 12, 26, 10). */
    static Map<String, Integer> exampleB() {
        return answers(4, 4, 2, 3, 3, 3, 4, 3, 4, 3, 3, 2, 4, 3, 4, 3, 4, 4, 1, 1, 2, 1, 1, 3, 2, 3);
    }

    static Map<String, Integer> answers(int... scores) {
        Map<String, Integer> m = new LinkedHashMap<>();
        for (int i = 0; i < scores.length; i++) {
            m.put(AssessmentForm.ITEMS.get(i).code(), scores[i]);
        }
        return m;
    }

    static String json(Map<String, Integer> m) {
        StringBuilder b = new StringBuilder("{");
        m.forEach((k, v) -> b.append(b.length() > 1 ? ", " : "").append('"').append(k).append("\": ").append(v));
        return b.append('}').toString();
    }
}
