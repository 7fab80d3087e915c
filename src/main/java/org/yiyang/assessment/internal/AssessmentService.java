package org.yiyang.assessment.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yiyang.assessment.AbilityLevel;
import org.yiyang.assessment.AssessmentAnswers;
import org.yiyang.assessment.AssessmentCompleted;
import org.yiyang.assessment.AssessmentForm;
import org.yiyang.assessment.AssessmentInput;
import org.yiyang.assessment.AssessmentReason;
import org.yiyang.assessment.AssessmentScoring;
import org.yiyang.assessment.AssessmentStandard;
import org.yiyang.assessment.AssessmentStatus;
import org.yiyang.assessment.AssessmentSummary;
import org.yiyang.assessment.AssessmentView;
import org.yiyang.assessment.Assessments;
import org.yiyang.assessment.CoSigner;
import org.yiyang.assessment.CurrentLevel;
import org.yiyang.assessment.Dimension;
import org.yiyang.assessment.DimensionScore;
import org.yiyang.assessment.FormItem;
import org.yiyang.assessment.LegacyInput;
import org.yiyang.assessment.LegacyResult;
import org.yiyang.assessment.LevelCounts;
import org.yiyang.assessment.ReassessmentDue;
import org.yiyang.assessment.ReassessmentInterval;
import org.yiyang.assessment.RiskEvent;
import org.yiyang.assessment.RuleSettings;
import org.yiyang.assessment.ScoreResult;
import org.yiyang.assessment.Signature;
import org.yiyang.elder.ElderRecord;
import org.yiyang.elder.ElderRegistry;
import org.yiyang.elder.ElderStatus;
import org.yiyang.region.Region;
import org.yiyang.region.RegionDirectory;
import org.yiyang.shared.Authorities;
import org.yiyang.shared.CurrentUser;
import org.yiyang.shared.DataScope;
import org.yiyang.shared.FieldViolation;
import org.yiyang.shared.InputRejectedException;
import org.yiyang.shared.NotFoundException;
import org.yiyang.shared.PageQuery;
import org.yiyang.shared.PageResult;
import org.yiyang.shared.RegionCode;
import org.yiyang.shared.RegionLevel;
import org.yiyang.shared.RuleViolationException;
import org.yiyang.shared.ScopedPrincipal;
import org.yiyang.shared.Violations;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/**
 * The assessment use cases: drafts that can be saved and resumed, signatures, completion with the
 * result stored and {@link AssessmentCompleted} published in the same transaction, old MZ/T 039
 * results, reported changes, the reassessment schedule and the counts by level.
 */
@Service
class AssessmentService implements Assessments {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final int MAX_NOTES = 2000;
    static final int MAX_CHANGE_NOTE = 500;
    private static final TypeReference<LinkedHashMap<String, Integer>> SCORES = new TypeReference<>() {
    };

    private final AssessmentRepository repository;
    private final ElderRegistry elders;
    private final RegionDirectory regions;
    private final CoSignerCheck coSigners;
    private final ApplicationEventPublisher events;
    private final ObjectMapper json;
    private final Clock clock;

    AssessmentService(AssessmentRepository repository, ElderRegistry elders, RegionDirectory regions, CoSignerCheck coSigners,
                      ApplicationEventPublisher events, ObjectMapper json, ObjectProvider<Clock> clock) {
        this.repository = repository;
        this.elders = elders;
        this.regions = regions;
        this.coSigners = coSigners;
        this.events = events;
        this.json = json;
        this.clock = clock.getIfAvailable(() -> Clock.system(ZONE));
    }

    // ---- scoring -----------------------------------------------------------------------------

    @Override
    @Transactional(readOnly = true)
    public ScoreResult score(AssessmentAnswers answers) {
        return AssessmentScoring.score(answers, rulesOn(today()));
    }

    @Override
    @Transactional(readOnly = true)
    public RuleSettings currentRules() {
        return rulesOn(today());
    }

