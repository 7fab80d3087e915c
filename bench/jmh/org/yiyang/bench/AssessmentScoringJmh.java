package org.yiyang.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.yiyang.assessment.AssessmentAnswers;
import org.yiyang.assessment.AssessmentForm;
import org.yiyang.assessment.AssessmentScoring;
import org.yiyang.assessment.EventCounting;
import org.yiyang.assessment.FormItem;
import org.yiyang.assessment.RiskEvent;
import org.yiyang.assessment.RuleSettings;
import org.yiyang.assessment.ScoreResult;
import org.yiyang.assessment.UpgradeStacking;

/**
 * JMH: scoring one complete GB/T 42195-2022 assessment — all 26 items of Annex B answered, the five
 * care-risk events counted, ICD-10 diagnoses, coma — with {@code AssessmentScoring.score} (checks
 * every answer, sums the dimensions, bands the total, applies the change rules), the work behind
 * {@code POST /api/v1/assessments/score} and every completion. 1,000 answer sets drawn once
 * (seeded), used in turn; the rule settings of DOMAIN.md §1.5 and the other stacking/counting.
 * {@code bench/jmh.sh AssessmentScoringJmh}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class AssessmentScoringJmh {

    static final String[] DIAGNOSES = {"F00", "F01.1", "F03", "F20", "F32.9", "I63", "E11", "J44"};

    /** SINGLE_TOTAL: the recommended defaults; CUMULATIVE_PER_TYPE: the other choice of both open points. */
    @Param({"SINGLE_TOTAL", "CUMULATIVE_PER_TYPE"})
    String rules;

    RuleSettings settings;
    List<AssessmentAnswers> answers;
    int next;

    @Setup
    public void setUp() {
        settings = rules.equals("SINGLE_TOTAL") ? RuleSettings.defaults()
                : RuleSettings.defaults().with(UpgradeStacking.CUMULATIVE, EventCounting.PER_TYPE);
        Random random = new Random(42);
        answers = new ArrayList<>();
        for (int n = 0; n < 1_000; n++) {
            // a person is more or less able across the board: answers cluster around a capacity
            double capacity = random.nextDouble();
            boolean coma = random.nextInt(200) == 0;
            Map<String, Integer> items = new LinkedHashMap<>();
            for (FormItem item : AssessmentForm.ITEMS) {
                int score = (int) Math.round(item.maxScore() * Math.min(1, Math.max(0, capacity + random.nextGaussian() * 0.2)));
                items.put(item.code(), coma && item.code().equals(AssessmentForm.CONSCIOUSNESS) ? 0 : score);
            }
            Map<String, Integer> events = new LinkedHashMap<>();
            for (RiskEvent e : RiskEvent.values()) {
                events.put(e.code(), random.nextInt(10) < 8 ? 0 : 1 + random.nextInt(3));
            }
            List<String> diagnoses = new ArrayList<>();
            for (int d = random.nextInt(3); d > 0; d--) {
                diagnoses.add(DIAGNOSES[random.nextInt(DIAGNOSES.length)]);
            }
            answers.add(new AssessmentAnswers(items, events, diagnoses, coma));
        }
    }

    @Benchmark
    public ScoreResult score() {
        AssessmentAnswers a = answers.get(next);
        next = (next + 1) % answers.size();
        return AssessmentScoring.score(a, settings);
    }
}
