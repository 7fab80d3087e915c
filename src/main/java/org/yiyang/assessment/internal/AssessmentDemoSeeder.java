package org.yiyang.assessment.internal;

import java.sql.Date;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Component;
import org.yiyang.assessment.AssessmentAnswers;
import org.yiyang.assessment.AssessmentForm;
import org.yiyang.assessment.AssessmentReason;
import org.yiyang.assessment.AssessmentScoring;
import org.yiyang.assessment.Dimension;
import org.yiyang.assessment.FormItem;
import org.yiyang.assessment.RuleSettings;
import org.yiyang.assessment.ScoreResult;
import org.yiyang.elder.ElderCategory;
import org.yiyang.elder.ElderLocations;
import org.yiyang.elder.LocatedElder;
import org.yiyang.elder.ElderSummary;
import org.yiyang.identity.UserAccounts;
import org.yiyang.shared.DataScope;
import org.yiyang.shared.DemoSeeder;
import org.yiyang.shared.DemoSettings;

/**
 * Assessments of the demo city: most elders recorded as 失能 (levels 2–4), about half of those aged
 * 80 and over (levels 0–2, a few with only an old MZ/T 039 record), some in economic hardship and a
 * few others, signed by the demo assessors
 * {@code assessor} and {@code assessor2}. About a third have an earlier assessment a year before (so
 * histories can be compared), some an old MZ/T 039 record, and a few a reported change. Answers are
 * drawn item by item and scored by {@link AssessmentScoring}, so every stored level is what the form
 * gives. Deterministic for the seed (dates count back from the day of seeding); written in batches.
 */
@Component
class AssessmentDemoSeeder implements DemoSeeder {

    private static final Logger log = LoggerFactory.getLogger(AssessmentDemoSeeder.class);
    private static final int BATCH = 2_000;
    /** The demo assessors' names as the identity seeder gives them. */
    private static final String FIRST_ASSESSOR = "评估员 · 张敏";
    private static final String SECOND_ASSESSOR = "评估员 · 李娟";
    private static final String[] CHANGE_NOTES = {"近期跌倒后行动明显不便，家属来电反映", "出院后需要卧床照护", "社区网格员反映近来记忆力明显下降"};

    private final ElderLocations elders;
    private final UserAccounts accounts;
    private final AssessmentRepository repository;
    private final Clock clock;

    AssessmentDemoSeeder(ElderLocations elders, UserAccounts accounts, AssessmentRepository repository, ObjectProvider<Clock> clock) {
        this.elders = elders;
        this.accounts = accounts;
        this.repository = repository;
        this.clock = clock.getIfAvailable(() -> Clock.system(AssessmentService.ZONE));
    }

    @Override
    public int order() {
        return 350;
    }

    /** An elder to assess (name filled in later), what levels to aim at, and whether only an old MZ/T 039 record is made. */
    private static final class Planned {
        final long elderId;
        final String regionCode;
        final int minLevel;
        final int maxLevel;
        final double capabilityFrom;
        final double capabilityTo;
        final boolean legacyOnly;
        String name;

        Planned(LocatedElder e, int minLevel, int maxLevel, double capabilityFrom, double capabilityTo, boolean legacyOnly) {
            this.elderId = e.id();
            this.regionCode = e.community().value();
            this.minLevel = minLevel;
            this.maxLevel = maxLevel;
            this.capabilityFrom = capabilityFrom;
            this.capabilityTo = capabilityTo;
            this.legacyOnly = legacyOnly;
        }
    }

    @Override
    public void seed(DemoSettings settings) {
        Instant start = Instant.now();
        Random random = settings.random("assessment");
        LocalDate today = LocalDate.now(clock.withZone(AssessmentService.ZONE));
        RuleSettings rules = repository.rulesOn(today).orElseGet(RuleSettings::defaults);
        Long first = accounts.idOf("assessor").orElse(null);
        Long second = accounts.idOf("assessor2").orElse(null);

        // who is assessed: decided on the facts without personal data, in id order
        List<Planned> plans = new ArrayList<>();
        elders.forEachActive(e -> {
            Planned p = plan(e, random, today);
            if (p != null) {
                plans.add(p);
            }
        });
        // the name on the form, read for the chosen elders only
        for (int from = 0; from < plans.size(); from += BATCH) {
            List<Planned> chunk = plans.subList(from, Math.min(plans.size(), from + BATCH));
            Map<Long, Planned> byId = new LinkedHashMap<>();
            chunk.forEach(p -> byId.put(p.elderId, p));
            String province = chunk.getFirst().regionCode.substring(0, 2);
            for (ElderSummary e : elders.summaries(new DataScope.Region(province), new ArrayList<>(byId.keySet()))) {
                byId.get(e.id()).name = e.name();
            }
        }
        long reading = Duration.between(start, Instant.now()).toMillis();

        Writer writer = new Writer(rules, first, second);
        for (Planned p : plans) {
            if (p.name != null) {
                writer.assess(p, random, today);
                writer.flushIfFull();
            }
        }
        writer.flush();
        long t0 = System.nanoTime();
        repository.rebuildCurrent();
        repository.reportChanges(writer.changes);
        writer.writing += System.nanoTime() - t0;
        log.info("Assessment demo data: {} elders assessed ({} assessments, {} MZ/T 039 records) in {} ms ({} ms reading the registry, {} ms writing)",
                plans.size(), writer.written, writer.legacyWritten, Duration.between(start, Instant.now()).toMillis(), reading,
                writer.writing / 1_000_000);
    }

