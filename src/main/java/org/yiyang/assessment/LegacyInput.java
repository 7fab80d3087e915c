package org.yiyang.assessment;

import io.swagger.v3.oas.annotations.media.Schema;

/** An old MZ/T 039-2013 result to record (grades 0–3, level 0–3, Barthel 0–100 in steps of 5). */
@Schema(name = "LegacyAssessmentInput")
public record LegacyInput(String assessedOn, Integer barthelScore, Integer adlGrade, Integer mentalGrade,
                          Integer perceptionGrade, Integer socialGrade, Integer level, String source, String notes) {
}
