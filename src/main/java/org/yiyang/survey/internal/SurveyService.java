package org.yiyang.survey.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yiyang.elder.ElderCategory;
import org.yiyang.elder.ElderRecord;
import org.yiyang.elder.ElderRegistry;
import org.yiyang.elder.ElderStatus;
import org.yiyang.region.Region;
import org.yiyang.region.RegionDirectory;
import org.yiyang.shared.Authorities;
import org.yiyang.shared.CurrentUser;
import org.yiyang.shared.DataScope;
import org.yiyang.shared.InputRejectedException;
import org.yiyang.shared.NotFoundException;
import org.yiyang.shared.PageQuery;
import org.yiyang.shared.PageResult;
import org.yiyang.shared.RegionCode;
import org.yiyang.shared.RuleViolationException;
import org.yiyang.shared.ScopedPrincipal;
import org.yiyang.shared.Violations;
import org.yiyang.survey.QuestionKind;
import org.yiyang.survey.ResponseChannel;
import org.yiyang.survey.ResponseInput;
import org.yiyang.survey.Survey;
import org.yiyang.survey.SurveyBreakdown;
import org.yiyang.survey.SurveyInput;
import org.yiyang.survey.SurveyResponse;
import org.yiyang.survey.SurveyResults;
import org.yiyang.survey.SurveyStatus;
import org.yiyang.survey.SurveySummary;
import org.yiyang.survey.Surveys;

@Service
class SurveyService implements Surveys {

    static final int MAX_QUESTIONS = 50;
    static final int MAX_OPTIONS = 20;
    static final int MAX_TEXT = 1000;
    static final int LATEST_TEXTS = 20;

    private final SurveyRepository repository;
    private final ElderRegistry elders;
    private final RegionDirectory regions;

    SurveyService(SurveyRepository repository, ElderRegistry elders, RegionDirectory regions) {
        this.repository = repository;
        this.elders = elders;
        this.regions = regions;
    }

    // --- questionnaires

    @Override
    @Transactional(readOnly = true)
    public PageResult<SurveySummary> list(DataScope scope, PageQuery page) {
        String elderRegion = elderRegion(scope);
        return new PageResult<>(repository.list(scope, elderRegion, page.size(), page.offset()), page.page(), page.size(),
                repository.count(scope, elderRegion));
    }

    @Override
    @Transactional(readOnly = true)
    public Survey get(DataScope scope, long id) {
        return survey(visibleHeader(scope, id));
    }

    private SurveyRepository.Header visibleHeader(DataScope scope, long id) {
        return repository.find(scope, elderRegion(scope), id).orElseThrow(() -> new NotFoundException("survey.not-found", id));
    }

    private Survey survey(SurveyRepository.Header h) {
        return new Survey(h.id(), h.seriesId(), h.version(), h.title(), h.description(), h.regionCode(), h.status(), h.createdBy(),
                h.createdAt(), h.publishedAt(), h.closedAt(), repository.currentResponses(h.id()), repository.questions(h.id()));
    }

    /** A family member's elder's community, which decides which questionnaires they see. */
    private String elderRegion(DataScope scope) {
        if (scope instanceof DataScope.Elder e) {
            try {
                return elders.find(scope, e.elderId()).regionCode();
            } catch (NotFoundException absent) {
                return null;
            }
        }
        return null;
    }

    @Override
    @Transactional
    @PreAuthorize("hasAuthority('CATALOGUE_EDIT')")
    public long create(DataScope scope, SurveyInput input) {
        Draft d = check(scope, input);
        long id = repository.insert(0, 1, d.title(), d.description(), d.region().value(), d.region().prefix(), actor());
        repository.replaceQuestions(id, d.questions());
        return id;
    }

    @Override
    @Transactional
    @PreAuthorize("hasAuthority('CATALOGUE_EDIT')")
    public void update(DataScope scope, long id, SurveyInput input) {
        SurveyRepository.Header h = editable(scope, id);
        if (h.status() != SurveyStatus.DRAFT) {
            throw RuleViolationException.conflict("survey.frozen");
        }
        Draft d = check(scope, input);
        repository.updateHeader(id, d.title(), d.description(), d.region().value(), d.region().prefix());
        repository.replaceQuestions(id, d.questions());
    }

    @Override
    @Transactional
    @PreAuthorize("hasAuthority('CATALOGUE_EDIT')")
    public void publish(DataScope scope, long id) {
        SurveyRepository.Header h = editable(scope, id);
        if (h.status() != SurveyStatus.DRAFT) {
            throw RuleViolationException.conflict("survey.already-published");
        }
        if (repository.questions(id).isEmpty()) {
            throw RuleViolationException.unprocessable("survey.questions.none");
        }
        repository.publish(id, h.seriesId());
    }

