package org.yiyang.survey;

import java.util.List;

/**
 * Aggregated current responses, filtered by region (a subtree) and elder category (or
 * {@code ADVANCED_AGE}). For each question: how many respondents answered it, and per option (per
 * value 1–5 for a scale) the count and share of those who answered; a scale's mean; the latest
 * texts of a text question.
 */
public record SurveyResults(long surveyId, String regionCode, String category, long respondents, List<QuestionResult> questions) {

    public record QuestionResult(long questionId, QuestionKind kind, String text, long answered, List<OptionCount> options,
                                 Double mean, List<String> latestTexts) {
    }

    /** {@code optionId} is the option's id, or the value 1–5 of a scale. */
    public record OptionCount(long optionId, String label, long count, double share) {
    }
}
