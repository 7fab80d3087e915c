package org.yiyang.coverage;

/**
 * A plan to make, as asked: the region (blank: the caller's), the facility type (or ANY), how many
 * new sites, where the candidates come from ({@link CandidateSource} name) and a title (blank: one
 * is made from the region, type and number). Text, so that bad values are field errors.
 */
public record PlanDraft(String title, String region, String type, String k, String source) {
}
