/**
 * Site planning (选址规划): choose K new sites among candidate locations so that as much (weighted)
 * demand as possible lies within reach of a site — the maximal covering location problem (MCLP).
 *
 * <p>The caller states the problem as a {@link org.yiyang.planning.PlanningProblem}: demand points
 * with weights (elders, optionally weighted by need), candidate sites, and for each candidate the
 * demand it covers (within a walking radius or a travel time — the caller decides; {@link
 * org.yiyang.planning.RadiusCoverage} builds the sets for a great-circle radius). Demand already
 * covered by existing facilities counts as covered and does not steer the choice.
 *
 * <p>{@link org.yiyang.planning.SitePlanner#plan} runs, within the time limit, a portfolio on the
 * machine's cores: a greedy start and swap descent, then simulated annealing over swap moves with
 * incremental gain bookkeeping, restarted from the best solution in cycles, a Lagrangian bound, and
 * — when the instance is small enough and the native library loads — SCIP (through OR-Tools) on
 * the exact model, which stops the search as soon as it proves the optimum. The result lists the
 * chosen sites in order with each site's marginal gain, the covered weight, whether it is proven
 * optimal and the best known upper bound. See {@code docs/adr/0007-site-planning.md}.
 *
 * <p>{@link org.yiyang.planning.PlanSitesCommand} is the {@code plan-sites} command of the jar
 * (CSV in, chosen ids out), started from {@code YiyangApplication.main} without Spring.
 *
 * <p>The core is plain Java (no beans, no tables) and depends on {@code shared} only. One bean,
 * {@code selection.OptimisingSiteSelector}, offers it to the coverage module as its
 * {@code SiteSelector} (replacing the greedy default); it is the only class that knows coverage.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Site planning", allowedDependencies = {"shared", "coverage"})
package org.yiyang.planning;