    private static Planned plan(LocatedElder e, Random random, LocalDate today) {
        double draw = random.nextDouble();
        if (e.disabled()) {
            return draw < 0.9 ? new Planned(e, 2, 4, 0.22, 0.64, false) : null;
        }
        if (e.advancedAgeOn(today)) {
            return draw < 0.5 ? new Planned(e, 0, 2, 0.55, 1.1, false)
                    : draw < 0.56 ? new Planned(e, 1, 2, 0.5, 0.9, true) : null;
        }
        if (e.categories().contains(ElderCategory.ECONOMIC_HARDSHIP) || e.categories().contains(ElderCategory.EXTREME_POVERTY)) {
            return draw < 0.3 ? new Planned(e, 0, 3, 0.45, 1.1, false) : null;
        }
        return draw < 0.03 ? new Planned(e, 0, 1, 0.75, 1.15, false) : null;
    }

    /** Collects rows and writes them in batches. */
    private final class Writer {

        private final RuleSettings rules;
        private final Long first;
        private final Long second;
        private final StringBuilder rows = new StringBuilder();
        private final StringBuilder signatures = new StringBuilder();
        private int rowCount;
        private final List<SqlParameterSource> changes = new ArrayList<>();
        int written;
        int legacyWritten;

        Writer(RuleSettings rules, Long first, Long second) {
            this.rules = rules;
            this.first = first;
            this.second = second;
        }

        void assess(Planned p, Random random, LocalDate today) {
            if (p.legacyOnly) {
                // assessed under the old standard before GB/T 42195 took effect, never since
                legacy(p, random, LocalDate.of(2020, 3, 1).plusDays(random.nextInt(900)));
                return;
            }
            LocalDate latest = today.minusDays(random.nextInt(450));
            boolean earlier = random.nextDouble() < 0.35;
            if (earlier) {
                // a year or so before, a little more able
                LocalDate before = latest.minusDays(330 + random.nextInt(90));
                add(p, scored(p, random, 0.08), before, AssessmentReason.FIRST, random);
            }
            add(p, scored(p, random, 0.0), latest, earlier ? AssessmentReason.ROUTINE : AssessmentReason.FIRST, random);
            if (random.nextDouble() < 0.08) {
                legacy(p, random, (earlier ? latest.minusYears(1) : latest).minusDays(400 + random.nextInt(700)));
            }
            long sinceLatest = java.time.temporal.ChronoUnit.DAYS.between(latest, today);
            if (sinceLatest > 1 && random.nextDouble() < 0.01) {
                // reported after the latest assessment, within the last three weeks
                changes.add(new MapSqlParameterSource("elderId", p.elderId)
                        .addValue("on", Date.valueOf(today.minusDays(random.nextInt((int) Math.min(21, sinceLatest - 1)))))
                        .addValue("note", CHANGE_NOTES[random.nextInt(CHANGE_NOTES.length)]).addValue("by", FIRST_ASSESSOR));
            }
        }

        /** Draws answer sets until one scores within the planned levels (or takes the last). */
        private Drawn scored(Planned p, Random random, double better) {
            Drawn last = null;
            for (int attempt = 0; attempt < 30; attempt++) {
                double capability = p.capabilityFrom + random.nextDouble() * (p.capabilityTo - p.capabilityFrom) + better;
                Map<String, Integer> answers = new LinkedHashMap<>();
                for (FormItem item : AssessmentForm.ITEMS) {
                    double noisy = capability + random.nextGaussian() * 0.15;
                    answers.put(item.code(), Math.max(0, Math.min(item.maxScore(), (int) Math.round(item.maxScore() * noisy))));
                }
                Map<String, Integer> risks = new LinkedHashMap<>();
                if (random.nextDouble() < (p.minLevel >= 2 ? 0.18 : 0.05)) {
                    risks.put("A.2.14.1", 1 + random.nextInt(3));
                }
                if (random.nextDouble() < 0.04) {
                    risks.put("A.2.14.2", 1);
                }
                List<String> diagnoses = new ArrayList<>();
                if (random.nextDouble() < 0.5) diagnoses.add("I10");
                if (random.nextDouble() < 0.2) diagnoses.add("E11.9");
                if (p.minLevel >= 2 && random.nextDouble() < 0.15) diagnoses.add("F03");
                if (p.minLevel >= 2 && random.nextDouble() < 0.1) diagnoses.add("I63.9");
                boolean coma = p.minLevel >= 2 && random.nextDouble() < 0.01;
                if (coma) {
                    answers.put(AssessmentForm.CONSCIOUSNESS, 0);
                }
                AssessmentAnswers in = new AssessmentAnswers(answers, risks, diagnoses, coma);
                last = new Drawn(in, AssessmentScoring.score(in, rules));
                int level = last.result().finalLevel().code();
                if (level >= p.minLevel && level <= p.maxLevel) {
                    return last;
                }
            }
            return last;
        }

