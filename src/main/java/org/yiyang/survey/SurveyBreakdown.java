package org.yiyang.survey;

import java.util.List;

/**
 * One question's answers per group: per child region ({@code REGION}, key = 12-digit code) or per
 * elder category ({@code CATEGORY}, key = category name or {@code ADVANCED_AGE}); counts per option
 * (or scale value) in the question's order, and the option chosen most.
 */
public record SurveyBreakdown(long surveyId, long questionId, String by, List<SurveyResults.OptionCount> options, List<Row> rows) {

    public record Row(String key, long answered, List<Long> counts, Long topOptionId) {
    }
}
