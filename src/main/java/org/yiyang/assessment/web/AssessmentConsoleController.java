package org.yiyang.assessment.web;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yiyang.assessment.AbilityLevel;
import org.yiyang.assessment.AssessmentForm;
import org.yiyang.assessment.AssessmentReason;
import org.yiyang.assessment.AssessmentStandard;
import org.yiyang.assessment.AssessmentStatus;
import org.yiyang.assessment.AssessmentView;
import org.yiyang.assessment.Assessments;
import org.yiyang.assessment.CoSigner;
import org.yiyang.assessment.Dimension;
import org.yiyang.assessment.FormItem;
import org.yiyang.assessment.LevelCounts;
import org.yiyang.assessment.ReassessmentDue;
import org.yiyang.assessment.RiskEvent;
import org.yiyang.assessment.ScoreResult;
import org.yiyang.elder.ElderRecord;
import org.yiyang.elder.ElderRegistry;
import org.yiyang.region.Region;
import org.yiyang.region.RegionDirectory;
import org.yiyang.shared.Authorities;
import org.yiyang.shared.CurrentUser;
import org.yiyang.shared.DataScope;
import org.yiyang.shared.FieldViolation;
import org.yiyang.shared.InputRejectedException;
import org.yiyang.shared.PageQuery;
import org.yiyang.shared.PageResult;
import org.yiyang.shared.RegionCode;
import org.yiyang.shared.ScopedPrincipal;

/**
 * The assessment pages of the console: the assessor's tablet form with live scoring (htmx), the
 * report of a completed assessment, an elder's history side by side, the supervisor's list of
 * reassessments due with the intervals per region, and the counts by level per region.
 */
@Controller
class AssessmentConsoleController {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final int HISTORY_COLUMNS = 6;

    private final Assessments assessments;
    private final ElderRegistry elders;
    private final RegionDirectory regions;
    private final MessageSource messages;

    AssessmentConsoleController(Assessments assessments, ElderRegistry elders, RegionDirectory regions, MessageSource messages) {
        this.assessments = assessments;
        this.elders = elders;
        this.regions = regions;
        this.messages = messages;
    }

    @ModelAttribute
    void common(Model model) {
        model.addAttribute("canAssess", CurrentUser.hasAuthority(Authorities.ASSESS));
        model.addAttribute("canReport", CurrentUser.hasAuthority(Authorities.ASSESS) || CurrentUser.hasAuthority(Authorities.ELDER_EDIT));
        model.addAttribute("zone", ZONE);
    }

    // ---- the tablet form ---------------------------------------------------------------------

    @GetMapping("/elders/{elderId:\\d{1,18}}/assessments/new")
    String newForm(@PathVariable long elderId, Model model) {
        requireAssessor();
        ElderRecord elder = elders.find(CurrentUser.scope(), elderId);
        Optional<Long> draft = assessments.history(elderId, PageQuery.of(0, 5)).items().stream()
                .filter(s -> s.status() == AssessmentStatus.DRAFT).map(s -> s.id()).findFirst();
        if (draft.isPresent()) {
            return "redirect:/assessments/" + draft.get() + "/edit";
        }
        AssessmentForms.State state = AssessmentForms.blank(today().toString());
        return form(model, elder, null, state, Map.of());
    }

    @PostMapping("/elders/{elderId:\\d{1,18}}/assessments")
    String create(@PathVariable long elderId, @RequestParam MultiValueMap<String, String> params, Model model,
                  RedirectAttributes redirect) {
        requireAssessor();
        ElderRecord elder = elders.find(CurrentUser.scope(), elderId);
        AssessmentForms.State state = AssessmentForms.read(params);
        boolean complete = "complete".equals(params.getFirst("action"));
        try {
            long id = assessments.create(elderId, AssessmentForms.input(state, complete, coSigner(params)));
            return done(id, complete, redirect);
        } catch (InputRejectedException e) {
            return form(model, elder, null, state, errors(e.violations()));
        }
    }

    @GetMapping("/assessments/{id:\\d{1,18}}/edit")
    String editForm(@PathVariable long id, Model model) {
        requireAssessor();
        AssessmentView v = assessments.get(id);
        if (v.status() != AssessmentStatus.DRAFT) {
            return "redirect:/assessments/" + id;
        }
        ElderRecord elder = elders.find(CurrentUser.scope(), v.elderId());
        return form(model, elder, v, AssessmentForms.of(v), Map.of());
    }

