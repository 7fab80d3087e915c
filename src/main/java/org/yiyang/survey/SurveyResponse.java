package org.yiyang.survey;

import java.time.Instant;
import java.util.List;

/**
 * A recorded response. {@code current} is false for one replaced by a later response of the same
 * elder; {@code regionCode} is the elder's community when answering.
 */
public record SurveyResponse(long id, long surveyId, long elderId, String regionCode, ResponseChannel channel,
                             String answeredBy, Instant answeredAt, boolean current, List<Answer> answers) {

    public SurveyResponse {
        answers = List.copyOf(answers);
    }

    public record Answer(long questionId, List<Long> optionIds, Integer scale, String text) {

        public Answer {
            optionIds = List.copyOf(optionIds);
        }
    }

    public java.util.Optional<Answer> answer(long questionId) {
        return answers.stream().filter(a -> a.questionId() == questionId).findFirst();
    }
}
