package org.yiyang.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.yiyang.shared.FieldViolation;
import org.yiyang.shared.InputRejectedException;

/** GB/T 42195-2022 scoring, with the worked examples and boundary table of DOMAIN.md §1.7. */
class AssessmentScoringTests {

    static final RuleSettings DEFAULT = RuleSettings.defaults();
    static final RuleSettings CUMULATIVE = DEFAULT.with(UpgradeStacking.CUMULATIVE, EventCounting.TOTAL);

    /** Answers for the 26 items in the order of the standard. */
    static Map<String, Integer> answers(int... scores) {
        assertThat(scores).hasSize(26);
        Map<String, Integer> m = new LinkedHashMap<>();
        for (int i = 0; i < 26; i++) {
            m.put(AssessmentForm.ITEMS.get(i).code(), scores[i]);
        }
        return m;
    }

    static Map<String, Integer> maxima() {
        Map<String, Integer> m = new LinkedHashMap<>();
        AssessmentForm.ITEMS.forEach(i -> m.put(i.code(), i.maxScore()));
        return m;
    }

    static final Map<String, Integer> EXAMPLE_B = answers(
            4, 4, 2, 3, 3, 3, 4, 3,
            4, 3, 3, 2,
            4, 3, 4, 3, 4, 4, 1, 1, 2,
            1, 1, 3, 2, 3);

    static final Map<String, Integer> EXAMPLE_C = answers(
            3, 3, 2, 2, 2, 3, 3, 2,
            4, 3, 3, 2,
            1, 1, 2, 1, 2, 2, 1, 1, 2,
            2, 1, 1, 0, 1);

    // ---- the form -----------------------------------------------------------------------------

    @Test
    void theFormHas26ItemsWhoseMaximaAddUpTo90AndToTheDimensionMaxima() {
        assertThat(AssessmentForm.ITEMS).hasSize(26);
        assertThat(AssessmentForm.ITEMS.stream().mapToInt(FormItem::maxScore).sum()).isEqualTo(90);
        Map<Dimension, Integer> sums = new EnumMap<>(Dimension.class);
        Map<Dimension, Integer> counts = new EnumMap<>(Dimension.class);
        AssessmentForm.ITEMS.forEach(i -> {
            sums.merge(i.dimension(), i.maxScore(), Integer::sum);
            counts.merge(i.dimension(), 1, Integer::sum);
        });
        assertThat(sums).containsExactlyInAnyOrderEntriesOf(Map.of(Dimension.SELF_CARE, 32, Dimension.MOBILITY, 15,
                Dimension.MENTAL, 28, Dimension.PERCEPTION_SOCIAL, 15));
        assertThat(counts).containsExactlyInAnyOrderEntriesOf(Map.of(Dimension.SELF_CARE, 8, Dimension.MOBILITY, 4,
                Dimension.MENTAL, 9, Dimension.PERCEPTION_SOCIAL, 5));
        for (Dimension d : Dimension.values()) {
            assertThat(sums.get(d)).as(d.name()).isEqualTo(d.max());
        }
        assertThat(AssessmentForm.item("B.2.4").orElseThrow().maxScore()).isEqualTo(3);
        assertThat(AssessmentForm.item("B.4.4").orElseThrow().maxScore()).isEqualTo(3);
        assertThat(AssessmentForm.item("B.3.9").orElseThrow().scores()).containsExactly(2, 1, 0);
        assertThat(AssessmentForm.item("B.3.7").orElseThrow().scores()).containsExactly(1, 0);
        assertThat(AssessmentForm.item("B.5.1")).isEmpty();
    }

    // ---- worked examples ----------------------------------------------------------------------