    @PostMapping("/assessments/{id:\\d{1,18}}")
    String update(@PathVariable long id, @RequestParam MultiValueMap<String, String> params, Model model, RedirectAttributes redirect) {
        requireAssessor();
        AssessmentView v = assessments.get(id);
        String action = params.getFirst("action");
        if ("discard".equals(action)) {
            assessments.discard(id);
            redirect.addFlashAttribute("notice", "assessment.notice.discarded");
            return "redirect:/elders/" + v.elderId() + "/assessments";
        }
        AssessmentForms.State state = AssessmentForms.read(params);
        boolean complete = "complete".equals(action);
        try {
            if (complete) {
                assessments.complete(id, AssessmentForms.input(state, false, null), coSigner(params));
            } else {
                assessments.saveDraft(id, AssessmentForms.input(state, false, null));
            }
            return done(id, complete, redirect);
        } catch (InputRejectedException e) {
            ElderRecord elder = elders.find(CurrentUser.scope(), v.elderId());
            return form(model, elder, v, state, errors(e.violations()));
        }
    }

    private static String done(long id, boolean complete, RedirectAttributes redirect) {
        redirect.addFlashAttribute("notice", complete ? "assessment.notice.completed" : "assessment.notice.saved");
        return complete ? "redirect:/assessments/" + id : "redirect:/assessments/" + id + "/edit";
    }

    /** The live score panel (htmx): the answers so far, scored without saving. */
    @PostMapping("/assessments/score")
    String score(@RequestParam MultiValueMap<String, String> params, Model model) {
        AssessmentForms.State state = AssessmentForms.read(params);
        try {
            model.addAttribute("score", assessments.score(AssessmentForms.answers(state)));
        } catch (InputRejectedException e) {
            model.addAttribute("scoreErrors", new ArrayList<>(errors(e.violations()).values().stream().flatMap(List::stream).toList()));
        }
        model.addAttribute("form", state);
        return "assessment/fragments :: score";
    }

    private String form(Model model, ElderRecord elder, AssessmentView draft, AssessmentForms.State state,
                        Map<String, List<String>> errors) {
        model.addAttribute("elder", elder);
        model.addAttribute("draft", draft);
        model.addAttribute("form", state);
        model.addAttribute("errors", errors);
        model.addAttribute("errorLinks", errorLinks(errors));
        model.addAttribute("diagnosisErrors", errors.entrySet().stream().filter(e -> e.getKey().startsWith("diagnoses"))
                .flatMap(e -> e.getValue().stream()).toList());
        model.addAttribute("dimensions", Dimension.values());
        model.addAttribute("itemsByDimension", itemsByDimension());
        model.addAttribute("riskEvents", RiskEvent.values());
        model.addAttribute("riskCounts", new int[] {0, 1, 2, 3});
        model.addAttribute("diagnosisChoices", AssessmentForms.DIAGNOSIS_CHOICES);
        model.addAttribute("reasons", AssessmentReason.values());
        model.addAttribute("today", today());
        model.addAttribute("rules", assessments.currentRules());
        model.addAttribute("me", CurrentUser.principal().map(ScopedPrincipal::displayName).orElse(""));
        try {
            model.addAttribute("score", assessments.score(AssessmentForms.answers(state)));
        } catch (InputRejectedException e) {
            model.addAttribute("scoreErrors", errors(e.violations()).values().stream().flatMap(List::stream).toList());
        }
        return "assessment/form";
    }

    /** An error of the form with the place it points at, so the summary can jump there. */
    record ErrorLink(String anchor, String message) {
    }

    private static List<ErrorLink> errorLinks(Map<String, List<String>> errors) {
        List<ErrorLink> links = new ArrayList<>();
        errors.forEach((field, list) -> {
            String anchor = field.startsWith("answers.") ? "item-" + field.substring("answers.".length())
                    : field.startsWith("riskEvents.") ? "risk-" + field.substring("riskEvents.".length())
                    : field.startsWith("diagnoses") ? "diagnoses"
                    : switch (field) {
                        case "reason" -> "field-reason";
                        case "coSigner" -> "sec-sign";
                        case "coma" -> "field-coma";
                        default -> field;
                    };
            list.forEach(m -> links.add(new ErrorLink(anchor, m)));
        });
        return links;
    }

    private static Map<Dimension, List<FormItem>> itemsByDimension() {
        Map<Dimension, List<FormItem>> m = new LinkedHashMap<>();
        for (Dimension d : Dimension.values()) {
            m.put(d, AssessmentForm.itemsOf(d));
        }
        return m;
    }

