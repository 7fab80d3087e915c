package org.yiyang.survey.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yiyang.elder.ElderCategory;
import org.yiyang.elder.ElderQuery;
import org.yiyang.elder.ElderRecord;
import org.yiyang.elder.ElderRegistry;
import org.yiyang.elder.ElderSummary;
import org.yiyang.region.Region;
import org.yiyang.region.RegionDirectory;
import org.yiyang.shared.Authorities;
import org.yiyang.shared.CurrentUser;
import org.yiyang.shared.DataScope;
import org.yiyang.shared.FieldViolation;
import org.yiyang.shared.InputRejectedException;
import org.yiyang.shared.PageQuery;
import org.yiyang.shared.RegionCode;
import org.yiyang.survey.QuestionKind;
import org.yiyang.survey.ResponseChannel;
import org.yiyang.survey.Survey;
import org.yiyang.survey.SurveyBreakdown;
import org.yiyang.survey.SurveyInput;
import org.yiyang.survey.SurveyResponse;
import org.yiyang.survey.SurveyResults;
import org.yiyang.survey.SurveyStatus;
import org.yiyang.survey.SurveySummary;
import org.yiyang.survey.Surveys;

/**
 * The needs-survey pages of the console: the questionnaires, a draft's questions (added, moved,
 * removed until it is published), answering for an elder (find the elder, fill in the answers),
 * and the results by region and elder category.
 */
@Controller
class SurveyConsoleController {

    static final java.time.ZoneId ZONE = java.time.ZoneId.of("Asia/Shanghai");

    private final Surveys surveys;
    private final ElderRegistry elders;
    private final RegionDirectory regions;
    private final MessageSource messages;

    SurveyConsoleController(Surveys surveys, ElderRegistry elders, RegionDirectory regions, MessageSource messages) {
        this.surveys = surveys;
        this.elders = elders;
        this.regions = regions;
        this.messages = messages;
    }

    @GetMapping("/surveys")
    String list(@RequestParam(required = false) Long elder, Model model) {
        DataScope scope = CurrentUser.scope();
        model.addAttribute("surveys", surveys.list(scope, PageQuery.of(0, 100)).items());
        model.addAttribute("canEdit", CurrentUser.hasAuthority(Authorities.CATALOGUE_EDIT));
        model.addAttribute("canAnswer", CurrentUser.hasAuthority(Authorities.ELDER_EDIT));
        if (elder != null) {
            ElderRecord record = elders.find(scope, elder);
            model.addAttribute("elder", record);
            model.addAttribute("open", surveys.openFor(scope, elder));
        }
        model.addAttribute("zone", ZONE);
        return "survey/list";
    }

    @GetMapping("/surveys/new")
    String newForm(Model model) {
        model.addAttribute("form", new HeaderForm("", "", ""));
        model.addAttribute("errors", Map.of());
        model.addAttribute("regionOptions", regionOptions());
        return "survey/new";
    }

    @PostMapping("/surveys")
    String create(HeaderForm form, Model model) {
        try {
            long id = surveys.create(CurrentUser.scope(), new SurveyInput(form.title(), form.description(), blankToNull(form.regionCode()), List.of()));
            return "redirect:/surveys/" + id;
        } catch (InputRejectedException e) {
            model.addAttribute("form", form);
            model.addAttribute("errors", fieldErrors(e.violations()));
            model.addAttribute("regionOptions", regionOptions());
            return "survey/new";
        }
    }

    @GetMapping("/surveys/{id:\\d{1,18}}")
    String detail(@PathVariable long id, Model model) {
        Survey s = surveys.get(CurrentUser.scope(), id);
        return detail(s, model, new QuestionForm("SINGLE", "", null, ""), Map.of());
    }

    private String detail(Survey s, Model model, QuestionForm question, Map<String, List<String>> errors) {
        model.addAttribute("s", s);
        model.addAttribute("regionName", regionName(s.regionCode()));
        model.addAttribute("canEdit", CurrentUser.hasAuthority(Authorities.CATALOGUE_EDIT)
                && CurrentUser.scope().covers(RegionCode.of(s.regionCode())));
        model.addAttribute("canAnswer", CurrentUser.hasAuthority(Authorities.ELDER_EDIT));
        model.addAttribute("question", question);
        model.addAttribute("errors", errors);
        model.addAttribute("kinds", QuestionKind.values());
        model.addAttribute("zone", ZONE);
        return "survey/detail";
    }

    /** Adds a question at the end of a draft. */
    @PostMapping("/surveys/{id:\\d{1,18}}/questions")
    String addQuestion(@PathVariable long id, QuestionForm form, Model model) {
        Survey s = surveys.get(CurrentUser.scope(), id);
        List<SurveyInput.QuestionInput> questions = inputs(s);
        questions.add(form.toInput());
        try {
            surveys.update(CurrentUser.scope(), id, new SurveyInput(s.title(), s.description(), s.regionCode(), questions));
            return "redirect:/surveys/" + id + "#q-" + questions.size();
        } catch (InputRejectedException e) {
            String prefix = "questions[" + (questions.size() - 1) + "]";
            Map<String, List<String>> errors = new LinkedHashMap<>();
            for (FieldViolation v : e.violations()) {
                String field = v.field().startsWith(prefix) ? v.field().substring(prefix.length() + 1).replaceAll("\\[\\d+]$", "") : v.field();
                errors.computeIfAbsent(field, k -> new ArrayList<>()).add(text(v));
            }
            return detail(s, model, form, errors);
        }
    }