    @Test
    void exampleAEveryItemAtItsMaximumIsIntact() {
        ScoreResult r = AssessmentScoring.score(new AssessmentAnswers(maxima(), Map.of(), List.of(), false), DEFAULT);
        assertThat(r.complete()).isTrue();
        assertThat(r.dimensions()).extracting(DimensionScore::score).containsExactly(32, 15, 28, 15);
        assertThat(r.total()).isEqualTo(90);
        assertThat(r.preliminaryLevel()).isEqualTo(AbilityLevel.INTACT);
        assertThat(r.changeRules()).isEmpty();
        assertThat(r.finalLevel()).isEqualTo(AbilityLevel.INTACT);
    }

    @Test
    void exampleBMildImpairmentIsRaisedByTwoFallsButNotByOne() {
        ScoreResult twoFalls = AssessmentScoring.score(new AssessmentAnswers(EXAMPLE_B, Map.of("A.2.14.1", 2), List.of(), false), DEFAULT);
        assertThat(twoFalls.dimensions()).extracting(DimensionScore::score).containsExactly(26, 12, 26, 10);
        assertThat(twoFalls.total()).isEqualTo(74);
        assertThat(twoFalls.preliminaryLevel()).isEqualTo(AbilityLevel.MILD);
        assertThat(twoFalls.changeRules()).containsExactly(ChangeRule.RISK_EVENTS);
        assertThat(twoFalls.levelsRaised()).isEqualTo(1);
        assertThat(twoFalls.finalLevel()).isEqualTo(AbilityLevel.MODERATE);

        ScoreResult oneFall = AssessmentScoring.score(new AssessmentAnswers(EXAMPLE_B, Map.of("A.2.14.1", 1), List.of(), false), DEFAULT);
        assertThat(oneFall.changeRules()).isEmpty();
        assertThat(oneFall.finalLevel()).isEqualTo(AbilityLevel.MILD);
    }

    @Test
    void exampleCModerateImpairmentWithDementiaIsSevereAndWithTwoFallsDependsOnStacking() {
        ScoreResult dementia = AssessmentScoring.score(new AssessmentAnswers(EXAMPLE_C, Map.of(), List.of("F03"), false), DEFAULT);
        assertThat(dementia.dimensions()).extracting(DimensionScore::score).containsExactly(20, 12, 13, 5);
        assertThat(dementia.total()).isEqualTo(50);
        assertThat(dementia.preliminaryLevel()).isEqualTo(AbilityLevel.MODERATE);
        assertThat(dementia.changeRules()).containsExactly(ChangeRule.DEMENTIA_OR_MENTAL_DISORDER);
        assertThat(dementia.finalLevel()).isEqualTo(AbilityLevel.SEVERE);

        AssessmentAnswers both = new AssessmentAnswers(EXAMPLE_C, Map.of("A.2.14.1", 2), List.of("F03", "I10"), false);
        ScoreResult single = AssessmentScoring.score(both, DEFAULT);
        assertThat(single.changeRules()).containsExactly(ChangeRule.DEMENTIA_OR_MENTAL_DISORDER, ChangeRule.RISK_EVENTS);
        assertThat(single.levelsRaised()).isEqualTo(1);
        assertThat(single.finalLevel()).isEqualTo(AbilityLevel.SEVERE);
        ScoreResult cumulative = AssessmentScoring.score(both, CUMULATIVE);
        assertThat(cumulative.levelsRaised()).isEqualTo(2);
        assertThat(cumulative.finalLevel()).isEqualTo(AbilityLevel.TOTAL);
    }

