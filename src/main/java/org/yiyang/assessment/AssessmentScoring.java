package org.yiyang.assessment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yiyang.shared.FieldViolation;
import org.yiyang.shared.InputRejectedException;

/**
 * Scores a GB/T 42195-2022 assessment exactly as DOMAIN.md §1: dimension sums, the total 0–90,
 * the preliminary level by the bands 90 / 66–89 / 46–65 / 30–45 / 0–29, then the change rules
 * (coma → level 4; dementia or another mental disorder → one up; two or more care-risk events →
 * one up; whether these two add up is a rule setting; capped at 4). No Spring, no state.
 */
public final class AssessmentScoring {

    private AssessmentScoring() {
    }

    /**
     * Every reason the answers cannot be accepted, as field errors: an unknown item or risk-event
     * code, an answer outside an item's options, a count outside 0..3, a code that is not ICD-10,
     * and a coma (A.5.11) with a consciousness level (B.3.9) other than 0. Missing answers are not
     * errors here (a draft may be incomplete).
     */
    public static List<FieldViolation> check(AssessmentAnswers in) {
        List<FieldViolation> errors = new ArrayList<>();
        for (Map.Entry<String, Integer> a : in.answers().entrySet()) {
            String field = "answers." + a.getKey();
            FormItem item = AssessmentForm.item(a.getKey()).orElse(null);
            if (item == null) {
                errors.add(new FieldViolation(field, "assessment.item.unknown", a.getKey()));
            } else if (a.getValue() != null && !item.accepts(a.getValue())) {
                errors.add(new FieldViolation(field, "assessment.answer.out-of-range", a.getValue(), item.maxScore()));
            }
        }
        for (Map.Entry<String, Integer> e : in.riskEvents().entrySet()) {
            String field = "riskEvents." + e.getKey();
            if (RiskEvent.byCode(e.getKey()).isEmpty()) {
                errors.add(new FieldViolation(field, "assessment.risk.unknown", e.getKey()));
            } else if (e.getValue() != null && (e.getValue() < 0 || e.getValue() > RiskEvent.MAX_COUNT)) {
                errors.add(new FieldViolation(field, "assessment.risk.out-of-range", e.getValue()));
            }
        }
        for (int i = 0; i < in.diagnoses().size(); i++) {
            String code = in.diagnoses().get(i);
            if (!Icd10Code.isValid(code.strip().toUpperCase(java.util.Locale.ROOT))) {
                errors.add(new FieldViolation("diagnoses[" + i + "]", "assessment.diagnosis.invalid", code));
            }
        }
        Integer consciousness = in.answer(AssessmentForm.CONSCIOUSNESS);
        if (in.inComa() && consciousness != null && consciousness != 0) {
            errors.add(new FieldViolation("answers." + AssessmentForm.CONSCIOUSNESS, "assessment.coma.consciousness", consciousness));
        }
        return errors;
    }

    /**
     * Scores the answers with the given rules. Invalid answers are refused
     * ({@link InputRejectedException} with every field error); missing answers give an incomplete
     * result that lists them.
     */
    public static ScoreResult score(AssessmentAnswers in, RuleSettings rules) {
        List<FieldViolation> errors = check(in);
        if (!errors.isEmpty()) {
            throw new InputRejectedException(errors);
        }
        List<String> missing = new ArrayList<>();
        List<DimensionScore> dimensions = new ArrayList<>();
        int total = 0;
        for (Dimension d : Dimension.values()) {
            List<FormItem> items = AssessmentForm.itemsOf(d);
            int sum = 0;
            int answered = 0;
            for (FormItem item : items) {
                Integer a = in.answer(item.code());
                if (a == null) {
                    missing.add(item.code());
                } else {
                    sum += a;
                    answered++;
                }
            }
            boolean complete = answered == items.size();
            dimensions.add(new DimensionScore(d, complete ? sum : null, d.max(), answered, items.size()));
            total += sum;
        }
        if (!missing.isEmpty()) {
            return new ScoreResult(false, List.copyOf(missing), List.copyOf(dimensions), null, null, List.of(), 0, null, rules);
        }
        AbilityLevel preliminary = preliminary(total);
        LevelChange change = change(preliminary, in, rules);
        return new ScoreResult(true, List.of(), List.copyOf(dimensions), total, preliminary, change.rules(), change.levelsRaised(),
                change.finalLevel(), rules);
    }

    /** C.3: the preliminary level of a total 0–90. */
    public static AbilityLevel preliminary(int total) {
        if (total < 0 || total > AssessmentForm.MAX_TOTAL) {
            throw new IllegalArgumentException("total out of range: " + total);
        }
        if (total == 90) return AbilityLevel.INTACT;
        if (total >= 66) return AbilityLevel.MILD;
        if (total >= 46) return AbilityLevel.MODERATE;
        if (total >= 30) return AbilityLevel.SEVERE;
        return AbilityLevel.TOTAL;
    }

    /** What C.4 did to the preliminary level. */
    public record LevelChange(AbilityLevel finalLevel, List<ChangeRule> rules, int levelsRaised) {
    }

    /** C.4 and C.5: the change rules that apply and the final level. */
    public static LevelChange change(AbilityLevel preliminary, AssessmentAnswers in, RuleSettings rules) {
        if (in.inComa()) {
            return new LevelChange(AbilityLevel.TOTAL, List.of(ChangeRule.COMA), 0);
        }
        boolean diagnosis = in.diagnoses().stream()
                .map(d -> Icd10Code.parse(d))
                .anyMatch(c -> c.isDementia() || c.isOtherMentalDisorder());
        boolean events = riskEventsTrigger(in, rules.eventCounting());
        List<ChangeRule> applied = new ArrayList<>();
        if (diagnosis) applied.add(ChangeRule.DEMENTIA_OR_MENTAL_DISORDER);
        if (events) applied.add(ChangeRule.RISK_EVENTS);
        int bump = rules.stacking() == UpgradeStacking.CUMULATIVE ? applied.size() : (applied.isEmpty() ? 0 : 1);
        int level = Math.min(AbilityLevel.TOTAL.code(), preliminary.code() + bump);
        return new LevelChange(AbilityLevel.ofCode(level), List.copyOf(applied), level - preliminary.code());
    }

    /** Two or more care-risk events, counted as the rules say. */
    public static boolean riskEventsTrigger(AssessmentAnswers in, EventCounting counting) {
        int total = 0;
        for (RiskEvent e : RiskEvent.values()) {
            int n = in.riskCount(e);
            if (counting == EventCounting.PER_TYPE && n >= 2) {
                return true;
            }
            total += n;
        }
        return counting == EventCounting.TOTAL && total >= 2;
    }
}
