package org.yiyang.assessment.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.util.MultiValueMap;
import org.yiyang.assessment.AssessmentAnswers;
import org.yiyang.assessment.AssessmentForm;
import org.yiyang.assessment.AssessmentInput;
import org.yiyang.assessment.AssessmentView;
import org.yiyang.assessment.CoSigner;
import org.yiyang.assessment.FormItem;
import org.yiyang.assessment.RiskEvent;

/**
 * The tablet form as typed: item answers under their codes ({@code B.1.1}), risk events under theirs
 * ({@code A.2.14.1}), the A.4.1 checkboxes ({@code diagnosis}) plus other ICD-10 codes as text, coma,
 * reason, day and notes; the second assessor's credentials are read separately and never echoed.
 */
final class AssessmentForms {

    /** The A.4.1 diagnosis list, each ticked as a representative ICD-10 code (labels in the bundles). */
    static final List<String> DIAGNOSIS_CHOICES = List.of("I10", "I25", "E11", "J18", "J44", "I61", "I63", "N39.0", "G20", "N18",
            "K74", "K27", "C80", "Z89", "M84", "G40", "E03", "H25", "H40", "M81", "F03", "F99");

    private AssessmentForms() {
    }

    /** What the form shows: the values as entered (possibly invalid), to be fixed and sent again. */
    record State(String reason, String assessedOn, Map<String, Integer> answers, Map<String, Integer> riskEvents,
                 Set<String> diagnoses, String otherDiagnoses, String coma, String notes) {

        public Integer answer(String code) {
            return answers.get(code);
        }

        public boolean checked(String code, int score) {
            Integer a = answers.get(code);
            return a != null && a == score;
        }

        public int risk(String code) {
            Integer n = riskEvents.get(code);
            return n == null ? 0 : n;
        }

        public boolean hasDiagnosis(String code) {
            return diagnoses.contains(code);
        }

        public int answered() {
            return (int) AssessmentForm.ITEMS.stream().filter(i -> answers.get(i.code()) != null).count();
        }
    }

    static State read(MultiValueMap<String, String> params) {
        Map<String, Integer> answers = new LinkedHashMap<>();
        for (FormItem item : AssessmentForm.ITEMS) {
            String v = params.getFirst(item.code());
            if (v != null && !v.isBlank()) {
                answers.put(item.code(), number(v));
            }
        }
        Map<String, Integer> risks = new LinkedHashMap<>();
        for (RiskEvent e : RiskEvent.values()) {
            String v = params.getFirst(e.code());
            if (v != null && !v.isBlank()) {
                risks.put(e.code(), number(v));
            }
        }
        Set<String> ticked = new LinkedHashSet<>();
        List<String> boxes = params.get("diagnosis");
        if (boxes != null) {
            boxes.stream().filter(b -> b != null && !b.isBlank()).forEach(b -> ticked.add(b.strip()));
        }
        return new State(text(params, "reason"), text(params, "assessedOn"), answers, risks, ticked, text(params, "otherDiagnoses"),
                text(params, "coma"), text(params, "notes"));
    }

    static State of(AssessmentView v) {
        Set<String> ticked = new LinkedHashSet<>();
        List<String> other = new ArrayList<>();
        for (String d : v.answers().diagnoses()) {
            if (DIAGNOSIS_CHOICES.contains(d)) {
                ticked.add(d);
            } else {
                other.add(d);
            }
        }
        return new State(v.reason() == null ? "" : v.reason().name(), v.assessedOn() == null ? "" : v.assessedOn().toString(),
                v.answers().answers(), v.answers().riskEvents(), ticked, String.join(", ", other), v.answers().inComa() ? "true" : "false",
                v.notes() == null ? "" : v.notes());
    }

    static State blank(String today) {
        return new State("", today, Map.of(), Map.of(), Set.of(), "", "false", "");
    }

    static AssessmentAnswers answers(State s) {
        return new AssessmentAnswers(s.answers(), s.riskEvents(), diagnoses(s), "true".equals(s.coma()));
    }

    static AssessmentInput input(State s, boolean complete, CoSigner coSigner) {
        return new AssessmentInput(s.reason(), s.assessedOn(), s.answers(), s.riskEvents(), diagnoses(s), "true".equals(s.coma()),
                s.notes(), complete, coSigner);
    }

    /** The ticked codes, then the typed ones (separated by commas, semicolons or spaces). */
    static List<String> diagnoses(State s) {
        List<String> all = new ArrayList<>(s.diagnoses());
        if (s.otherDiagnoses() != null && !s.otherDiagnoses().isBlank()) {
            for (String part : s.otherDiagnoses().split("[,，;；、\\s]+")) {
                if (!part.isBlank()) {
                    all.add(part.strip().toUpperCase(Locale.ROOT));
                }
            }
        }
        return all;
    }

    private static String text(MultiValueMap<String, String> params, String name) {
        String v = params.getFirst(name);
        return v == null ? "" : v;
    }

    /** A radio value as sent; anything that is not a number becomes -1, which the scoring refuses as outside the options. */
    private static Integer number(String v) {
        try {
            return Integer.valueOf(v.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
