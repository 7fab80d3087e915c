package org.yiyang.assessment;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A result under the old standard MZ/T 039-2013, kept to be read: the Barthel ADL total, the four
 * dimension grades (0 intact … 3 severely impaired) and the overall level (0 能力完好, 1 轻度失能,
 * 2 中度失能, 3 重度失能), as recorded at the time; not comparable with GB/T 42195 levels.
 */
@Schema(name = "LegacyAssessmentResult")
public record LegacyResult(Integer barthelScore, int adlGrade, int mentalGrade, int perceptionGrade, int socialGrade,
                           int level, String source) {

    public String levelKey() {
        return "assessment.legacy.level." + level;
    }
}
