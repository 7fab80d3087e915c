package org.yiyang.coverage;

/**
 * Chooses {@code k} candidate sites of a {@link PlanningInstance} to cover as much uncovered weight
 * as possible. The default is {@code GreedySiteSelector}; the planning module's optimiser replaces
 * it by declaring another bean of this type.
 */
public interface SiteSelector {

    SitePlan select(PlanningInstance instance, int k);
}
