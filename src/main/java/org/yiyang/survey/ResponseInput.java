package org.yiyang.survey;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * An elder's answers. Each answer names its question and gives the chosen option ids (SINGLE:
 * exactly one, MULTIPLE: one or more), the scale value (SCALE: 1–5) or the text (TEXT). A question
 * left out is unanswered, which only optional questions may be.
 */
@Schema(description = "An elder's answers to a questionnaire")
public record ResponseInput(@Schema(example = "1024") Long elderId, List<AnswerInput> answers) {

    public ResponseInput {
        answers = answers == null ? List.of() : answers;
    }

    @Schema(name = "SurveyAnswerInput")
    public record AnswerInput(@Schema(example = "12") Long questionId,
                              @Schema(description = "SINGLE / MULTIPLE", example = "[40, 42]") List<Long> optionIds,
                              @Schema(description = "SCALE: 1–5", example = "4") Integer scale,
                              @Schema(description = "TEXT", example = "希望增加上门理发") String text) {

        public AnswerInput {
            optionIds = optionIds == null ? List.of() : optionIds;
        }
    }
}
