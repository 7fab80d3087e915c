package org.yiyang.region;

import java.util.List;
import java.util.Optional;
import org.yiyang.shared.RegionCode;
import org.yiyang.shared.RegionLevel;

/** Reads the division tree. The tree itself is not personal data: reads are not scoped here. */
public interface RegionDirectory {

    Optional<Region> find(RegionCode code);

    /** The direct children of a region, ordered by code. */
    List<Region> children(RegionCode code);

    /** Every region of one level, ordered by code. */
    List<Region> ofLevel(RegionLevel level);

    /** The path from the top of the tree down to and including the region. */
    List<Region> path(RegionCode code);
}
