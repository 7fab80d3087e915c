/**
 * The planner as the coverage module's site selector ({@code OptimisingSiteSelector}). The only
 * part of the planning module that knows the coverage module; the rest depends on {@code shared}
 * alone (checked by {@code PlanningDependencyTests}).
 */
package org.yiyang.planning.selection;