    @PostMapping("/surveys/{id:\\d{1,18}}/questions/{position:\\d{1,3}}/remove")
    String removeQuestion(@PathVariable long id, @PathVariable int position) {
        Survey s = surveys.get(CurrentUser.scope(), id);
        List<SurveyInput.QuestionInput> questions = inputs(s);
        if (position >= 1 && position <= questions.size()) {
            questions.remove(position - 1);
        }
        surveys.update(CurrentUser.scope(), id, new SurveyInput(s.title(), s.description(), s.regionCode(), questions));
        return "redirect:/surveys/" + id;
    }

    @PostMapping("/surveys/{id:\\d{1,18}}/questions/{position:\\d{1,3}}/up")
    String moveUp(@PathVariable long id, @PathVariable int position) {
        Survey s = surveys.get(CurrentUser.scope(), id);
        List<SurveyInput.QuestionInput> questions = inputs(s);
        if (position >= 2 && position <= questions.size()) {
            questions.add(position - 2, questions.remove(position - 1));
        }
        surveys.update(CurrentUser.scope(), id, new SurveyInput(s.title(), s.description(), s.regionCode(), questions));
        return "redirect:/surveys/" + id + "#q-" + (position - 1);
    }

    @PostMapping("/surveys/{id:\\d{1,18}}/publish")
    String publish(@PathVariable long id, RedirectAttributes redirect) {
        surveys.publish(CurrentUser.scope(), id);
        redirect.addFlashAttribute("notice", "survey.published");
        return "redirect:/surveys/" + id;
    }

    @PostMapping("/surveys/{id:\\d{1,18}}/close")
    String close(@PathVariable long id, RedirectAttributes redirect) {
        surveys.close(CurrentUser.scope(), id);
        redirect.addFlashAttribute("notice", "survey.closed");
        return "redirect:/surveys/" + id;
    }

    @PostMapping("/surveys/{id:\\d{1,18}}/versions")
    String newVersion(@PathVariable long id, RedirectAttributes redirect) {
        long copy = surveys.newVersion(CurrentUser.scope(), id);
        redirect.addFlashAttribute("notice", "survey.version-created");
        return "redirect:/surveys/" + copy;
    }

    // --- answering for an elder

    @GetMapping("/surveys/{id:\\d{1,18}}/respond")
    String findElder(@PathVariable long id, @RequestParam(required = false) String q, Model model) {
        Survey s = surveys.get(CurrentUser.scope(), id);
        model.addAttribute("s", s);
        model.addAttribute("q", q == null ? "" : q);
        List<ElderSummary> found = List.of();
        if (q != null && !q.isBlank()) {
            try {
                found = elders.search(CurrentUser.scope(), new ElderQuery(q, regionPrefixQuery(s), null, "ACTIVE"), PageQuery.of(0, 20)).items();
            } catch (InputRejectedException e) {
                model.addAttribute("searchError", e.violations().stream().map(this::text).toList());
            }
        }
        model.addAttribute("found", found);
        return "survey/respond-search";
    }

    /** Searching only the questionnaire's region when it lies within the caller's (the registry intersects it with the scope). */
    private static String regionPrefixQuery(Survey s) {
        return s.regionCode();
    }

    @GetMapping("/surveys/{id:\\d{1,18}}/respond/{elderId:\\d{1,18}}")
    String answerForm(@PathVariable long id, @PathVariable long elderId, Model model) {
        Survey s = surveys.get(CurrentUser.scope(), id);
        SurveyResponse current = surveys.currentResponse(CurrentUser.scope(), id, elderId).orElse(null);
        return answerForm(s, elders.find(CurrentUser.scope(), elderId), current, AnswerForm.values(s, null, current), Map.of(), model);
    }

    private String answerForm(Survey s, ElderRecord elder, SurveyResponse current, Map<Long, List<String>> values,
                              Map<Long, List<String>> errors, Model model) {
        model.addAttribute("s", s);
        model.addAttribute("elder", elder);
        model.addAttribute("current", current);
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        model.addAttribute("errorCount", errors.values().stream().mapToInt(List::size).sum());
        model.addAttribute("zone", ZONE);
        return "survey/respond";
    }

