package org.yiyang.assessment;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The scored content of an assessment, keyed by the standard's codes:
 * {@code {"answers": {"B.1.1": 4, …}, "riskEvents": {"A.2.14.1": 2}, "diagnoses": ["F03"], "coma": false}}.
 * An item without an answer (absent or null) is missing, never 0.
 */
public record AssessmentAnswers(
        @Schema(description = "Annex B answers: item code (B.1.1 … B.4.5) → score 0..max of the item", example = "{\"B.1.1\": 4}")
        Map<String, Integer> answers,
        @Schema(description = "A.2.14 care-risk events in the last 30 days: code (A.2.14.1 … A.2.14.5) → count 0..3 (3 = 3 or more)")
        Map<String, Integer> riskEvents,
        @Schema(description = "A.4.1 diagnoses as ICD-10 codes (F00–F03 dementia, F04–F99 other mental disorders)")
        List<String> diagnoses,
        @Schema(description = "A.5.11 昏迷 (coma)")
        Boolean coma) {

    public AssessmentAnswers {
        answers = answers == null ? Map.of() : unmodifiable(answers);
        riskEvents = riskEvents == null ? Map.of() : unmodifiable(riskEvents);
        diagnoses = diagnoses == null ? List.of() : diagnoses.stream().map(d -> d == null ? "" : d).toList();
    }

    private static Map<String, Integer> unmodifiable(Map<String, Integer> in) {
        Map<String, Integer> copy = new LinkedHashMap<>();
        in.forEach((k, v) -> copy.put(k == null ? "" : k, v));
        return java.util.Collections.unmodifiableMap(copy);
    }

    public static AssessmentAnswers empty() {
        return new AssessmentAnswers(Map.of(), Map.of(), List.of(), false);
    }

    public boolean inComa() {
        return Boolean.TRUE.equals(coma);
    }

    /** The answer of an item, or null when it has none. */
    public Integer answer(String itemCode) {
        return answers.get(itemCode);
    }

    public int riskCount(RiskEvent e) {
        Integer n = riskEvents.get(e.code());
        return n == null ? 0 : n;
    }
}
