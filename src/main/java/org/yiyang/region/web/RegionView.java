package org.yiyang.region.web;

import io.swagger.v3.oas.annotations.media.Schema;
import org.yiyang.region.Region;
import org.yiyang.shared.GeoPoint;

/** A division as the API shows it. */
@Schema(name = "Region")
record RegionView(String code, String name, String level, String parentCode, GeoPoint centroid,
                  String urbanRural, boolean village) {

    static RegionView of(Region r) {
        return new RegionView(r.code().value(), r.name(), r.level().name(),
                r.parentCode() == null ? null : r.parentCode().value(), r.centroid(), r.urbanRural(), r.isVillage());
    }
}