    @Test
    void exampleDComaIsTotalLossWhateverTheScore() {
        Map<String, Integer> a = new LinkedHashMap<>(EXAMPLE_C);
        a.put("B.3.9", 0);
        a.put("B.1.1", 0);
        a.put("B.1.6", 0);
        a.put("B.3.1", 0);
        a.put("B.4.5", 0);
        ScoreResult r = AssessmentScoring.score(new AssessmentAnswers(a, Map.of(), List.of(), true), DEFAULT);
        assertThat(r.total()).isEqualTo(40);
        assertThat(r.preliminaryLevel()).isEqualTo(AbilityLevel.SEVERE);
        assertThat(r.changeRules()).containsExactly(ChangeRule.COMA);
        assertThat(r.finalLevel()).isEqualTo(AbilityLevel.TOTAL);

        ScoreResult high = AssessmentScoring.score(new AssessmentAnswers(withItem(maxima(), "B.3.9", 0), Map.of(), List.of(), true), DEFAULT);
        assertThat(high.preliminaryLevel()).isEqualTo(AbilityLevel.MILD);
        assertThat(high.finalLevel()).isEqualTo(AbilityLevel.TOTAL);
    }

    @ParameterizedTest(name = "total {0} → level {1}")
    @CsvSource({"90,0", "89,1", "66,1", "65,2", "46,2", "45,3", "30,3", "29,4", "0,4"})
    void preliminaryLevelBoundaries(int total, int level) {
        assertThat(AssessmentScoring.preliminary(total).code()).isEqualTo(level);
    }

