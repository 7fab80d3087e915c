package org.yiyang.assessment.web;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.yiyang.assessment.AbilityLevel;
import org.yiyang.assessment.AssessmentForm;
import org.yiyang.assessment.AssessmentSummary;
import org.yiyang.assessment.AssessmentView;
import org.yiyang.assessment.ChangeRule;
import org.yiyang.assessment.Dimension;
import org.yiyang.assessment.DimensionScore;
import org.yiyang.assessment.FormItem;
import org.yiyang.assessment.LegacyResult;
import org.yiyang.assessment.LevelCounts;
import org.yiyang.assessment.ReassessmentDue;
import org.yiyang.assessment.RiskEvent;
import org.yiyang.assessment.RuleSettings;
import org.yiyang.assessment.ScoreResult;
import org.yiyang.assessment.Signature;

/**
 * The JSON shapes of the assessment API: levels as codes 0–4 with their names in the caller's
 * language (Accept-Language), change rules as codes with their texts.
 */
@Component
class AssessmentJson {

    private final MessageSource messages;

    AssessmentJson(MessageSource messages) {
        this.messages = messages;
    }

    @Schema(name = "AssessmentScore", description = "Annex C: dimension scores, total, preliminary level, change rules, final level")
    record Score(@Schema(description = "COMPLETE or INCOMPLETE (then total and levels are absent)") String status,
                 List<String> missingItems, List<DimensionJson> dimensions, Integer selfCare, Integer mobility, Integer mental,
                 Integer perceptionSocial, Integer total, Integer preliminaryLevel, String preliminaryLevelName,
                 List<Rule> changeRules, Integer levelsRaised, Integer finalLevel, String finalLevelName, Rules rules) {
    }

    @Schema(name = "AssessmentDimensionScore")
    record DimensionJson(String code, String name, @Schema(description = "Null until every item of the dimension is answered") Integer score,
                         int max, int answered, int items) {
    }

    @Schema(name = "AssessmentChangeRule")
    record Rule(String code, String name) {
    }

    @Schema(name = "AssessmentRuleSettings")
    record Rules(String version, LocalDate effectiveFrom, String upgradeStacking, String eventCounting, int requiredAssessors) {
    }

    @Schema(name = "Assessment")
    record Full(long id, long elderId, String elderName, String regionCode, String standard, String status, String reason,
                LocalDate assessedOn, Map<String, Integer> answers, Map<String, Integer> riskEvents, List<String> diagnoses,
                boolean coma, String notes, Score result, Legacy legacy, List<Signature> signatures, String createdBy,
                Instant createdAt, Instant updatedAt, Instant completedAt, int version) {
    }

    @Schema(name = "AssessmentLegacyResult", description = "An MZ/T 039-2013 result (read-only)")
    record Legacy(Integer barthelScore, int adlGrade, int mentalGrade, int perceptionGrade, int socialGrade, int level,
                  String levelName, String source) {
    }

    @Schema(name = "AssessmentSummary")
    record Summary(long id, String standard, String status, String reason, LocalDate assessedOn, Integer total,
                   Integer preliminaryLevel, String preliminaryLevelName, Integer finalLevel, String finalLevelName,
                   List<String> changeRules, Integer legacyLevel, String legacyLevelName, List<String> signers, Instant completedAt) {
    }

    @Schema(name = "ReassessmentDue")
    record Due(long elderId, String elderName, String regionCode, Long lastAssessmentId, String lastStandard,
               LocalDate lastAssessedOn, Integer lastLevel, String lastLevelName, int intervalMonths, LocalDate dueOn, String state,
               LocalDate changeReportedOn, String changeNote, Long draftId) {
    }

    @Schema(name = "AssessmentLevelCounts")
    record Counts(String regionCode, List<CountRow> rows, CountRow total) {
    }

    @Schema(name = "AssessmentLevelCountRow")
    record CountRow(String regionCode, String regionName, @Schema(description = "Elders by current level 0..4") long[] byLevel,
                    long assessed, @Schema(description = "Elders with only an MZ/T 039 result") long legacyOnly) {
    }

    @Schema(name = "AssessmentFormItem")
    record Item(String code, String dimension, String name, String description, int maxScore, List<Option> options) {
    }

    @Schema(name = "AssessmentFormOption")
    record Option(int score, String text) {
    }

    @Schema(name = "AssessmentForm")
    record Form(String standard, List<Item> items, List<Option> riskEventCounts, List<Rule> riskEvents) {
    }

