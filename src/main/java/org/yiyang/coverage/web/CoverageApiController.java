package org.yiyang.coverage.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.yiyang.coverage.CoverageReport;
import org.yiyang.coverage.CoverageStatus;
import org.yiyang.coverage.FacilityGap;
import org.yiyang.coverage.HexMap;
import org.yiyang.coverage.ServiceCoverage;
import org.yiyang.coverage.UncoveredElder;
import org.yiyang.shared.CurrentUser;
import org.yiyang.shared.PageQuery;
import org.yiyang.shared.PageResult;

/** Coverage of the service circles for bureau systems and dashboards; scoped to the caller's region. */
@RestController
@RequestMapping("/api/v1/coverage")
@Tag(name = "Coverage", description = "15-minute service circles: coverage by region, uncovered elders, gaps, facilities below standard")
class CoverageApiController {

    private final ServiceCoverage coverage;

    CoverageApiController(ServiceCoverage coverage) {
        this.coverage = coverage;
    }

    @GetMapping
    @Operation(summary = "Coverage of a region and of each child region")
    CoverageReport report(@Parameter(description = "12-digit region code; default the caller's region") @RequestParam(required = false) String region,
                          @Parameter(description = "Facility type, or ANY (default)") @RequestParam(required = false) String type,
                          @Parameter(description = "Also the weighted shares (失能, 独居, 高龄 count more)") @RequestParam(defaultValue = "false") boolean weighted) {
        return coverage.report(CurrentUser.scope(), region, type, weighted);
    }

    @GetMapping("/uncovered")
    @Operation(summary = "The elders outside every circle of the type, heaviest-weighted first; numbers masked")
    PageResult<UncoveredElder> uncovered(@RequestParam(required = false) String region, @RequestParam(required = false) String type,
                                         @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return coverage.uncovered(CurrentUser.scope(), region, type, PageQuery.of(page, size));
    }

    @GetMapping("/hexes")
    @Operation(summary = "H3 hexagons with elders and uncovered elders, and the facilities of the type")
    HexMap hexes(@RequestParam(required = false) String region, @RequestParam(required = false) String type) {
        return coverage.hexes(CurrentUser.scope(), region, type);
    }

    @GetMapping("/below-standard")
    @Operation(summary = "Facilities below their type's standard, with what they lack")
    PageResult<FacilityGap> belowStandard(@RequestParam(required = false) String region, @RequestParam(required = false) String type,
                                          @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return coverage.belowStandard(CurrentUser.scope(), region, type, PageQuery.of(page, size));
    }

    @GetMapping("/status")
    @Operation(summary = "What the in-memory coverage holds and when it was last computed in full")
    CoverageStatus status() {
        return coverage.status();
    }
}