    private static CoSigner coSigner(MultiValueMap<String, String> params) {
        return new CoSigner(params.getFirst("coSignerUsername"), params.getFirst("coSignerPassword"));
    }

    // ---- reading -----------------------------------------------------------------------------

    @GetMapping("/assessments/{id:\\d{1,18}}")
    String report(@PathVariable long id, Model model) {
        AssessmentView v = assessments.get(id);
        if (v.status() == AssessmentStatus.DRAFT && CurrentUser.hasAuthority(Authorities.ASSESS)) {
            return "redirect:/assessments/" + id + "/edit";
        }
        model.addAttribute("a", v);
        model.addAttribute("itemsByDimension", itemsByDimension());
        model.addAttribute("riskEvents", RiskEvent.values());
        return "assessment/report";
    }

    /** One row of the side-by-side history: an item's score per assessment, and whether it changed from the one before. */
    record HistoryRow(FormItem item, List<Integer> scores, List<Integer> changes, boolean changed) {
    }

    @GetMapping("/elders/{elderId:\\d{1,18}}/assessments")
    String history(@PathVariable long elderId, @RequestParam(required = false) String changed, Model model) {
        ElderRecord elder = elders.find(CurrentUser.scope(), elderId);
        List<AssessmentView> all = assessments.timeline(elderId, 50);
        List<AssessmentView> completed = all.stream()
                .filter(a -> a.status() == AssessmentStatus.COMPLETED && a.standard() == AssessmentStandard.GBT_42195_2022)
                .limit(HISTORY_COLUMNS).toList();
        List<HistoryRow> rows = new ArrayList<>();
        for (FormItem item : AssessmentForm.ITEMS) {
            List<Integer> scores = completed.stream().map(a -> a.answers().answer(item.code())).toList();
            List<Integer> changes = new ArrayList<>();
            boolean any = false;
            for (int i = 0; i < scores.size(); i++) {
                Integer now = scores.get(i);
                Integer before = i + 1 < scores.size() ? scores.get(i + 1) : null;
                Integer change = now == null || before == null ? null : now - before;
                changes.add(change);
                any |= change != null && change != 0;
            }
            rows.add(new HistoryRow(item, scores, changes, any));
        }
        boolean onlyChanged = "1".equals(changed);
        model.addAttribute("elder", elder);
        model.addAttribute("completed", completed);
        Map<Dimension, List<HistoryRow>> byDimension = new LinkedHashMap<>();
        for (Dimension d : Dimension.values()) {
            byDimension.put(d, rows.stream().filter(r -> r.item().dimension() == d).filter(r -> !onlyChanged || r.changed()).toList());
        }
        model.addAttribute("rowsByDimension", byDimension);
        model.addAttribute("changedCount", rows.stream().filter(HistoryRow::changed).count());
        model.addAttribute("onlyChanged", onlyChanged);
        model.addAttribute("drafts", all.stream().filter(a -> a.status() == AssessmentStatus.DRAFT).toList());
        model.addAttribute("legacy", all.stream().filter(a -> a.standard() == AssessmentStandard.MZT_039_2013).toList());
        model.addAttribute("olderCount", all.stream().filter(a -> a.status() == AssessmentStatus.COMPLETED
                && a.standard() == AssessmentStandard.GBT_42195_2022).count() - completed.size());
        model.addAttribute("dimensions", Dimension.values());
        return "assessment/history";
    }

    @PostMapping("/elders/{elderId:\\d{1,18}}/assessments/change-report")
    String reportChange(@PathVariable long elderId, @RequestParam(required = false) String note, RedirectAttributes redirect) {
        try {
            assessments.reportChange(elderId, note);
            redirect.addFlashAttribute("notice", "assessment.notice.change-reported");
        } catch (InputRejectedException e) {
            redirect.addFlashAttribute("changeErrors", errors(e.violations()).values().stream().flatMap(List::stream).toList());
        }
        return "redirect:/elders/" + elderId + "/assessments";
    }

    // ---- supervision -------------------------------------------------------------------------