        private void add(Planned p, Drawn d, LocalDate on, AssessmentReason reason, Random random) {
            ScoreResult r = d.result();
            Instant at = on.atTime(LocalTime.of(9, 0).plusMinutes(random.nextInt(480))).atZone(AssessmentService.ZONE).toInstant();
            long id = nextId();
            line(rows, id, p.elderId, p.name, p.regionCode, "GBT_42195_2022", "COMPLETED", reason.name(), on,
                    json(d.answers().answers()), json(d.answers().riskEvents()), array(d.answers().diagnoses()), d.answers().inComa(),
                    null, null, rules.version(), rules.stacking().name(), rules.eventCounting().name(), rules.requiredAssessors(),
                    r.dimension(Dimension.SELF_CARE).score(), r.dimension(Dimension.MOBILITY).score(),
                    r.dimension(Dimension.MENTAL).score(), r.dimension(Dimension.PERCEPTION_SOCIAL).score(), r.total(),
                    r.preliminaryLevel().code(), r.finalLevel().code(), array(r.changeRules().stream().map(Enum::name).toList()),
                    r.levelsRaised(), first, FIRST_ASSESSOR, at, at, at);
            if (first != null && second != null) {
                line(signatures, id, first, "assessor", FIRST_ASSESSOR, at, "SESSION");
                line(signatures, id, second, "assessor2", SECOND_ASSESSOR, at, "CO_SIGN");
            }
            rowCount++;
            written++;
        }

        private void legacy(Planned p, Random random, LocalDate on) {
            int adl = Math.min(3, Math.max(0, p.minLevel - 1 + random.nextInt(2)));
            int[] barthel = {100, 80, 55, 30};
            int level = Math.min(3, adl + (random.nextDouble() < 0.3 ? 1 : 0));
            String json = "{\"barthelScore\":" + barthel[adl] + ",\"adlGrade\":" + adl + ",\"mentalGrade\":" + random.nextInt(Math.max(1, adl + 1))
                    + ",\"perceptionGrade\":" + random.nextInt(2) + ",\"socialGrade\":" + Math.min(3, adl + random.nextInt(2))
                    + ",\"level\":" + level + ",\"source\":\"纸质档案（MZ/T 039-2013）\"}";
            Instant at = on.atTime(10, 0).atZone(AssessmentService.ZONE).toInstant();
            line(rows, nextId(), p.elderId, p.name, p.regionCode, "MZT_039_2013", "COMPLETED", "OTHER", on,
                    "{}", "{}", "{}", false, null, json, null, null, null, null, null, null, null, null, null, null, null, "{}", 0,
                    first, FIRST_ASSESSOR, at, at, at);
            rowCount++;
            legacyWritten++;
        }

        /** One line of COPY text: tab-separated, \\N for null (the values never hold tabs, newlines or backslashes). */
        private static void line(StringBuilder out, Object... values) {
            for (int i = 0; i < values.length; i++) {
                if (i > 0) out.append('\t');
                Object v = values[i];
                if (v == null) out.append("\\N");
                else if (v instanceof Boolean b) out.append(b ? 't' : 'f');
                else out.append(v);
            }
            out.append('\n');
        }

        private static String array(List<String> values) {
            return "{" + String.join(",", values) + "}";
        }

        private final List<Long> ids = new ArrayList<>();

        private long nextId() {
            if (ids.isEmpty()) {
                ids.addAll(repository.nextIds(BATCH));
            }
            return ids.removeFirst();
        }

        void flushIfFull() {
            if (rowCount >= BATCH) {
                flush();
            }
        }

        long writing;

        void flush() {
            long t0 = System.nanoTime();
            flushRows();
            writing += System.nanoTime() - t0;
        }

        private void flushRows() {
            if (!rows.isEmpty()) {
                repository.copyCompleted(rows.toString());
                rows.setLength(0);
                rowCount = 0;
            }
            if (!signatures.isEmpty()) {
                repository.copySignatures(signatures.toString());
                signatures.setLength(0);
            }
        }

        private static String json(Map<String, Integer> m) {
            StringBuilder b = new StringBuilder("{");
            m.forEach((k, v) -> b.append(b.length() > 1 ? "," : "").append('"').append(k).append("\":").append(v));
            return b.append('}').toString();
        }
    }

    private record Drawn(AssessmentAnswers answers, ScoreResult result) {
    }
}
