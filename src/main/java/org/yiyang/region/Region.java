package org.yiyang.region;

import org.yiyang.shared.GeoPoint;
import org.yiyang.shared.RegionCode;
import org.yiyang.shared.RegionLevel;

/**
 * One division: its 12-digit code, name, level, parent (null for the top of the tree) and centroid.
 * {@code urbanRural} is the 3-digit 城乡分类代码 for communities and villages (111 main urban … 220
 * village), null above them.
 */
public record Region(RegionCode code, String name, RegionLevel level, RegionCode parentCode,
                     GeoPoint centroid, String urbanRural) {

    public boolean isVillage() {
        return code.isVillage();
    }
}