    @Override
    @Transactional
    @PreAuthorize("hasAuthority('CATALOGUE_EDIT')")
    public void close(DataScope scope, long id) {
        SurveyRepository.Header h = editable(scope, id);
        if (h.status() != SurveyStatus.PUBLISHED) {
            throw RuleViolationException.conflict("survey.not-open");
        }
        repository.close(id);
    }

    @Override
    @Transactional
    @PreAuthorize("hasAuthority('CATALOGUE_EDIT')")
    public long newVersion(DataScope scope, long id) {
        SurveyRepository.Header h = editable(scope, id);
        if (h.status() == SurveyStatus.DRAFT) {
            throw RuleViolationException.conflict("survey.still-draft");
        }
        if (repository.hasDraft(h.seriesId())) {
            throw RuleViolationException.conflict("survey.draft-exists");
        }
        long copy = repository.insert(h.seriesId(), repository.maxVersion(h.seriesId()) + 1, h.title(), h.description(),
                h.regionCode(), h.regionPrefix(), actor());
        repository.replaceQuestions(copy, repository.questions(id).stream()
                .map(q -> new SurveyRepository.QuestionDraft(q.kind(), q.text(), q.required(),
                        q.options().stream().map(Survey.Option::label).toList())).toList());
        return copy;
    }

    /** A questionnaire the caller may change: visible, and its region within the caller's. */
    private SurveyRepository.Header editable(DataScope scope, long id) {
        SurveyRepository.Header h = visibleHeader(scope, id);
        if (!(scope instanceof DataScope.Region r) || !h.regionPrefix().startsWith(r.prefix())) {
            throw new AccessDeniedException("survey of a wider region");
        }
        return repository.lock(id).orElseThrow();
    }

    record Draft(String title, String description, RegionCode region, List<SurveyRepository.QuestionDraft> questions) {
    }

    private Draft check(DataScope scope, SurveyInput input) {
        Violations v = new Violations();
        String title = trim(input.title());
        if (v.require("title", title) && title.length() > 100) {
            v.add("title", "field.too-long", 100);
        }
        String description = trim(input.description());
        if (description != null && description.length() > MAX_TEXT) {
            v.add("description", "field.too-long", MAX_TEXT);
        }
        RegionCode region = null;
        String regionText = trim(input.regionCode());
        if (!(scope instanceof DataScope.Region r)) {
            throw new AccessDeniedException("no region");
        }
        if (regionText == null) {
            region = RegionCode.of(r.prefix() + "0".repeat(12 - r.prefix().length()));
        } else if (!RegionCode.isWellFormed(regionText)) {
            v.add("regionCode", "region.code.invalid", regionText);
        } else if (!scope.covers(RegionCode.of(regionText)) || regions.find(RegionCode.of(regionText)).isEmpty()) {
            v.add("regionCode", "survey.region.outside-scope", regionText);
        } else {
            region = RegionCode.of(regionText);
        }
        List<SurveyRepository.QuestionDraft> questions = new ArrayList<>();
        if (input.questions().size() > MAX_QUESTIONS) {
            v.add("questions", "survey.questions.too-many", MAX_QUESTIONS);
        }
        for (int i = 0; i < input.questions().size() && i < MAX_QUESTIONS; i++) {
            SurveyInput.QuestionInput q = input.questions().get(i);
            String f = "questions[" + i + "]";
            if (q == null) {
                v.add(f, "field.required");
                continue;
            }
            QuestionKind kind = kind(q.kind());
            if (kind == null) {
                if (v.require(f + ".kind", trim(q.kind()))) {
                    v.add(f + ".kind", "survey.question.kind.invalid", q.kind());
                }
            }
            String text = trim(q.text());
            if (v.require(f + ".text", text) && text.length() > 200) {
                v.add(f + ".text", "field.too-long", 200);
            }
            List<String> options = new ArrayList<>();
            if (kind != null && kind.hasOptions()) {
                if (q.options().size() < 2) {
                    v.add(f + ".options", "survey.question.options.too-few");
                } else if (q.options().size() > MAX_OPTIONS) {
                    v.add(f + ".options", "survey.question.options.too-many", MAX_OPTIONS);
                }
                Set<String> seen = new HashSet<>();
                for (int j = 0; j < q.options().size(); j++) {
                    String o = trim(q.options().get(j));
                    if (!v.require(f + ".options[" + j + "]", o)) {
                        continue;
                    }
                    if (o.length() > 100) {
                        v.add(f + ".options[" + j + "]", "field.too-long", 100);
                    } else if (!seen.add(o)) {
                        v.add(f + ".options[" + j + "]", "survey.question.options.duplicate", o);
                    }
                    options.add(o);
                }
            } else if (kind != null && !q.options().isEmpty()) {
                v.add(f + ".options", "survey.question.options.not-allowed");
            }
            questions.add(new SurveyRepository.QuestionDraft(kind, text, Boolean.TRUE.equals(q.required()), options));
        }
        v.throwIfAny();
        return new Draft(title, description, region, questions);
    }

