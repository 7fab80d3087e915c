package org.yiyang.region;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.yiyang.IntegrationTest;
import org.yiyang.shared.RegionCode;
import org.yiyang.shared.RegionLevel;

@IntegrationTest
class RegionIntegrationTests {

    @Autowired
    RegionDirectory regions;

    @Autowired
    MockMvc mvc;

    @Test
    void theDemoCityIsOneCityOfSixCountiesWithAboutSixtyStreetsAndFourHundredCommunities() {
        assertThat(regions.ofLevel(RegionLevel.CITY)).hasSize(1);
        assertThat(regions.ofLevel(RegionLevel.COUNTY)).hasSize(6);
        assertThat(regions.ofLevel(RegionLevel.TOWN).size()).isBetween(50, 70);
        assertThat(regions.ofLevel(RegionLevel.COMMUNITY).size()).isBetween(340, 460);
        regions.ofLevel(RegionLevel.COMMUNITY).forEach(c -> {
            assertThat(c.parentCode()).isEqualTo(c.code().parent());
            assertThat(c.centroid()).isNotNull();
        });
    }

    @Test
    void thePathRunsFromTheTopDown() {
        var community = regions.ofLevel(RegionLevel.COMMUNITY).getFirst();
        assertThat(regions.path(community.code())).extracting(r -> r.level())
                .containsExactly(RegionLevel.PROVINCE, RegionLevel.CITY, RegionLevel.COUNTY, RegionLevel.TOWN, RegionLevel.COMMUNITY);
    }

    @Test
    void aCountyUserBrowsesOnlyTheirCounty() throws Exception {
        RegionCode first = regions.ofLevel(RegionLevel.COUNTY).getFirst().code();
        RegionCode other = regions.ofLevel(RegionLevel.COUNTY).get(1).code();
        mvc.perform(get("/api/v1/regions").with(httpBasic("county", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(1)))
                .andExpect(jsonPath("$[0].code").value(first.value()));
        mvc.perform(get("/api/v1/regions/" + first.value() + "/children").with(httpBasic("county", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].code", everyItem(startsWith(first.prefix()))));
        mvc.perform(get("/api/v1/regions/" + other.value()).with(httpBasic("county", "demo")))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.code").value("region.not-found"));
        mvc.perform(get("/api/v1/regions/410900000000").with(httpBasic("county", "demo")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/regions/" + other.value()).with(httpBasic("county", "demo")))
                .andExpect(status().isNotFound());
    }

    @Test
    void theCityUserSeesEveryCounty() throws Exception {
        mvc.perform(get("/api/v1/regions/410900000000/children").with(httpBasic("city", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(6)));
        mvc.perform(get("/regions/410900000000").with(httpBasic("city", "demo")).header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Subdivisions (6)")));
    }

    @Test
    void theApiNeedsCredentials() throws Exception {
        mvc.perform(get("/api/v1/regions"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.code").value("auth.required"));
        mvc.perform(get("/api/v1/regions").with(httpBasic("city", "wrong")))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void aMalformedCodeIsNotFound() throws Exception {
        mvc.perform(get("/api/v1/regions/abc").with(httpBasic("city", "demo")))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("region.not-found"));
    }
}
