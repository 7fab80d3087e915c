package org.yiyang.survey;

import java.time.Instant;

/** A questionnaire version in a list. */
public record SurveySummary(long id, long seriesId, int version, String title, String regionCode, SurveyStatus status,
                            Instant publishedAt, long responses) {
}