    Score score(ScoreResult r) {
        List<DimensionJson> dims = r.dimensions().stream().map(this::dimension).toList();
        return new Score(r.complete() ? "COMPLETE" : "INCOMPLETE", r.missingItems(), dims,
                r.dimension(Dimension.SELF_CARE).score(), r.dimension(Dimension.MOBILITY).score(),
                r.dimension(Dimension.MENTAL).score(), r.dimension(Dimension.PERCEPTION_SOCIAL).score(), r.total(),
                code(r.preliminaryLevel()), name(r.preliminaryLevel()),
                r.changeRules().stream().map(c -> new Rule(c.name(), text(c.messageKey()))).toList(),
                r.complete() ? r.levelsRaised() : null, code(r.finalLevel()), name(r.finalLevel()), rules(r.rules()));
    }

    private DimensionJson dimension(DimensionScore d) {
        return new DimensionJson(d.dimension().code(), text(d.dimension().messageKey()), d.score(), d.max(), d.answered(), d.items());
    }

    Rules rules(RuleSettings s) {
        return s == null ? null : new Rules(s.version(), s.effectiveFrom(), s.stacking().name(), s.eventCounting().name(),
                s.requiredAssessors());
    }

    Full full(AssessmentView v) {
        return new Full(v.id(), v.elderId(), v.elderName(), v.regionCode(), v.standard().name(), v.status().name(),
                v.reason() == null ? null : v.reason().name(), v.assessedOn(), v.answers().answers(), v.answers().riskEvents(),
                v.answers().diagnoses(), v.answers().inComa(), v.notes(), v.result() == null ? null : score(v.result()),
                legacy(v.legacy()), v.signatures(), v.createdByName(), v.createdAt(), v.updatedAt(), v.completedAt(), v.version());
    }

    Legacy legacy(LegacyResult l) {
        return l == null ? null : new Legacy(l.barthelScore(), l.adlGrade(), l.mentalGrade(), l.perceptionGrade(), l.socialGrade(),
                l.level(), text(l.levelKey()), l.source());
    }

    Summary summary(AssessmentSummary s) {
        return new Summary(s.id(), s.standard().name(), s.status().name(), s.reason() == null ? null : s.reason().name(),
                s.assessedOn(), s.total(), code(s.preliminaryLevel()), name(s.preliminaryLevel()), code(s.finalLevel()),
                name(s.finalLevel()), s.changeRules().stream().map(ChangeRule::name).toList(), s.legacyLevel(),
                s.legacyLevel() == null ? null : text("assessment.legacy.level." + s.legacyLevel()), s.signers(), s.completedAt());
    }

    Due due(ReassessmentDue d) {
        return new Due(d.elderId(), d.elderName(), d.regionCode(), d.lastAssessmentId(),
                d.lastStandard() == null ? null : d.lastStandard().name(), d.lastAssessedOn(), code(d.lastLevel()),
                name(d.lastLevel()), d.intervalMonths(), d.dueOn(), d.state().name(), d.changeReportedOn(), d.changeNote(),
                d.draftId());
    }

    Counts counts(LevelCounts c) {
        return new Counts(c.regionCode(), c.rows().stream().map(this::row).toList(), row(c.total()));
    }

    private CountRow row(LevelCounts.Row r) {
        return new CountRow(r.regionCode(), r.regionName(), r.byLevel(), r.assessed(), r.legacyOnly());
    }

    Form form() {
        List<Item> items = AssessmentForm.ITEMS.stream().map(this::item).toList();
        List<Option> counts = java.util.stream.IntStream.rangeClosed(0, RiskEvent.MAX_COUNT)
                .mapToObj(n -> new Option(n, text("assessment.risk.count." + n))).toList();
        List<Rule> events = java.util.Arrays.stream(RiskEvent.values()).map(e -> new Rule(e.code(), text(e.messageKey()))).toList();
        return new Form(text("assessment.standard.GBT_42195_2022"), items, counts, events);
    }

    private Item item(FormItem i) {
        List<Option> options = java.util.Arrays.stream(i.scores()).mapToObj(s -> new Option(s, text(i.optionKey(s)))).toList();
        return new Item(i.code(), i.dimension().code(), text(i.nameKey()), text(i.descriptionKey()), i.maxScore(), options);
    }

    static Integer code(AbilityLevel l) {
        return l == null ? null : l.code();
    }

    String name(AbilityLevel l) {
        return l == null ? null : text("assessment.level." + l.code());
    }

    String text(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }
}
