package org.yiyang.coverage;

import java.util.List;
import org.yiyang.shared.DataScope;

/**
 * What a site planner needs, taken from the current coverage of a region (scoped like
 * {@link ServiceCoverage}): the uncovered elders of the type as weighted demand points, the
 * candidate sites and their coverage sets.
 */
public interface PlanningData {

    /** At most this many grid candidates (the cells with the most uncovered weight). */
    int MAX_GRID_CANDIDATES = 2_000;

    /**
     * @param candidates the sites the bureau lists; empty: the centres of the H3 cells (about 0.1 km²)
     *                   where uncovered elders live
     */
    PlanningInstance instance(DataScope scope, String region, String type, List<CandidateSite> candidates);
}