    private static QuestionKind kind(String text) {
        String t = trim(text);
        if (t == null) {
            return null;
        }
        for (QuestionKind k : QuestionKind.values()) {
            if (k.name().equalsIgnoreCase(t)) {
                return k;
            }
        }
        return null;
    }

    // --- responses

    @Override
    @Transactional(readOnly = true)
    public List<SurveySummary> openFor(DataScope scope, long elderId) {
        ElderRecord elder = elders.find(scope, elderId);
        return repository.list(scope, elder.regionCode(), 100, 0).stream()
                .filter(s -> s.status() == SurveyStatus.PUBLISHED && elder.regionCode().startsWith(prefixOf(s.regionCode())))
                .toList();
    }

    @Override
    @Transactional
    public long respond(DataScope scope, long surveyId, ResponseInput input, ResponseChannel channel) {
        if (!(scope instanceof DataScope.Elder) && !CurrentUser.hasAuthority(Authorities.ELDER_EDIT)) {
            throw new AccessDeniedException("answering needs ELDER_EDIT or the family's own elder");
        }
        if (input.elderId() == null) {
            throw InputRejectedException.of("elderId", "field.required");
        }
        ElderRecord elder = elders.find(scope, input.elderId());
        SurveyRepository.Header h = visibleHeader(scope, surveyId);
        if (h.status() != SurveyStatus.PUBLISHED) {
            throw RuleViolationException.conflict("survey.not-open");
        }
        if (!elder.regionCode().startsWith(h.regionPrefix())) {
            throw RuleViolationException.unprocessable("survey.elder-outside-region");
        }
        if (elder.status() != ElderStatus.ACTIVE) {
            throw RuleViolationException.unprocessable("survey.elder-not-active");
        }
        List<SurveyRepository.AnswerRow> answers = checkAnswers(repository.questions(surveyId), input.answers());
        repository.lockElderResponses(surveyId, elder.id());
        repository.retireCurrent(surveyId, elder.id());
        String[] categories = elder.categories().stream().sorted().map(Enum::name).toArray(String[]::new);
        return repository.insertResponse(surveyId, elder.id(), elder.regionCode(), categories, elder.advancedAge(), channel,
                actor(), answers);
    }

