package org.yiyang.coverage.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.List;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.yiyang.coverage.CandidateSite;
import org.yiyang.coverage.PlanningData;
import org.yiyang.coverage.PlanningInstance;
import org.yiyang.coverage.SitePlan;
import org.yiyang.coverage.SiteSelector;
import org.yiyang.shared.CurrentUser;
import org.yiyang.shared.GeoPoint;
import org.yiyang.shared.Violations;

/** Where to open K new facilities of a type in a region to cover the most uncovered (weighted) elders. */
@RestController
@RequestMapping("/api/v1/coverage/plans")
@Tag(name = "Coverage")
class CoveragePlanApiController {

    static final int MAX_K = 200;

    private final PlanningData planning;
    private final SiteSelector selector;

    CoveragePlanApiController(PlanningData planning, SiteSelector selector) {
        this.planning = planning;
        this.selector = selector;
    }

    record Candidate(String id, String name, Double lat, Double lng) {
    }

    record PlanRequest(String region, String type, Integer k, List<Candidate> candidates) {
    }

    @PostMapping
    @Operation(summary = "Choose k sites (among the listed candidates, or a grid over the uncovered elders) with each site's marginal gain")
    SitePlan plan(@RequestBody PlanRequest request) {
        Violations v = new Violations();
        if (v.require("k", request.k()) && (request.k() < 1 || request.k() > MAX_K)) {
            v.add("k", "coverage.plan.k.invalid", MAX_K);
        }
        List<CandidateSite> sites = new ArrayList<>();
        List<Candidate> listed = request.candidates() == null ? List.of() : request.candidates();
        for (int i = 0; i < listed.size(); i++) {
            Candidate c = listed.get(i);
            String field = "candidates[" + i + "]";
            if (c == null || c.lat() == null || c.lng() == null) {
                v.add(field, "coverage.plan.candidate.location");
                continue;
            }
            GeoPoint at = v.parse(field, () -> new GeoPoint(c.lat(), c.lng()));
            if (at != null) {
                String id = c.id() == null || c.id().isBlank() ? String.valueOf(i + 1) : c.id().trim();
                sites.add(new CandidateSite(id, c.name() == null || c.name().isBlank() ? id : c.name().trim(), at));
            }
        }
        v.throwIfAny();
        PlanningInstance instance = planning.instance(CurrentUser.scope(), request.region(), request.type(), sites);
        return selector.select(instance, request.k());
    }
}
