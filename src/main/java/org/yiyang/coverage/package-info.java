/**
 * Service circles (一刻钟养老服务圈): which elders live within reach of a facility of each type — a
 * 15-minute walk in towns and urban communities, 1 km in villages (both configurable) — by region
 * at every level, optionally weighted (失能, 独居 and 高龄 count more); the uncovered elders, a
 * hexagon heat map of the gaps, and the facilities below their type's standard.
 *
 * <p>Walking times come from the straight line × a detour factor at walking speed, or from the
 * road and path network of an OpenStreetMap extract when one is configured
 * ({@code yiyang.coverage.osm-file}, GraphHopper's foot profile). The whole city is held in memory
 * (a grid over elders and facilities, a "covered by type" bitset per elder); a change of a
 * facility or an elder ({@link org.yiyang.provider.FacilityChanged},
 * {@link org.yiyang.elder.EldersChanged}) updates only the elders within its reach.
 *
 * <p>For site planning, {@link org.yiyang.coverage.PlanningData} turns the uncovered demand, the
 * candidate sites and their coverage sets into a {@link org.yiyang.coverage.PlanningInstance}, and a
 * {@link org.yiyang.coverage.SiteSelector} chooses sites from it. The bureau lists candidate
 * buildings ({@link org.yiyang.coverage.CandidateSites}, 候选选址) and saves plans
 * ({@link org.yiyang.coverage.SitingPlans}, 规划方案) made from them or from a grid: snapshots
 * with each site's marginal gain and the coverage before and after, compared and exported
 * (see {@code docs/adr/0010-saved-site-plans.md}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Coverage",
        allowedDependencies = {"shared", "region", "elder", "provider"})
package org.yiyang.coverage;
