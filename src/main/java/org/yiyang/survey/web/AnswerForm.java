package org.yiyang.survey.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.util.MultiValueMap;
import org.yiyang.shared.FieldViolation;
import org.yiyang.survey.QuestionKind;
import org.yiyang.survey.ResponseInput;
import org.yiyang.survey.Survey;
import org.yiyang.survey.SurveyResponse;

/**
 * The answer form (operator's and family's): question {@code Q} is the parameter {@code q<Q>}, one
 * value (an option id, a scale value, a text) or, for a multiple choice, several. Turned into the
 * module's {@link ResponseInput}; errors come back keyed by question.
 */
final class AnswerForm {

    private AnswerForm() {
    }

    static ResponseInput toInput(Survey survey, long elderId, MultiValueMap<String, String> params) {
        List<ResponseInput.AnswerInput> answers = new ArrayList<>();
        for (Survey.Question q : survey.questions()) {
            List<String> values = params.getOrDefault("q" + q.id(), List.of()).stream()
                    .filter(v -> v != null && !v.isBlank()).toList();
            if (values.isEmpty()) {
                continue;
            }
            switch (q.kind()) {
                case SINGLE, MULTIPLE -> answers.add(new ResponseInput.AnswerInput(q.id(),
                        values.stream().map(AnswerForm::number).toList(), null, null));
                case SCALE -> answers.add(new ResponseInput.AnswerInput(q.id(), List.of(), number(values.getFirst()).intValue(), null));
                case TEXT -> answers.add(new ResponseInput.AnswerInput(q.id(), List.of(), null, values.getFirst()));
            }
        }
        return new ResponseInput(elderId, answers);
    }

    /** A number from the form; anything else becomes -1, which no option or scale value has (and so is refused). */
    private static Long number(String text) {
        try {
            return Long.valueOf(text.strip());
        } catch (NumberFormatException e) {
            return -1L;
        }
    }

    /** What the form shows for each question: the submitted values, or those of the current response. */
    static Map<Long, List<String>> values(Survey survey, MultiValueMap<String, String> params, SurveyResponse current) {
        Map<Long, List<String>> out = new LinkedHashMap<>();
        for (Survey.Question q : survey.questions()) {
            List<String> v = new ArrayList<>();
            if (params != null) {
                v.addAll(params.getOrDefault("q" + q.id(), List.of()));
            } else if (current != null) {
                current.answer(q.id()).ifPresent(a -> {
                    a.optionIds().forEach(o -> v.add(String.valueOf(o)));
                    if (a.scale() != null) {
                        v.add(String.valueOf(a.scale()));
                    }
                    if (a.text() != null) {
                        v.add(a.text());
                    }
                });
            }
            out.put(q.id(), v);
        }
        return out;
    }

    /** Field errors as texts per question id ({@code answers.<id>}); the rest under 0. */
    static Map<Long, List<String>> errors(List<FieldViolation> violations, MessageSource messages, Locale locale) {
        Map<Long, List<String>> out = new LinkedHashMap<>();
        for (FieldViolation v : violations) {
            long key = 0;
            if (v.field().matches("answers\\.\\d+")) {
                key = Long.parseLong(v.field().substring("answers.".length()));
            }
            out.computeIfAbsent(key, k -> new ArrayList<>()).add(messages.getMessage(v.code(), v.args(), v.code(), locale));
        }
        return out;
    }

    static boolean isChoice(QuestionKind kind) {
        return kind.hasOptions();
    }
}