    /** Every answer against its question; every error at once, keyed {@code answers.<questionId>} (or by position for unknown questions). */
    static List<SurveyRepository.AnswerRow> checkAnswers(List<Survey.Question> questions, List<ResponseInput.AnswerInput> input) {
        Violations v = new Violations();
        Map<Long, Survey.Question> byId = new HashMap<>();
        questions.forEach(q -> byId.put(q.id(), q));
        Set<Long> answered = new HashSet<>();
        List<SurveyRepository.AnswerRow> rows = new ArrayList<>();
        for (int i = 0; i < input.size(); i++) {
            ResponseInput.AnswerInput a = input.get(i);
            if (a == null || a.questionId() == null) {
                v.add("answers[" + i + "].questionId", "field.required");
                continue;
            }
            Survey.Question q = byId.get(a.questionId());
            if (q == null) {
                v.add("answers[" + i + "].questionId", "survey.answer.question-unknown", a.questionId());
                continue;
            }
            String f = "answers." + q.id();
            if (answered.contains(q.id())) {
                v.add(f, "survey.answer.duplicate");
                continue;
            }
            String text = trim(a.text());
            boolean empty = a.optionIds().isEmpty() && a.scale() == null && text == null;
            if (empty) {
                continue;
            }
            switch (q.kind()) {
                case SINGLE, MULTIPLE -> {
                    if (a.scale() != null || text != null) {
                        v.add(f, "survey.answer.wrong-kind");
                        continue;
                    }
                    if (q.kind() == QuestionKind.SINGLE && a.optionIds().size() > 1) {
                        v.add(f, "survey.answer.single-only");
                        continue;
                    }
                    Set<Long> own = new HashSet<>();
                    q.options().forEach(o -> own.add(o.id()));
                    Set<Long> chosen = new HashSet<>();
                    boolean bad = false;
                    for (Long o : a.optionIds()) {
                        if (o == null || !own.contains(o)) {
                            v.add(f, "survey.answer.option-invalid", String.valueOf(o));
                            bad = true;
                        } else if (!chosen.add(o)) {
                            v.add(f, "survey.answer.option-repeated", String.valueOf(o));
                            bad = true;
                        }
                    }
                    if (!bad) {
                        chosen.stream().sorted().forEach(o -> rows.add(new SurveyRepository.AnswerRow(q.id(), o, null, null)));
                    }
                }
                case SCALE -> {
                    if (!a.optionIds().isEmpty() || text != null) {
                        v.add(f, "survey.answer.wrong-kind");
                    } else if (a.scale() < 1 || a.scale() > 5) {
                        v.add(f, "survey.answer.scale-invalid", a.scale());
                    } else {
                        rows.add(new SurveyRepository.AnswerRow(q.id(), null, a.scale(), null));
                    }
                }
                case TEXT -> {
                    if (!a.optionIds().isEmpty() || a.scale() != null) {
                        v.add(f, "survey.answer.wrong-kind");
                    } else if (text.length() > MAX_TEXT) {
                        v.add(f, "field.too-long", MAX_TEXT);
                    } else {
                        rows.add(new SurveyRepository.AnswerRow(q.id(), null, null, text));
                    }
                }
            }
            answered.add(q.id());
        }
        for (Survey.Question q : questions) {
            if (q.required() && !answered.contains(q.id()) && v.list().stream().noneMatch(x -> x.field().equals("answers." + q.id()))) {
                v.add("answers." + q.id(), "survey.answer.required");
            }
        }
        v.throwIfAny();
        return rows;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<SurveyResponse> currentResponse(DataScope scope, long surveyId, long elderId) {
        elders.find(scope, elderId);
        visibleHeader(scope, surveyId);
        return repository.currentResponse(scope, surveyId, elderId);
    }

    @Override
    @Transactional(readOnly = true)
    public SurveyResponse response(DataScope scope, long surveyId, long responseId) {
        visibleHeader(scope, surveyId);
        return repository.response(scope, surveyId, responseId)
                .orElseThrow(() -> new NotFoundException("survey.response.not-found", responseId));
    }

    // --- results

    @Override
    @Transactional(readOnly = true)
    public SurveyResults results(DataScope scope, long surveyId, String region, String category) {
        Survey s = resultsSurvey(scope, surveyId);
        SurveyRepository.ResultFilter f = filter(scope, surveyId, region, category);
        Map<Long, Long> answered = repository.answeredPerQuestion(f);
        Map<Long, Map<Long, Long>> counts = repository.choiceCounts(f);
        Map<Long, List<String>> texts = repository.latestTexts(f, LATEST_TEXTS);
        List<SurveyResults.QuestionResult> out = new ArrayList<>();
        for (Survey.Question q : s.questions()) {
            long n = answered.getOrDefault(q.id(), 0L);
            Map<Long, Long> c = counts.getOrDefault(q.id(), Map.of());
            List<SurveyResults.OptionCount> options = optionCounts(q, c, n);
            Double mean = null;
            if (q.kind() == QuestionKind.SCALE && n > 0) {
                long sum = 0;
                for (Map.Entry<Long, Long> e : c.entrySet()) {
                    sum += e.getKey() * e.getValue();
                }
                mean = Math.round(sum * 100.0 / n) / 100.0;
            }
            out.add(new SurveyResults.QuestionResult(q.id(), q.kind(), q.text(), n, options, mean,
                    q.kind() == QuestionKind.TEXT ? texts.getOrDefault(q.id(), List.of()) : List.of()));
        }
        return new SurveyResults(surveyId, regionOf(scope, region).value(), category == null || category.isBlank() ? null : category.strip(),
                repository.respondents(f), out);
    }

    static List<SurveyResults.OptionCount> optionCounts(Survey.Question q, Map<Long, Long> counts, long answered) {
        List<SurveyResults.OptionCount> out = new ArrayList<>();
        if (q.kind().hasOptions()) {
            for (Survey.Option o : q.options()) {
                long c = counts.getOrDefault(o.id(), 0L);
                out.add(new SurveyResults.OptionCount(o.id(), o.label(), c, share(c, answered)));
            }
        } else if (q.kind() == QuestionKind.SCALE) {
            for (long value = 1; value <= 5; value++) {
                long c = counts.getOrDefault(value, 0L);
                out.add(new SurveyResults.OptionCount(value, String.valueOf(value), c, share(c, answered)));
            }
        }
        return out;
    }

    private static double share(long count, long of) {
        return of == 0 ? 0 : Math.round(count * 1000.0 / of) / 1000.0;
    }

    @Override
    @Transactional(readOnly = true)
    public SurveyBreakdown breakdown(DataScope scope, long surveyId, long questionId, String by, String region, String category) {
        Survey s = resultsSurvey(scope, surveyId);
        Survey.Question q = s.question(questionId).orElseThrow(() -> new NotFoundException("survey.question.not-found", questionId));
        if (q.kind() == QuestionKind.TEXT) {
            throw RuleViolationException.unprocessable("survey.breakdown.text-question");
        }
        String mode = by == null ? "REGION" : by.strip().toUpperCase(java.util.Locale.ROOT);
        if (!mode.equals("REGION") && !mode.equals("CATEGORY")) {
            throw InputRejectedException.of("by", "survey.breakdown.by-invalid", by);
        }
        SurveyRepository.ResultFilter f = filter(scope, surveyId, region, category);
        List<String> keys = new ArrayList<>();
        Integer digits = null;
        if (mode.equals("REGION")) {
            RegionCode code = regionOf(scope, region);
            List<Region> children = regions.children(code);
            if (children.isEmpty()) {
                keys.add(code.prefix());
                digits = code.prefix().length();
            } else {
                children.forEach(c -> keys.add(c.code().prefix()));
                digits = children.getFirst().code().prefix().length();
            }
        } else {
            for (ElderCategory c : ElderCategory.values()) {
                keys.add(c.name());
            }
            keys.add(ElderCategory.ADVANCED_AGE);
        }
        Map<String, Map<Long, Long>> counts = repository.breakdownCounts(f, questionId, digits);
        Map<String, Long> answered = repository.breakdownAnswered(f, questionId, digits);
        List<SurveyResults.OptionCount> options = optionCounts(q, Map.of(), 0);
        List<SurveyBreakdown.Row> rows = new ArrayList<>();
        for (String key : keys) {
            Map<Long, Long> c = counts.getOrDefault(key, Map.of());
            List<Long> perOption = options.stream().map(o -> c.getOrDefault(o.optionId(), 0L)).toList();
            Long top = null;
            long best = 0;
            for (int i = 0; i < options.size(); i++) {
                if (perOption.get(i) > best) {
                    best = perOption.get(i);
                    top = options.get(i).optionId();
                }
            }
            String rowKey = mode.equals("REGION") ? key + "0".repeat(12 - key.length()) : key;
            rows.add(new SurveyBreakdown.Row(rowKey, answered.getOrDefault(key, 0L), perOption, top));
        }
        return new SurveyBreakdown(surveyId, questionId, mode, options, rows);
    }

    /** Results are for region scopes (a family member does not see other elders' answers, not even counted). */
    private Survey resultsSurvey(DataScope scope, long surveyId) {
        if (!(scope instanceof DataScope.Region)) {
            throw new NotFoundException("survey.not-found", surveyId);
        }
        return get(scope, surveyId);
    }

    private SurveyRepository.ResultFilter filter(DataScope scope, long surveyId, String region, String category) {
        Violations v = new Violations();
        String cat = trim(category);
        String categoryName = null;
        boolean advanced = false;
        if (cat != null) {
            if (ElderCategory.ADVANCED_AGE.equalsIgnoreCase(cat)) {
                advanced = true;
            } else {
                categoryName = ElderCategory.byName(cat).map(Enum::name).orElse(null);
                if (categoryName == null) {
                    v.add("category", "elder.category.invalid", cat);
                }
            }
        }
        v.throwIfAny();
        RegionCode code = regionOf(scope, region);
        return new SurveyRepository.ResultFilter(surveyId, scope, code.prefix(), categoryName, advanced);
    }

    /** The region filter: within the scope (404 otherwise, like an unknown one); blank = the scope's own region. */
    private RegionCode regionOf(DataScope scope, String region) {
        DataScope.Region r = (DataScope.Region) scope;
        String text = trim(region);
        if (text == null) {
            return RegionCode.of(r.prefix() + "0".repeat(12 - r.prefix().length()));
        }
        if (!RegionCode.isWellFormed(text) || !scope.covers(RegionCode.of(text)) || regions.find(RegionCode.of(text)).isEmpty()) {
            throw new NotFoundException("region.not-found", text);
        }
        return RegionCode.of(text);
    }

    static String prefixOf(String regionCode) {
        return RegionCode.of(regionCode).prefix();
    }

    private static String trim(String s) {
        if (s == null) {
            return null;
        }
        String t = s.strip();
        return t.isEmpty() ? null : t;
    }

    private static String actor() {
        return CurrentUser.principal().map(ScopedPrincipal::username).orElse("system");
    }
}
