package org.yiyang.survey;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** A questionnaire draft as a bureau submits it; the questions in order. */
@Schema(description = "A questionnaire draft")
public record SurveyInput(
        @Schema(example = "居家养老服务需求调查") String title,
        @Schema(example = "了解辖区老年人最需要的居家养老服务") String description,
        @Schema(description = "12-digit code of the region whose elders answer; default the caller's region", example = "410900000000") String regionCode,
        List<QuestionInput> questions) {

    public SurveyInput {
        questions = questions == null ? List.of() : questions;
    }

    @Schema(name = "SurveyQuestionInput")
    public record QuestionInput(
            @Schema(description = "SINGLE, MULTIPLE, SCALE (1–5) or TEXT", example = "MULTIPLE") String kind,
            @Schema(example = "您最需要哪些居家养老服务？") String text,
            @Schema(description = "Default false") Boolean required,
            @Schema(description = "For SINGLE and MULTIPLE: at least two, each different", example = "[\"助餐\", \"助浴\", \"助洁\"]") List<String> options) {

        public QuestionInput {
            options = options == null ? List.of() : options;
        }
    }
}
