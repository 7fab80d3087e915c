package org.yiyang.planning;

/**
 * One chosen site of a plan.
 *
 * @param candidate    the candidate's index in the {@link PlanningProblem}
 * @param id           the candidate's id
 * @param marginalGain the weight this site newly covers given the existing facilities and the
 *                     sites listed before it in the plan
 */
public record PlannedSite(int candidate, String id, double marginalGain) {
}
