package org.yiyang.survey;

import java.time.Instant;
import java.util.List;

/** A questionnaire version with its questions; {@code responses} counts the current responses. */
public record Survey(long id, long seriesId, int version, String title, String description, String regionCode,
                     SurveyStatus status, String createdBy, Instant createdAt, Instant publishedAt, Instant closedAt,
                     long responses, List<Question> questions) {

    public Survey {
        questions = List.copyOf(questions);
    }

    public record Question(long id, int position, QuestionKind kind, String text, boolean required, List<Option> options) {

        public Question {
            options = List.copyOf(options);
        }
    }

    public record Option(long id, int position, String label) {
    }

    public java.util.Optional<Question> question(long questionId) {
        return questions.stream().filter(q -> q.id() == questionId).findFirst();
    }
}
