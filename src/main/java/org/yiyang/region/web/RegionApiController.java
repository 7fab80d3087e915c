package org.yiyang.region.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/regions")
@Tag(name = "Regions", description = "The division tree (行政区划), 12-digit statistical division codes")
class RegionApiController {

    private final RegionAccess access;

    RegionApiController(RegionAccess access) {
        this.access = access;
    }

    @GetMapping
    @Operation(summary = "The top of the tree the caller may see (their county, or the city)")
    List<RegionView> roots() {
        return access.roots().stream().map(RegionView::of).toList();
    }

    @GetMapping("/{code}")
    @Operation(summary = "One division; 404 when absent or outside the caller's area")
    RegionView get(@PathVariable String code) {
        return RegionView.of(access.get(code));
    }

    @GetMapping("/{code}/children")
    @Operation(summary = "The direct children of a division, ordered by code")
    List<RegionView> children(@PathVariable String code) {
        return access.children(access.get(code)).stream().map(RegionView::of).toList();
    }
}