    private RuleSettings rulesOn(LocalDate day) {
        return repository.rulesOn(day).orElseGet(RuleSettings::defaults);
    }

    // ---- reading -----------------------------------------------------------------------------

    @Override
    @Transactional
    public PageResult<AssessmentSummary> history(long elderId, PageQuery page) {
        ElderRecord elder = elders.find(CurrentUser.scope(), elderId);
        repository.followElder(elder.id(), elder.regionCode());
        List<AssessmentRepository.Row> rows = repository.ofElder(elderId, page);
        Map<Long, List<Signature>> signatures = repository.signatures(rows.stream().map(AssessmentRepository.Row::id).toList());
        List<AssessmentSummary> items = rows.stream().map(r -> new AssessmentSummary(r.id(), r.elderId(), r.standard(), r.status(),
                r.reason(), r.assessedOn(), r.total(), r.preliminary(), r.finalLevel(), r.changeRules(),
                r.standard() == AssessmentStandard.MZT_039_2013 ? legacy(r).level() : null,
                signatures.getOrDefault(r.id(), List.of()).stream().map(Signature::displayName).toList(), r.completedAt())).toList();
        return new PageResult<>(items, page.page(), page.size(), repository.countOfElder(elderId));
    }

    @Override
    @Transactional
    public List<AssessmentView> timeline(long elderId, int limit) {
        ElderRecord elder = elders.find(CurrentUser.scope(), elderId);
        repository.followElder(elder.id(), elder.regionCode());
        List<AssessmentRepository.Row> rows = repository.ofElder(elderId, PageQuery.of(0, Math.max(1, Math.min(limit, 100))));
        Map<Long, List<Signature>> signatures = repository.signatures(rows.stream().map(AssessmentRepository.Row::id).toList());
        return rows.stream().map(r -> view(r, signatures.getOrDefault(r.id(), List.of()))).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public AssessmentView get(long id) {
        AssessmentRepository.Row row = load(id, false);
        return view(row, repository.signatures(List.of(id)).getOrDefault(id, List.of()));
    }

    private AssessmentRepository.Row load(long id, boolean lock) {
        DataScope scope = CurrentUser.scope();
        // An assessment is visible exactly when its elder is. The elder may have moved since it was
        // made (its region code is then stale), so the elder registry, scoped in its SQL, decides.
        AssessmentRepository.Row row = repository.find(scope, id, lock)
                .or(() -> repository.findAnywhere(id, lock))
                .orElseThrow(() -> new NotFoundException("assessment.not-found", id));
        try {
            elders.find(scope, row.elderId());
        } catch (NotFoundException e) {
            throw new NotFoundException("assessment.not-found", id);
        }
        return row;
    }

    // ---- writing -----------------------------------------------------------------------------

    @Override
    @Transactional
    public long create(long elderId, AssessmentInput input) {
        ScopedPrincipal me = assessor();
        ElderRecord elder = activeElder(elderId);
        AssessmentRepository.Content content = content(input);
        repository.followElder(elder.id(), elder.regionCode());
        long id = repository.insertDraft(elder.id(), elder.name(), elder.regionCode(), content, me.userId(), me.displayName());
        if (input.completeNow()) {
            finish(id, input.coSigner());
        }
        return id;
    }

    @Override
    @Transactional
    public AssessmentView saveDraft(long id, AssessmentInput input) {
        assessor();
        AssessmentRepository.Row row = openDraft(id);
        save(row, content(input));
        return get(id);
    }

    @Override
    @Transactional
    public AssessmentView sign(long id) {
        ScopedPrincipal me = assessor();
        openDraft(id);
        repository.sign(id, me.userId(), me.username(), me.displayName(), "SESSION", clock.instant());
        return get(id);
    }

    @Override
    @Transactional
    public AssessmentView complete(long id, AssessmentInput input, CoSigner coSigner) {
        assessor();
        AssessmentRepository.Row row = openDraft(id);
        if (input != null) {
            save(row, content(input));
        }
        finish(id, coSigner);
        return get(id);
    }

    @Override
    @Transactional
    public void discard(long id) {
        assessor();
        openDraft(id);
        repository.deleteDraft(id);
    }

    /** Checks the draft is complete and signed by enough assessors, stores the result, publishes the event. */
    private void finish(long id, CoSigner coSigner) {
        ScopedPrincipal me = assessor();
        AssessmentRepository.Row row = load(id, true);
        ElderRecord elder = activeElder(row.elderId());
        Violations v = new Violations();
        if (row.reason() == null) {
            v.add("reason", "assessment.reason.required");
        }
        if (row.assessedOn() == null) {
            v.add("assessedOn", "assessment.date.required");
        } else if (row.assessedOn().isAfter(today())) {
            v.add("assessedOn", "assessment.date.future", row.assessedOn());
        }
        RuleSettings rules = rulesOn(row.assessedOn() == null ? today() : row.assessedOn());
        ScoreResult result = AssessmentScoring.score(answers(row), rules);
        result.missingItems().forEach(code -> v.add("answers." + code, "assessment.answer.missing", code));

        Map<Long, SignerToSave> signers = new LinkedHashMap<>();
        repository.signatures(List.of(id)).getOrDefault(id, List.of())
                .forEach(s -> signers.put(s.userId(), new SignerToSave(s.userId(), s.username(), s.displayName(), null)));
        signers.put(me.userId(), new SignerToSave(me.userId(), me.username(), me.displayName(), "SESSION"));
        if (coSigner != null && !coSigner.isBlank()) {
            Optional<CoSignerCheck.Verified> verified = coSigners.verify(coSigner.username(), coSigner.password());
            if (verified.isEmpty()) {
                v.add("coSigner", "assessment.co-signer.invalid");
            } else if (verified.get().user().userId() == me.userId()) {
                v.add("coSigner", "assessment.co-signer.same");
            } else if (!verified.get().assessor()) {
                v.add("coSigner", "assessment.co-signer.not-assessor", verified.get().user().username());
            } else if (!verified.get().user().scope().covers(RegionCode.of(elder.regionCode()))) {
                v.add("coSigner", "assessment.co-signer.out-of-scope", verified.get().user().username());
            } else {
                ScopedPrincipal other = verified.get().user();
                signers.put(other.userId(), new SignerToSave(other.userId(), other.username(), other.displayName(), "CO_SIGN"));
            }
        }
        boolean coSignerRejected = v.list().stream().anyMatch(f -> f.field().equals("coSigner"));
        if (!coSignerRejected && signers.size() < rules.requiredAssessors()) {
            v.add("coSigner", "assessment.assessors.too-few", rules.requiredAssessors(), signers.size());
        }
        v.throwIfAny();

        Instant now = clock.instant();
        repository.followElder(elder.id(), elder.regionCode());
        for (SignerToSave s : signers.values()) {
            if (s.method() != null) {
                repository.sign(id, s.userId(), s.username(), s.displayName(), s.method(), now);
            }
        }
        repository.complete(id, new AssessmentRepository.Result(rules, score(result, Dimension.SELF_CARE),
                score(result, Dimension.MOBILITY), score(result, Dimension.MENTAL), score(result, Dimension.PERCEPTION_SOCIAL),
                result.total(), result.preliminaryLevel(), result.finalLevel(), result.changeRules(), result.levelsRaised()), now);
        boolean current = repository.makeCurrent(elder.id(), elder.name(), elder.regionCode(), id, AssessmentStandard.GBT_42195_2022,
                row.assessedOn(), result.finalLevel().code(), null);
        if (current) {
            events.publishEvent(new AssessmentCompleted(id, elder.id(), elder.regionCode(), result.finalLevel(), row.assessedOn()));
        }
    }

    private record SignerToSave(long userId, String username, String displayName, String method) {
    }

    private static int score(ScoreResult r, Dimension d) {
        return r.dimension(d).score();
    }

    private AssessmentRepository.Row openDraft(long id) {
        AssessmentRepository.Row row = load(id, true);
        if (row.status() != AssessmentStatus.DRAFT) {
            throw RuleViolationException.conflict("assessment.completed", id);
        }
        return row;
    }

    /** Saves a draft's content; changed content clears the signatures given for the old one. */
    private void save(AssessmentRepository.Row row, AssessmentRepository.Content c) {
        boolean changed = !Objects.equals(row.reason(), c.reason()) || !Objects.equals(row.assessedOn(), c.assessedOn())
                || !answers(row).equals(new AssessmentAnswers(readScores(c.answersJson()), readScores(c.riskEventsJson()),
                c.diagnoses(), c.coma()))
                || !Objects.equals(blankToNull(row.notes()), blankToNull(c.notes()));
        repository.updateDraft(row.id(), c);
        if (changed) {
            repository.clearSignatures(row.id());
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    /** The input as a draft's content, or every field error at once. */
    private AssessmentRepository.Content content(AssessmentInput in) {
        Violations v = new Violations();
        AssessmentReason reason = null;
        if (in.reason() != null && !in.reason().isBlank()) {
            reason = AssessmentReason.byName(in.reason()).orElse(null);
            if (reason == null) {
                v.add("reason", "assessment.reason.invalid", in.reason());
            }
        }
        LocalDate assessedOn = day(v, "assessedOn", in.assessedOn());
        AssessmentAnswers answers = in.scored();
        for (FieldViolation f : AssessmentScoring.check(answers)) {
            v.add(f.field(), f.code(), f.args());
        }
        String notes = in.notes() == null || in.notes().isBlank() ? null : in.notes().strip();
        if (notes != null && notes.length() > MAX_NOTES) {
            v.add("notes", "assessment.notes.too-long", MAX_NOTES);
        }
        v.throwIfAny();
        Map<String, Integer> scores = new LinkedHashMap<>();
        for (FormItem item : AssessmentForm.ITEMS) {
            Integer a = answers.answer(item.code());
            if (a != null) {
                scores.put(item.code(), a);
            }
        }
        Map<String, Integer> risks = new LinkedHashMap<>();
        for (RiskEvent e : RiskEvent.values()) {
            Integer n = answers.riskEvents().get(e.code());
            if (n != null) {
                risks.put(e.code(), n);
            }
        }
        Set<String> diagnoses = new LinkedHashSet<>();
        answers.diagnoses().forEach(d -> diagnoses.add(d.strip().toUpperCase(Locale.ROOT)));
        return new AssessmentRepository.Content(reason, assessedOn, json.writeValueAsString(scores), json.writeValueAsString(risks),
                List.copyOf(diagnoses), answers.inComa(), notes);
    }

    private LocalDate day(Violations v, String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            LocalDate d = LocalDate.parse(text.strip());
            if (d.isAfter(today())) {
                v.add(field, "assessment.date.future", d);
            }
            return d;
        } catch (DateTimeParseException e) {
            v.add(field, "assessment.date.invalid", text);
            return null;
        }
    }

    // ---- MZ/T 039 ----------------------------------------------------------------------------

    @Override
    @Transactional
    public long recordLegacy(long elderId, LegacyInput in) {
        ScopedPrincipal me = recorder();
        ElderRecord elder = elders.find(CurrentUser.scope(), elderId);
        Violations v = new Violations();
        LocalDate on = day(v, "assessedOn", in.assessedOn());
        if (on == null && v.isEmpty()) {
            v.add("assessedOn", "assessment.date.required");
        }
        if (in.barthelScore() != null && (in.barthelScore() < 0 || in.barthelScore() > 100 || in.barthelScore() % 5 != 0)) {
            v.add("barthelScore", "assessment.legacy.barthel.invalid", in.barthelScore());
        }
        grade(v, "adlGrade", in.adlGrade());
        grade(v, "mentalGrade", in.mentalGrade());
        grade(v, "perceptionGrade", in.perceptionGrade());
        grade(v, "socialGrade", in.socialGrade());
        grade(v, "level", in.level());
        String source = in.source() == null || in.source().isBlank() ? null : in.source().strip();
        if (source != null && source.length() > 200) {
            v.add("source", "assessment.legacy.source.too-long", 200);
        }
        String notes = in.notes() == null || in.notes().isBlank() ? null : in.notes().strip();
        if (notes != null && notes.length() > MAX_NOTES) {
            v.add("notes", "assessment.notes.too-long", MAX_NOTES);
        }
        v.throwIfAny();
        LegacyResult legacy = new LegacyResult(in.barthelScore(), in.adlGrade(), in.mentalGrade(), in.perceptionGrade(),
                in.socialGrade(), in.level(), source);
        repository.followElder(elder.id(), elder.regionCode());
        long id = repository.insertLegacy(elder.id(), elder.name(), elder.regionCode(), on, notes, json.writeValueAsString(legacy),
                me.userId(), me.displayName(), clock.instant());
        repository.makeCurrent(elder.id(), elder.name(), elder.regionCode(), id, AssessmentStandard.MZT_039_2013, on, null, in.level());
        return id;
    }

    private static void grade(Violations v, String field, Integer grade) {
        if (grade == null) {
            v.add(field, "field.required");
        } else if (grade < 0 || grade > 3) {
            v.add(field, "assessment.legacy.grade.invalid", grade);
        }
    }

    // ---- schedule ----------------------------------------------------------------------------

    @Override
    @Transactional
    public void reportChange(long elderId, String note) {
        ScopedPrincipal me = recorder();
        ElderRecord elder = activeElder(elderId);
        String text = note == null || note.isBlank() ? null : note.strip();
        if (text == null) {
            throw InputRejectedException.of("note", "assessment.change.note.required");
        }
        if (text.length() > MAX_CHANGE_NOTE) {
            throw InputRejectedException.of("note", "assessment.change.note.too-long", MAX_CHANGE_NOTE);
        }
        repository.followElder(elder.id(), elder.regionCode());
        repository.reportChange(elder.id(), elder.name(), elder.regionCode(), today(), text, me.displayName());
    }

    @Override
    @Transactional(readOnly = true)
    public PageResult<ReassessmentDue> due(String regionPrefix, int withinDays, PageQuery page) {
        Violations v = new Violations();
        String prefix = regionPrefix == null ? "" : regionPrefix.strip();
        if (!prefix.matches("\\d{0,12}")) {
            v.add("region", "assessment.region.invalid", regionPrefix);
        }
        if (withinDays < 0 || withinDays > 366) {
            v.add("within", "assessment.due.within.invalid", withinDays);
        }
        v.throwIfAny();
        LocalDate today = today();
        LocalDate horizon = today.plusDays(withinDays);
        DataScope scope = CurrentUser.scope();
        return new PageResult<>(repository.due(scope, prefix, today, horizon, page), page.page(), page.size(),
                repository.countDue(scope, prefix, horizon));
    }

    @Override
    @Transactional(readOnly = true)
    public LevelCounts levelCounts(String regionCode) {
        if (!(CurrentUser.scope() instanceof DataScope.Region scope)) {
            throw new NotFoundException("region.not-found", regionCode);
        }
        RegionCode code;
        if (regionCode == null || regionCode.isBlank()) {
            code = RegionCode.of((scope.prefix() + "000000000000").substring(0, 12));
        } else if (RegionCode.isWellFormed(regionCode.strip())) {
            code = RegionCode.of(regionCode.strip());
        } else {
            throw InputRejectedException.of("region", "assessment.region.invalid", regionCode);
        }
        // a region above the caller's own is out of scope, exactly like an absent one
        if (!code.prefix().startsWith(scope.prefix()) || regions.find(code).isEmpty()) {
            throw new NotFoundException("region.not-found", code.value());
        }
        List<Region> children = regions.children(code);
        int digits = children.isEmpty() ? RegionLevel.COMMUNITY.digits() : children.getFirst().code().level().digits();
        Map<String, long[]> byChild = new HashMap<>();
        Map<String, Long> legacy = new HashMap<>();
        for (Object[] r : repository.levelCounts(scope, code.prefix(), digits)) {
            String child = (String) r[0];
            long n = (Long) r[3];
            if (AssessmentStandard.GBT_42195_2022.name().equals(r[1])) {
                byChild.computeIfAbsent(child, k -> new long[5])[(Integer) r[2]] += n;
            } else {
                legacy.merge(child, n, Long::sum);
            }
        }
        List<Region> rowsOf = children.isEmpty() ? List.of(regions.find(code).orElseThrow()) : children;
        List<LevelCounts.Row> rows = new ArrayList<>();
        long[] total = new long[5];
        long totalLegacy = 0;
        for (Region child : rowsOf) {
            String key = child.code().value().substring(0, digits);
            long[] counts = byChild.getOrDefault(key, new long[5]);
            long old = legacy.getOrDefault(key, 0L);
            rows.add(new LevelCounts.Row(child.code().value(), child.name(), counts, old));
            for (int i = 0; i < 5; i++) total[i] += counts[i];
            totalLegacy += old;
        }
        String name = regions.find(code).map(Region::name).orElse(code.value());
        return new LevelCounts(code.value(), rows, new LevelCounts.Row(code.value(), name, total, totalLegacy));
    }

    @Override
    @Transactional(readOnly = true)
    public List<ReassessmentInterval> intervals() {
        String mine = CurrentUser.scope() instanceof DataScope.Region r ? r.prefix() : null;
        if (mine == null) {
            return List.of();
        }
        return repository.intervals().stream()
                .filter(i -> mine.startsWith(i.regionPrefix()) || i.regionPrefix().startsWith(mine)).toList();
    }

    @Override
    @Transactional
    public void setInterval(String regionPrefix, Integer months) {
        if (!CurrentUser.hasAuthority(Authorities.CATALOGUE_EDIT) || !(CurrentUser.scope() instanceof DataScope.Region scope)) {
            throw new AccessDeniedException("assessment intervals");
        }
        Violations v = new Violations();
        String prefix = regionPrefix == null ? "" : regionPrefix.strip();
        if (!prefix.matches("\\d{2}|\\d{4}|\\d{6}|\\d{9}|\\d{12}")) {
            v.add("regionPrefix", "assessment.interval.prefix.invalid", prefix);
        } else if (!prefix.startsWith(scope.prefix())) {
            v.add("regionPrefix", "assessment.interval.prefix.out-of-scope", prefix);
        } else if (regions.find(RegionCode.of((prefix + "000000000000").substring(0, 12))).isEmpty()) {
            v.add("regionPrefix", "assessment.interval.prefix.unknown", prefix);
        }
        if (months != null && (months < 1 || months > 60)) {
            v.add("months", "assessment.interval.months.invalid", months);
        }
        v.throwIfAny();
        if (months == null) {
            repository.deleteInterval(prefix);
        } else {
            repository.setInterval(prefix, months, CurrentUser.principal().map(ScopedPrincipal::displayName).orElse("?"));
        }
    }

    // ---- other modules -----------------------------------------------------------------------

    @Override
    @Transactional(readOnly = true)
    public Optional<CurrentLevel> currentLevel(long elderId) {
        return repository.currentLevel(elderId);
    }

    @Override
    @Transactional(readOnly = true)
    public Map<Long, CurrentLevel> currentLevels(Collection<Long> elderIds) {
        return repository.currentLevels(elderIds);
    }

    // ---- helpers -----------------------------------------------------------------------------

    private LocalDate today() {
        return LocalDate.now(clock.withZone(ZONE));
    }

    private ElderRecord activeElder(long elderId) {
        ElderRecord elder = elders.find(CurrentUser.scope(), elderId);
        if (elder.status() != ElderStatus.ACTIVE) {
            throw RuleViolationException.conflict("assessment.elder.inactive", elder.name());
        }
        return elder;
    }

    private static ScopedPrincipal assessor() {
        ScopedPrincipal me = CurrentUser.principal().orElseThrow(() -> new AccessDeniedException("no user"));
        if (!CurrentUser.hasAuthority(Authorities.ASSESS)) {
            throw new AccessDeniedException("assessors only");
        }
        return me;
    }

    /** Assessors, and bureau staff and operators (who take reports and hold paper records). */
    private static ScopedPrincipal recorder() {
        ScopedPrincipal me = CurrentUser.principal().orElseThrow(() -> new AccessDeniedException("no user"));
        if (!CurrentUser.hasAuthority(Authorities.ASSESS) && !CurrentUser.hasAuthority(Authorities.ELDER_EDIT)) {
            throw new AccessDeniedException("assessors and registry staff only");
        }
        return me;
    }

    AssessmentAnswers answers(AssessmentRepository.Row r) {
        Map<String, Integer> stored = readScores(r.answersJson());
        Map<String, Integer> ordered = new LinkedHashMap<>();
        for (FormItem item : AssessmentForm.ITEMS) {
            if (stored.containsKey(item.code())) {
                ordered.put(item.code(), stored.get(item.code()));
            }
        }
        Map<String, Integer> risks = readScores(r.riskEventsJson());
        Map<String, Integer> orderedRisks = new LinkedHashMap<>();
        for (RiskEvent e : RiskEvent.values()) {
            if (risks.containsKey(e.code())) {
                orderedRisks.put(e.code(), risks.get(e.code()));
            }
        }
        return new AssessmentAnswers(ordered, orderedRisks, r.diagnoses(), r.coma());
    }

    private Map<String, Integer> readScores(String text) {
        return text == null || text.isBlank() ? Map.of() : json.readValue(text, SCORES);
    }

    private LegacyResult legacy(AssessmentRepository.Row r) {
        return json.readValue(r.legacyJson(), LegacyResult.class);
    }

    private AssessmentView view(AssessmentRepository.Row r, List<Signature> signatures) {
        AssessmentAnswers answers = answers(r);
        ScoreResult result = null;
        LegacyResult legacy = null;
        if (r.standard() == AssessmentStandard.MZT_039_2013) {
            legacy = legacy(r);
        } else if (r.status() == AssessmentStatus.COMPLETED) {
            result = stored(r);
        } else {
            result = AssessmentScoring.score(answers, rulesOn(r.assessedOn() == null || r.assessedOn().isAfter(today())
                    ? today() : r.assessedOn()));
        }
        return new AssessmentView(r.id(), r.elderId(), r.elderName(), r.regionCode(), r.standard(), r.status(), r.reason(),
                r.assessedOn(), answers, r.notes(), result, legacy, signatures, r.createdByName(), r.createdAt(), r.updatedAt(),
                r.completedAt(), r.version());
    }

    /** The result as it was stored at completion (with the rule settings of that day). */
    private static ScoreResult stored(AssessmentRepository.Row r) {
        List<DimensionScore> dimensions = new ArrayList<>();
        int[] scores = {r.selfCare(), r.mobility(), r.mental(), r.perception()};
        for (Dimension d : Dimension.values()) {
            int n = AssessmentForm.itemsOf(d).size();
            dimensions.add(new DimensionScore(d, scores[d.ordinal()], d.max(), n, n));
        }
        return new ScoreResult(true, List.of(), dimensions, r.total(), r.preliminary(), r.changeRules(), r.levelsRaised(),
                r.finalLevel(), r.rules());
    }

    static AbilityLevel level(Integer code) {
        return code == null ? null : AbilityLevel.ofCode(code);
    }
}