    @Test
    void aTotalOutside0To90IsRefused() {
        assertThatThrownBy(() -> AssessmentScoring.preliminary(91)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AssessmentScoring.preliminary(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theFinalLevelIsCappedAt4() {
        AssessmentAnswers worst = new AssessmentAnswers(answers(new int[26]), Map.of("A.2.14.2", 3), List.of("F01.1"), false);
        ScoreResult r = AssessmentScoring.score(worst, CUMULATIVE);
        assertThat(r.preliminaryLevel()).isEqualTo(AbilityLevel.TOTAL);
        assertThat(r.changeRules()).containsExactly(ChangeRule.DEMENTIA_OR_MENTAL_DISORDER, ChangeRule.RISK_EVENTS);
        assertThat(r.levelsRaised()).isZero();
        assertThat(r.finalLevel()).isEqualTo(AbilityLevel.TOTAL);
        AssessmentAnswers dementiaOnly = new AssessmentAnswers(answers(new int[26]), Map.of(), List.of("F03"), false);
        assertThat(AssessmentScoring.score(dementiaOnly, DEFAULT).finalLevel()).isEqualTo(AbilityLevel.TOTAL);
    }

    @Test
    void anotherMentalDisorderRaisesOneLevelAndOtherDiagnosesDoNot() {
        AssessmentAnswers schizophrenia = new AssessmentAnswers(EXAMPLE_B, Map.of(), List.of("F20"), false);
        assertThat(AssessmentScoring.score(schizophrenia, DEFAULT).finalLevel()).isEqualTo(AbilityLevel.MODERATE);
        AssessmentAnswers physical = new AssessmentAnswers(EXAMPLE_B, Map.of(), List.of("I10", "E11.9", "G30.1"), false);
        assertThat(AssessmentScoring.score(physical, DEFAULT).finalLevel()).isEqualTo(AbilityLevel.MILD);
    }

    @Test
    void riskEventsAreCountedInTotalByDefaultOrPerKindWhenTheRulesSaySo() {
        AssessmentAnswers mixed = new AssessmentAnswers(EXAMPLE_B, Map.of("A.2.14.1", 1, "A.2.14.3", 1), List.of(), false);
        assertThat(AssessmentScoring.score(mixed, DEFAULT).finalLevel()).isEqualTo(AbilityLevel.MODERATE);
        RuleSettings perType = DEFAULT.with(UpgradeStacking.SINGLE, EventCounting.PER_TYPE);
        assertThat(AssessmentScoring.score(mixed, perType).finalLevel()).isEqualTo(AbilityLevel.MILD);
        AssessmentAnswers twoChokings = new AssessmentAnswers(EXAMPLE_B, Map.of("A.2.14.3", 2), List.of(), false);
        assertThat(AssessmentScoring.score(twoChokings, perType).finalLevel()).isEqualTo(AbilityLevel.MODERATE);
    }

    // ---- incomplete and invalid answers -------------------------------------------------------

    @Test
    void anIncompleteAnswerSetIsNeverScoredAsIfTheMissingItemsWereZero() {
        Map<String, Integer> a = new LinkedHashMap<>(maxima());
        a.remove("B.1.3");
        a.put("B.4.2", null);
        ScoreResult r = AssessmentScoring.score(new AssessmentAnswers(a, Map.of(), List.of(), false), DEFAULT);
        assertThat(r.complete()).isFalse();
        assertThat(r.missingItems()).containsExactly("B.1.3", "B.4.2");
        assertThat(r.total()).isNull();
        assertThat(r.preliminaryLevel()).isNull();
        assertThat(r.finalLevel()).isNull();
        assertThat(r.dimension(Dimension.SELF_CARE).score()).isNull();
        assertThat(r.dimension(Dimension.SELF_CARE).answered()).isEqualTo(7);
        assertThat(r.dimension(Dimension.MOBILITY).score()).isEqualTo(15);
        assertThat(r.dimension(Dimension.MENTAL).score()).isEqualTo(28);
        assertThat(r.dimension(Dimension.PERCEPTION_SOCIAL).score()).isNull();

        ScoreResult empty = AssessmentScoring.score(AssessmentAnswers.empty(), DEFAULT);
        assertThat(empty.missingItems()).hasSize(26);
    }

    @Test
    void answersOutsideTheOptionsUnknownCodesBadCountsAndNonIcd10CodesAreAllReported() {
        Map<String, Integer> a = new LinkedHashMap<>(maxima());
        a.put("B.2.4", 4);
        a.put("B.3.7", -1);
        a.put("B.9.9", 1);
        AssessmentAnswers in = new AssessmentAnswers(a, Map.of("A.2.14.1", 4, "A.2.99", 1), List.of("F03", "XYZ", "E99"), false);
        assertThatThrownBy(() -> AssessmentScoring.score(in, DEFAULT))
                .isInstanceOfSatisfying(InputRejectedException.class, e -> assertThat(e.violations())
                        .extracting(FieldViolation::field, FieldViolation::code)
                        .containsExactlyInAnyOrder(
                                org.assertj.core.groups.Tuple.tuple("answers.B.2.4", "assessment.answer.out-of-range"),
                                org.assertj.core.groups.Tuple.tuple("answers.B.3.7", "assessment.answer.out-of-range"),
                                org.assertj.core.groups.Tuple.tuple("answers.B.9.9", "assessment.item.unknown"),
                                org.assertj.core.groups.Tuple.tuple("riskEvents.A.2.14.1", "assessment.risk.out-of-range"),
                                org.assertj.core.groups.Tuple.tuple("riskEvents.A.2.99", "assessment.risk.unknown"),
                                org.assertj.core.groups.Tuple.tuple("diagnoses[1]", "assessment.diagnosis.invalid"),
                                org.assertj.core.groups.Tuple.tuple("diagnoses[2]", "assessment.diagnosis.invalid")));
    }

    @Test
    void aComaWithAConsciousnessLevelAbove0IsInconsistent() {
        AssessmentAnswers in = new AssessmentAnswers(maxima(), Map.of(), List.of(), true);
        assertThat(AssessmentScoring.check(in)).extracting(FieldViolation::field).containsExactly("answers.B.3.9");
    }

    @ParameterizedTest(name = "{0} valid={1}")
    @CsvSource({"F03,true", "F00.1,true", "I10,true", "E11.9,true", "I10.X00X002,true", "U07.1,true", "Z99,true",
            "C80,true", "D48.9,true", "E99,false", "K95,false", "U99,false", "D49,false", "H96,false", "I1,false",
            "10I,false", "F03.,false", "ICD,false", "'',false"})
    void icd10CodesAreCheckedAgainstTheChapters(String code, boolean valid) {
        assertThat(Icd10Code.isValid(code)).isEqualTo(valid);
    }

    @Test
    void dementiaIsF00ToF03AndOtherMentalDisordersF04ToF99() {
        assertThat(Icd10Code.parse("f03").isDementia()).isTrue();
        assertThat(Icd10Code.parse("F00.9").isDementia()).isTrue();
        assertThat(Icd10Code.parse("F04").isDementia()).isFalse();
        assertThat(Icd10Code.parse("F04").isOtherMentalDisorder()).isTrue();
        assertThat(Icd10Code.parse("F99").isOtherMentalDisorder()).isTrue();
        assertThat(Icd10Code.parse("G30").isDementia()).isFalse();
        assertThat(Icd10Code.parse("G30").isOtherMentalDisorder()).isFalse();
    }

    // ---- property: every complete answer set --------------------------------------------------

    @Test
    void everyCompleteAnswerSetScoresWithin0To90AndMapsToExactlyOneLevel() {
        Random random = new Random(42195);
        int[] levelsSeen = new int[5];
        for (int run = 0; run < 20_000; run++) {
            Map<String, Integer> a = new LinkedHashMap<>();
            int expected = 0;
            for (FormItem item : AssessmentForm.ITEMS) {
                int s = random.nextInt(item.maxScore() + 1);
                a.put(item.code(), s);
                expected += s;
            }
            Map<String, Integer> risks = new LinkedHashMap<>();
            for (RiskEvent e : RiskEvent.values()) {
                if (random.nextInt(4) == 0) risks.put(e.code(), random.nextInt(4));
            }
            List<String> diagnoses = new ArrayList<>();
            if (random.nextInt(5) == 0) diagnoses.add(random.nextBoolean() ? "F03" : "F32");
            boolean coma = random.nextInt(20) == 0;
            if (coma) a.put("B.3.9", 0);
            if (coma) expected = a.values().stream().mapToInt(Integer::intValue).sum();
            RuleSettings rules = random.nextBoolean() ? DEFAULT : CUMULATIVE;
            ScoreResult r = AssessmentScoring.score(new AssessmentAnswers(a, risks, diagnoses, coma), rules);

            assertThat(r.complete()).isTrue();
            assertThat(r.total()).isEqualTo(expected).isBetween(0, 90);
            assertThat(r.dimensions().stream().mapToInt(DimensionScore::score).sum()).isEqualTo(r.total());
            int bands = 0;
            for (AbilityLevel level : AbilityLevel.values()) {
                if (inBand(level, r.total())) bands++;
            }
            assertThat(bands).as("total %d lies in exactly one band", r.total()).isEqualTo(1);
            assertThat(inBand(r.preliminaryLevel(), r.total())).isTrue();
            assertThat(r.finalLevel()).isNotNull();
            assertThat(r.finalLevel().code()).isBetween(r.preliminaryLevel().code(), 4);
            assertThat(r.finalLevel().code() - r.preliminaryLevel().code())
                    .isLessThanOrEqualTo(coma ? 4 : rules.stacking() == UpgradeStacking.CUMULATIVE ? 2 : 1);
            levelsSeen[r.preliminaryLevel().code()]++;
        }
        assertThat(levelsSeen).as("uniform answers reach levels 1–4").satisfies(l -> {
            assertThat(l[1]).isPositive();
            assertThat(l[2]).isPositive();
            assertThat(l[3]).isPositive();
        });
    }

    private static boolean inBand(AbilityLevel level, int total) {
        return switch (level) {
            case INTACT -> total == 90;
            case MILD -> total >= 66 && total <= 89;
            case MODERATE -> total >= 46 && total <= 65;
            case SEVERE -> total >= 30 && total <= 45;
            case TOTAL -> total >= 0 && total <= 29;
        };
    }

    private static Map<String, Integer> withItem(Map<String, Integer> in, String code, int score) {
        Map<String, Integer> m = new LinkedHashMap<>(in);
        m.put(code, score);
        return m;
    }
}
