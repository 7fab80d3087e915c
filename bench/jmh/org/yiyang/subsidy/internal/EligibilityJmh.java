package org.yiyang.subsidy.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.yiyang.assessment.AbilityLevel;
import org.yiyang.elder.ElderCategory;
import org.yiyang.elder.ElderStatus;

/**
 * JMH: evaluating the four benefits for one elder against the rule book, as the evaluator does for
 * every elder of a recompute and for each elder an event touches: the most specific rule per
 * benefit (longest region prefix), its conditions (age, categories, ability level), and in
 * {@code evaluateAsWritten} also what {@code EligibilityEvaluator.write} adds before the database —
 * the reasons' fingerprint per benefit and the elder's next age change.
 * <p>
 * The rule book and the elder facts are package-private in {@code subsidy.internal} and the
 * module's public API evaluates only through the database, so this benchmark lives in that
 * package (as the module's unit tests do); it changes nothing in the module. The book: the
 * migration's national defaults, two counties with their own rules, one community with its own
 * (20 rules); 10,000 elders 60–104 years old over the demo city's six counties, with categories,
 * ability levels and a few no longer active.
 * {@code bench/jmh.sh EligibilityJmh}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class EligibilityJmh {

    static final List<String> BENEFITS = List.of("OLD_AGE_ALLOWANCE", "SERVICE_SUBSIDY", "CARE_SUBSIDY", "CONSUMPTION_VOUCHER");
    static final String[] COUNTIES = {"410902", "410922", "410923", "410926", "410927", "410928"};
    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    static final Set<ElderCategory> HARDSHIP = EnumSet.of(ElderCategory.ECONOMIC_HARDSHIP, ElderCategory.SUBSISTENCE_ALLOWANCE,
            ElderCategory.EXTREME_POVERTY);

    RuleBook book;
    List<ElderFacts> elders;
    int next;

    @Setup
    public void setUp() {
        List<EligibilityRule> rules = new ArrayList<>();
        // V40's national defaults
        rules.add(rule("", "OLD_AGE_ALLOWANCE", true, 80, Set.of(), null));
        rules.add(rule("", "SERVICE_SUBSIDY", true, null, HARDSHIP, null));
        rules.add(rule("", "CARE_SUBSIDY", true, null, HARDSHIP, AbilityLevel.MODERATE));
        rules.add(rule("", "CONSUMPTION_VOUCHER", true, null, Set.of(), AbilityLevel.MODERATE));
        // a county that pays from 70 and gives vouchers to everyone over 75 living alone
        rules.add(rule("410902", "OLD_AGE_ALLOWANCE", true, 70, Set.of(), null));
        rules.add(rule("410902", "CONSUMPTION_VOUCHER", true, 75, EnumSet.of(ElderCategory.LIVING_ALONE, ElderCategory.EMPTY_NEST), null));
        rules.add(rule("410902", "CARE_SUBSIDY", true, null, HARDSHIP, AbilityLevel.MILD));
        rules.add(rule("410902", "SERVICE_SUBSIDY", true, 60, EnumSet.of(ElderCategory.FAMILY_PLANNING_SPECIAL, ElderCategory.ECONOMIC_HARDSHIP,
                ElderCategory.SUBSISTENCE_ALLOWANCE, ElderCategory.EXTREME_POVERTY), null));
        // a county that does not offer vouchers
        rules.add(rule("410927", "CONSUMPTION_VOUCHER", false, null, Set.of(), null));
        rules.add(rule("410927", "OLD_AGE_ALLOWANCE", true, 85, Set.of(), null));
        // a community pilot
        rules.add(rule("410902001001", "CARE_SUBSIDY", true, 65, Set.of(), AbilityLevel.SEVERE));
        rules.add(rule("410902001001", "CONSUMPTION_VOUCHER", true, null, Set.of(), null));
        // the province and city levels written out as well, so that the search walks several prefixes
        for (String prefix : List.of("41", "4109")) {
            rules.add(rule(prefix, "OLD_AGE_ALLOWANCE", true, 80, Set.of(), null));
            rules.add(rule(prefix, "SERVICE_SUBSIDY", true, null, HARDSHIP, null));
            rules.add(rule(prefix, "CARE_SUBSIDY", true, null, HARDSHIP, AbilityLevel.MODERATE));
            rules.add(rule(prefix, "CONSUMPTION_VOUCHER", true, null, Set.of(), AbilityLevel.MODERATE));
        }
        book = new RuleBook(BENEFITS, rules);

        Random random = new Random(42);
        ElderCategory[] categories = ElderCategory.values();
        AbilityLevel[] levels = AbilityLevel.values();
        elders = new ArrayList<>();
        for (int i = 1; i <= 10_000; i++) {
            String county = COUNTIES[random.nextInt(100) < 40 ? 0 : random.nextInt(COUNTIES.length)];
            String region = county + String.format("%03d%03d", 1 + random.nextInt(12), 1 + random.nextInt(20));
            LocalDate born = TODAY.minusYears(60 + (long) Math.min(44, Math.abs(random.nextGaussian()) * 14)).minusDays(random.nextInt(365));
            Set<ElderCategory> cats = EnumSet.noneOf(ElderCategory.class);
            for (int c = random.nextInt(3); c > 0; c--) {
                cats.add(categories[random.nextInt(categories.length)]);
            }
            ElderStatus status = random.nextInt(100) < 3 ? ElderStatus.DECEASED : ElderStatus.ACTIVE;
            AbilityLevel level = random.nextInt(100) < 30 ? null : levels[random.nextInt(levels.length)];
            elders.add(new ElderFacts(i, region, born, cats, status, level, level == null ? null : TODAY.minusDays(random.nextInt(700))));
        }
    }

    static EligibilityRule rule(String prefix, String benefit, boolean offered, Integer minAge, Set<ElderCategory> any, AbilityLevel minLevel) {
        return new EligibilityRule(prefix, benefit, offered, minAge, any, minLevel, 0, "bench", null);
    }

    /** The four verdicts of one elder. */
    @Benchmark
    public Object evaluate() {
        ElderFacts elder = elders.get(next);
        next = (next + 1) % elders.size();
        return book.evaluate(elder, TODAY);
    }

    /** The verdicts with what the evaluator computes from them before writing: fingerprints, the next age change. */
    @Benchmark
    public long evaluateAsWritten() {
        ElderFacts elder = elders.get(next);
        next = (next + 1) % elders.size();
        long h = 0;
        for (RuleBook.Outcome o : book.evaluate(elder, TODAY)) {
            h += EligibilityEvaluator.fingerprint(o.verdict().reasons()) + (o.verdict().eligible() ? 1 : 0);
        }
        return h + ElderFacts.nextAgeChange(elder.birthDate(), TODAY).toEpochDay();
    }
}
