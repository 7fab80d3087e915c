package org.yiyang.region.web;

import java.util.List;
import org.springframework.stereotype.Component;
import org.yiyang.region.Region;
import org.yiyang.region.RegionDirectory;
import org.yiyang.shared.CurrentUser;
import org.yiyang.shared.DataScope;
import org.yiyang.shared.NotFoundException;
import org.yiyang.shared.RegionCode;
import org.yiyang.shared.RegionLevel;

/**
 * Which part of the tree the caller may browse: a region-scoped user their subtree only (above it
 * is "not found"); users scoped to a provider, caregiver or elder read the whole tree, which is
 * public statistical data they need to pick communities.
 */
@Component
class RegionAccess {

    private final RegionDirectory regions;

    RegionAccess(RegionDirectory regions) {
        this.regions = regions;
    }

    /** The regions the caller starts browsing from. */
    List<Region> roots() {
        DataScope scope = CurrentUser.scope();
        if (scope instanceof DataScope.Region r) {
            return regions.find(RegionCode.of((r.prefix() + "000000000000").substring(0, 12))).map(List::of).orElse(List.of());
        }
        List<Region> cities = regions.ofLevel(RegionLevel.CITY);
        return cities.isEmpty() ? regions.ofLevel(RegionLevel.PROVINCE) : cities;
    }

    Region get(String code) {
        if (!RegionCode.isWellFormed(code)) {
            throw new NotFoundException("region.not-found", code);
        }
        RegionCode rc = RegionCode.of(code);
        DataScope scope = CurrentUser.scope();
        if (scope instanceof DataScope.Region && !scope.covers(rc)) {
            throw new NotFoundException("region.not-found", code);
        }
        return regions.find(rc).orElseThrow(() -> new NotFoundException("region.not-found", code));
    }

    /** The path from the caller's root down to the region (ancestors above the root left out). */
    List<Region> visiblePath(Region region) {
        DataScope scope = CurrentUser.scope();
        return regions.path(region.code()).stream()
                .filter(r -> !(scope instanceof DataScope.Region) || scope.covers(r.code()))
                .toList();
    }

    List<Region> children(Region region) {
        return regions.children(region.code());
    }
}