    @GetMapping("/assessments/due")
    String due(@RequestParam(required = false) String region, @RequestParam(required = false) Integer within,
               @RequestParam(required = false) Integer page, Model model) {
        String prefix = region == null || region.isBlank() ? "" : region.strip();
        int days = within == null ? 30 : within;
        PageResult<ReassessmentDue> result;
        try {
            result = assessments.due(prefix.isEmpty() ? null : RegionCode.isWellFormed(prefix) ? RegionCode.of(prefix).prefix() : prefix,
                    days, PageQuery.of(page == null ? 0 : Math.max(0, page), 50));
        } catch (InputRejectedException e) {
            result = new PageResult<>(List.of(), 0, 50, 0);
            model.addAttribute("filterErrors", errors(e.violations()).values().stream().flatMap(List::stream).toList());
        }
        Map<String, String> names = new HashMap<>();
        for (ReassessmentDue d : result.items()) {
            names.computeIfAbsent(d.regionCode(), c -> regions.find(RegionCode.of(c)).map(Region::name).orElse(c));
        }
        model.addAttribute("result", result);
        model.addAttribute("regionNames", names);
        model.addAttribute("region", prefix);
        model.addAttribute("within", days);
        model.addAttribute("regionOptions", regionOptions());
        model.addAttribute("intervals", assessments.intervals());
        model.addAttribute("intervalNames", intervalNames());
        model.addAttribute("canSetIntervals", CurrentUser.hasAuthority(Authorities.CATALOGUE_EDIT)
                && CurrentUser.scope() instanceof DataScope.Region);
        return "assessment/due";
    }

    @PostMapping("/assessments/intervals")
    String setInterval(@RequestParam(required = false) String regionPrefix, @RequestParam(required = false) String months,
                       @RequestParam(required = false) String remove, RedirectAttributes redirect) {
        try {
            Integer m = remove != null ? null : parseMonths(months);
            assessments.setInterval(regionPrefix, m);
            redirect.addFlashAttribute("notice", "assessment.notice.interval-saved");
        } catch (InputRejectedException e) {
            redirect.addFlashAttribute("intervalErrors", errors(e.violations()).values().stream().flatMap(List::stream).toList());
        }
        return "redirect:/assessments/due";
    }

    private static Integer parseMonths(String months) {
        try {
            return Integer.valueOf(months == null ? "" : months.strip());
        } catch (NumberFormatException e) {
            throw InputRejectedException.of("months", "assessment.interval.months.invalid", months);
        }
    }

    @GetMapping("/assessments/levels")
    String levels(@RequestParam(required = false) String region, Model model) {
        LevelCounts counts = assessments.levelCounts(region);
        long max = counts.rows().stream().mapToLong(r -> r.assessed() + r.legacyOnly()).max().orElse(0);
        model.addAttribute("counts", counts);
        model.addAttribute("max", Math.max(1, max));
        model.addAttribute("levels", AbilityLevel.values());
        model.addAttribute("path", regions.path(RegionCode.of(counts.regionCode())).stream()
                .filter(r -> CurrentUser.scope() instanceof DataScope.Region s && r.code().prefix().startsWith(s.prefix())).toList());
        model.addAttribute("leaf", regions.children(RegionCode.of(counts.regionCode())).isEmpty());
        return "assessment/levels";
    }

    // ---- helpers -----------------------------------------------------------------------------

    /** The caller's region and its children and grandchildren, for the filter. */
    private List<Region> regionOptions() {
        if (!(CurrentUser.scope() instanceof DataScope.Region r)) {
            return List.of();
        }
        RegionCode own = RegionCode.of((r.prefix() + "000000000000").substring(0, 12));
        List<Region> out = new ArrayList<>();
        regions.find(own).ifPresent(out::add);
        for (Region child : regions.children(own)) {
            out.add(child);
        }
        return out;
    }

    private Map<String, String> intervalNames() {
        Map<String, String> names = new HashMap<>();
        for (var i : assessments.intervals()) {
            names.put(i.regionPrefix(), i.regionPrefix().isEmpty() ? text("assessment.interval.everywhere")
                    : regions.find(RegionCode.of((i.regionPrefix() + "000000000000").substring(0, 12))).map(Region::name)
                    .orElse(i.regionPrefix()));
        }
        return names;
    }

    private LocalDate today() {
        return LocalDate.now(ZONE);
    }

    private static void requireAssessor() {
        if (!CurrentUser.hasAuthority(Authorities.ASSESS)) {
            throw new AccessDeniedException("assessors only");
        }
    }

    /** Field → its messages, in the user's language. */
    private Map<String, List<String>> errors(List<FieldViolation> violations) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (FieldViolation v : violations) {
            out.computeIfAbsent(v.field(), k -> new ArrayList<>()).add(text(v.code(), v.args()));
        }
        return out;
    }

    private String text(String code, Object... args) {
        return messages.getMessage(code, args, code, LocaleContextHolder.getLocale());
    }

    /** For templates: whether the score has a level yet. */
    static boolean scored(ScoreResult r) {
        return r != null && r.complete();
    }
}