    @PostMapping("/surveys/{id:\\d{1,18}}/respond/{elderId:\\d{1,18}}")
    String answer(@PathVariable long id, @PathVariable long elderId, @RequestParam MultiValueMap<String, String> params,
                  Model model, RedirectAttributes redirect) {
        Survey s = surveys.get(CurrentUser.scope(), id);
        ElderRecord elder = elders.find(CurrentUser.scope(), elderId);
        try {
            surveys.respond(CurrentUser.scope(), id, AnswerForm.toInput(s, elderId, params), ResponseChannel.OPERATOR);
            redirect.addFlashAttribute("notice", messages.getMessage("survey.respond.saved", new Object[]{elder.name()},
                    LocaleContextHolder.getLocale()));
            return "redirect:/surveys/" + id + "/respond";
        } catch (InputRejectedException e) {
            SurveyResponse current = surveys.currentResponse(CurrentUser.scope(), id, elderId).orElse(null);
            return answerForm(s, elder, current, AnswerForm.values(s, params, null),
                    AnswerForm.errors(e.violations(), messages, LocaleContextHolder.getLocale()), model);
        }
    }

    // --- results

    @GetMapping("/surveys/{id:\\d{1,18}}/results")
    String results(@PathVariable long id, @RequestParam(required = false) String region, @RequestParam(required = false) String category,
                   @RequestParam(required = false) Long question, @RequestParam(required = false) String by, Model model) {
        DataScope scope = CurrentUser.scope();
        Survey s = surveys.get(scope, id);
        SurveyResults r = surveys.results(scope, id, blankToNull(region), blankToNull(category));
        model.addAttribute("s", s);
        model.addAttribute("r", r);
        Map<Long, Long> maxCounts = new LinkedHashMap<>();
        r.questions().forEach(q -> maxCounts.put(q.questionId(),
                q.options().stream().mapToLong(SurveyResults.OptionCount::count).max().orElse(0)));
        model.addAttribute("maxCounts", maxCounts);
        model.addAttribute("region", r.regionCode());
        model.addAttribute("category", r.category() == null ? "" : r.category());
        model.addAttribute("regionOptions", resultRegionOptions(r.regionCode()));
        model.addAttribute("categories", ElderCategory.values());
        List<Survey.Question> choices = s.questions().stream().filter(q -> q.kind() != QuestionKind.TEXT).toList();
        model.addAttribute("choiceQuestions", choices);
        Long chosen = question != null ? question : choices.isEmpty() ? null : choices.getFirst().id();
        String mode = "CATEGORY".equalsIgnoreCase(by) ? "CATEGORY" : "REGION";
        if (chosen != null) {
            SurveyBreakdown b = surveys.breakdown(scope, id, chosen, mode, r.regionCode(), blankToNull(category));
            model.addAttribute("breakdown", b);
            Map<String, String> labels = new LinkedHashMap<>();
            for (SurveyBreakdown.Row row : b.rows()) {
                labels.put(row.key(), mode.equals("REGION") ? regionName(row.key())
                        : messages.getMessage("elder.category." + row.key(), null, row.key(), LocaleContextHolder.getLocale()));
            }
            model.addAttribute("rowLabels", labels);
        }
        model.addAttribute("question", chosen);
        model.addAttribute("by", mode);
        return "survey/results";
    }

    /** The region filter's choices: the caller's region, the path down to the current one, and the current one's children. */
    private List<Region> resultRegionOptions(String current) {
        DataScope scope = CurrentUser.scope();
        List<Region> out = new ArrayList<>(regions.path(RegionCode.of(current)).stream().filter(r -> scope.covers(r.code())).toList());
        out.addAll(regions.children(RegionCode.of(current)));
        return out;
    }

    // --- helpers

    private List<Region> regionOptions() {
        DataScope scope = CurrentUser.scope();
        if (!(scope instanceof DataScope.Region r)) {
            return List.of();
        }
        RegionCode own = RegionCode.of(r.prefix() + "0".repeat(12 - r.prefix().length()));
        List<Region> out = new ArrayList<>();
        regions.find(own).ifPresent(out::add);
        out.addAll(regions.children(own));
        return out;
    }

    private static List<SurveyInput.QuestionInput> inputs(Survey s) {
        List<SurveyInput.QuestionInput> out = new ArrayList<>();
        for (Survey.Question q : s.questions()) {
            out.add(new SurveyInput.QuestionInput(q.kind().name(), q.text(), q.required(),
                    q.options().stream().map(Survey.Option::label).toList()));
        }
        return out;
    }

    private Map<String, List<String>> fieldErrors(List<FieldViolation> violations) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        violations.forEach(v -> out.computeIfAbsent(v.field(), k -> new ArrayList<>()).add(text(v)));
        return out;
    }

    private String text(FieldViolation v) {
        Locale locale = LocaleContextHolder.getLocale();
        return messages.getMessage(v.code(), v.args(), v.code(), locale);
    }

    private String regionName(String code) {
        return regions.find(RegionCode.of(code)).map(Region::name).orElse(code);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** The questionnaire's title, description and region. */
    record HeaderForm(String title, String description, String regionCode) {
    }

    /** A question to add: options one per line. */
    record QuestionForm(String kind, String text, String required, String options) {

        public boolean isRequired() {
            return "on".equals(required) || "true".equals(required);
        }

        SurveyInput.QuestionInput toInput() {
            List<String> lines = options == null ? List.of()
                    : options.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
            return new SurveyInput.QuestionInput(kind, text, isRequired(), lines);
        }
    }
}
