package org.yiyang.coverage.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.yiyang.coverage.CandidateSite;
import org.yiyang.coverage.PlanComparison;
import org.yiyang.coverage.PlanDraft;
import org.yiyang.coverage.PlanningData;
import org.yiyang.coverage.PlanningInstance;
import org.yiyang.coverage.SitePlan;
import org.yiyang.coverage.SiteSelector;
import org.yiyang.coverage.SitingPlan;
import org.yiyang.coverage.SitingPlanSummary;
import org.yiyang.coverage.SitingPlans;
import org.yiyang.shared.CurrentUser;
import org.yiyang.shared.GeoPoint;
import org.yiyang.shared.PageQuery;
import org.yiyang.shared.PageResult;
import org.yiyang.shared.Violations;

/**
 * Site plans: where to open K new facilities of a type in a region to cover the most uncovered
 * (weighted) elders. Saved plans (made from the bureau's listed sites or a grid) are read, listed,
 * compared and exported within the caller's region; a preview answers for candidates sent in the
 * request and saves nothing.
 */
@RestController
@RequestMapping("/api/v1/coverage/plans")
@Tag(name = "Site planning")
class CoveragePlanApiController {

    private final PlanningData planning;
    private final SiteSelector selector;
    private final SitingPlans plans;
    private final PlanFiles files;

    CoveragePlanApiController(PlanningData planning, SiteSelector selector, SitingPlans plans, PlanFiles files) {
        this.planning = planning;
        this.selector = selector;
        this.plans = plans;
        this.files = files;
    }

    @Schema(name = "SitingPlanRequest")
    record CreateRequest(@Schema(description = "Blank: made from the region, type and k") String title,
                         @Schema(description = "12-digit region code; default the caller's region") String region,
                         @Schema(description = "Facility type, or ANY") String type,
                         @Schema(description = "How many new sites, 1–200") Integer k,
                         @Schema(description = "LISTED (the bureau's candidate sites in the region, default) or GRID") String source) {
    }

    record Candidate(String id, String name, Double lat, Double lng) {
    }

    @Schema(name = "SitePlanPreviewRequest")
    record PreviewRequest(String region, String type, Integer k, List<Candidate> candidates) {
    }

    @PostMapping
    @Operation(summary = "Make and save a plan (SITE_PLANNING): runs the site selector; 201 with Location")
    ResponseEntity<SitingPlan> create(@RequestBody CreateRequest request) {
        long id = plans.create(CurrentUser.scope(), new PlanDraft(request.title(), request.region(), request.type(),
                request.k() == null ? null : request.k().toString(), request.source()));
        return ResponseEntity.created(URI.create("/api/v1/coverage/plans/" + id)).body(plans.get(CurrentUser.scope(), id));
    }

    @GetMapping
    @Operation(summary = "Saved plans of the caller's region (or of a region within it), newest first")
    PageResult<SitingPlanSummary> list(@RequestParam(required = false) String region, @RequestParam(required = false) Integer page,
                                       @RequestParam(required = false) Integer size) {
        return plans.list(CurrentUser.scope(), region, PageQuery.of(page, size));
    }

    @GetMapping("/{id:\\d{1,18}}")
    @Operation(summary = "A saved plan: its chosen sites in order with their marginal gains, coverage before and after")
    SitingPlan get(@PathVariable long id) {
        return plans.get(CurrentUser.scope(), id);
    }

    @DeleteMapping("/{id:\\d{1,18}}")
    @Operation(summary = "Delete a saved plan (SITE_PLANNING)")
    ResponseEntity<Void> delete(@PathVariable long id) {
        plans.delete(CurrentUser.scope(), id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/compare")
    @Operation(summary = "Two to four plans side by side, with the sites they share")
    PlanComparison compare(@Parameter(description = "Plan ids, comma-separated or repeated") @RequestParam(required = false) List<Long> ids) {
        return plans.compare(CurrentUser.scope(), ids == null ? List.of() : ids);
    }

    @GetMapping("/{id:\\d{1,18}}/export")
    @Operation(summary = "The plan as a file: csv (UTF-8 with BOM), xlsx, or geojson (the chosen sites as points)")
    ResponseEntity<byte[]> export(@PathVariable long id, @RequestParam(required = false) String format) {
        return files.download(plans.get(CurrentUser.scope(), id), format);
    }

    @PostMapping("/preview")
    @Operation(summary = "Choose k sites among the candidates sent (none: a grid over the uncovered elders) with each "
            + "site's marginal gain; nothing is saved")
    SitePlan preview(@RequestBody PreviewRequest request) {
        Violations v = new Violations();
        if (v.require("k", request.k()) && (request.k() < 1 || request.k() > SitingPlans.MAX_K)) {
            v.add("k", "coverage.plan.k.invalid", SitingPlans.MAX_K);
        }
        List<CandidateSite> sites = new ArrayList<>();
        List<Candidate> listed = request.candidates() == null ? List.of() : request.candidates();
        if (listed.size() > PlanningData.MAX_GRID_CANDIDATES) {
            v.add("candidates", "coverage.plan.candidates.too-many", PlanningData.MAX_GRID_CANDIDATES);
            listed = List.of();
        }
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
