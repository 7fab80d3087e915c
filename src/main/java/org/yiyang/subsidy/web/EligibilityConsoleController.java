package org.yiyang.subsidy.web;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yiyang.assessment.AbilityLevel;
import org.yiyang.elder.ElderCategory;
import org.yiyang.elder.ElderRecord;
import org.yiyang.elder.ElderRegistry;
import org.yiyang.region.Region;
import org.yiyang.region.RegionDirectory;
import org.yiyang.shared.Authorities;
import org.yiyang.shared.CurrentUser;
import org.yiyang.shared.DataScope;
import org.yiyang.shared.FieldViolation;
import org.yiyang.shared.InputRejectedException;
import org.yiyang.shared.NotFoundException;
import org.yiyang.shared.RegionCode;
import org.yiyang.subsidy.Benefit;
import org.yiyang.subsidy.ElderEligibility;
import org.yiyang.subsidy.Eligibility;
import org.yiyang.subsidy.EligibilityCounts;
import org.yiyang.subsidy.EligibilityRuleInput;
import org.yiyang.subsidy.EligibilityRuleView;
import org.yiyang.subsidy.RecomputeSummary;

/**
 * The eligibility pages of the console: an elder's results (linked from the elder's record), the
 * counts per benefit and child region, and the rules, which bureau supervisors set per region.
 */
@Controller
class EligibilityConsoleController {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final Eligibility eligibility;
    private final EligibilityTexts texts;
    private final ElderRegistry elders;
    private final RegionDirectory regions;

    EligibilityConsoleController(Eligibility eligibility, EligibilityTexts texts, ElderRegistry elders, RegionDirectory regions) {
        this.eligibility = eligibility;
        this.texts = texts;
        this.elders = elders;
        this.regions = regions;
    }

    /** One benefit's line on the elder's page. */
    record Line(String benefit, boolean eligible, String reasons, String text, String rule, java.time.Instant since) {
    }

    @GetMapping("/elders/{id:\\d{1,18}}/eligibility")
    String elder(@PathVariable long id, Model model) {
        Locale locale = LocaleContextHolder.getLocale();
        ElderRecord elder = elders.find(CurrentUser.scope(), id);
        ElderEligibility e = eligibility.ofElder(CurrentUser.scope(), id);
        List<Line> lines = e.benefits().stream().map(b -> {
            String name = texts.benefitName(b.benefitCode(), locale);
            String rule = !b.ruleFound() ? texts.text("subsidy.eligibility.rule.none", locale)
                    : b.ruleRegionCode() == null ? texts.text("subsidy.eligibility.rule.default", locale) : regionName(b.ruleRegionCode());
            return new Line(name, b.eligible(), texts.reasons(b, locale), texts.line(name, b, locale), rule, b.since());
        }).toList();
        model.addAttribute("elder", elder);
        model.addAttribute("lines", lines);
        model.addAttribute("level", e.abilityLevel() == null ? null : texts.level(String.valueOf(e.abilityLevel()), locale));
        model.addAttribute("assessedOn", e.assessedOn());
        model.addAttribute("zone", ZONE);
        return "subsidy/elder";
    }

    @GetMapping("/eligibility")
    String counts(@RequestParam(required = false) String region, Model model) {
        EligibilityCounts c = eligibility.counts(CurrentUser.scope(), region);
        model.addAttribute("counts", c);
        model.addAttribute("benefits", eligibility.benefits());
        model.addAttribute("names", names(c));
        model.addAttribute("path", path(c.regionCode()));
        model.addAttribute("canEdit", CurrentUser.hasAuthority(Authorities.CATALOGUE_EDIT));
        return "subsidy/counts";
    }

    @PostMapping("/eligibility/recompute")
    String recompute(RedirectAttributes redirect) {
        requireEdit();
        RecomputeSummary s = eligibility.recompute(CurrentUser.scope());
        redirect.addFlashAttribute("notice", texts.text("subsidy.counts.recomputed", LocaleContextHolder.getLocale(),
                String.valueOf(s.elders()), String.valueOf(s.millis()), String.valueOf(s.eligibilityChanges())));
        return "redirect:/eligibility";
    }

    /** A rule row on the rules page. */
    record RuleRow(String regionCode, String regionName, boolean editable, String description, String updatedBy,
                   java.time.Instant updatedAt) {
    }

    @GetMapping("/eligibility/rules")
    String rules(Model model) {
        Locale locale = LocaleContextHolder.getLocale();
        DataScope scope = CurrentUser.scope();
        boolean canEdit = CurrentUser.hasAuthority(Authorities.CATALOGUE_EDIT);
        Map<String, List<RuleRow>> byBenefit = new LinkedHashMap<>();
        for (Benefit b : eligibility.benefits()) {
            byBenefit.put(b.code(), new ArrayList<>());
        }
        for (EligibilityRuleView r : eligibility.rules(scope)) {
            boolean editable = canEdit && r.regionCode() != null && scope.covers(RegionCode.of(r.regionCode()));
            byBenefit.computeIfAbsent(r.benefitCode(), k -> new ArrayList<>()).add(new RuleRow(r.regionCode(),
                    r.regionCode() == null ? texts.text("subsidy.rules.default", locale) : regionName(r.regionCode()),
                    editable, texts.describe(r, locale), r.updatedBy(), r.updatedAt()));
        }
        model.addAttribute("rules", byBenefit);
        model.addAttribute("benefits", texts.benefits());
        model.addAttribute("canEdit", canEdit);
        model.addAttribute("zone", ZONE);
        model.addAttribute("editableRegions", canEdit ? editableRegions(scope) : List.of());
        return "subsidy/rules";
    }

    /** The form for a region's rule; prefilled with the region's own rule or the one it inherits now. */
    @GetMapping("/eligibility/rules/edit")
    String editForm(@RequestParam String region, @RequestParam String benefit, Model model) {
        requireEdit();
        EligibilityRuleView current = ownOrInherited(region, benefit);
        RuleForm form = current == null ? RuleForm.empty(region, benefit) : RuleForm.of(region, benefit, current);
        return form(model, form, null);
    }

    @PostMapping("/eligibility/rules")
    String save(RuleForm form, Model model, RedirectAttributes redirect) {
        requireEdit();
        try {
            eligibility.saveRule(CurrentUser.scope(), form.region(), form.benefit(), form.toInput());
            redirect.addFlashAttribute("notice", "subsidy.rules.saved");
            return "redirect:/eligibility/rules";
        } catch (InputRejectedException e) {
            return form(model, form, e.violations());
        }
    }

    @PostMapping("/eligibility/rules/remove")
    String remove(@RequestParam String region, @RequestParam String benefit, RedirectAttributes redirect) {
        requireEdit();
        eligibility.removeRule(CurrentUser.scope(), region, benefit);
        redirect.addFlashAttribute("notice", "subsidy.rules.removed");
        return "redirect:/eligibility/rules";
    }

    private String form(Model model, RuleForm form, List<FieldViolation> violations) {
        Locale locale = LocaleContextHolder.getLocale();
        if (!RegionCode.isWellFormed(form.region()) || !CurrentUser.scope().covers(RegionCode.of(form.region()))) {
            throw new NotFoundException("region.not-found", form.region());
        }
        Map<String, Benefit> benefits = texts.benefits();
        if (!benefits.containsKey(form.benefit())) {
            throw new NotFoundException("subsidy.benefit.not-found", form.benefit());
        }
        Map<String, List<String>> errors = new LinkedHashMap<>();
        if (violations != null) {
            for (FieldViolation v : violations) {
                String field = v.field().startsWith("categories") ? "categories" : v.field();
                errors.computeIfAbsent(field, k -> new ArrayList<>()).add(texts.text(v.code(), locale, v.args()));
            }
        }
        EligibilityRuleView inherited = inherited(form.region(), form.benefit());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("errorCount", errors.values().stream().mapToInt(List::size).sum());
        model.addAttribute("benefitName", benefits.get(form.benefit()).name(locale));
        model.addAttribute("regionName", regionName(form.region()));
        model.addAttribute("hasOwn", own(form.region(), form.benefit()).isPresent());
        model.addAttribute("inherited", inherited == null ? null : texts.describe(inherited, locale));
        model.addAttribute("allCategories", ElderCategory.values());
        model.addAttribute("levels", AbilityLevel.values());
        model.addAttribute("levelNames", java.util.Arrays.stream(AbilityLevel.values())
                .map(l -> texts.level(String.valueOf(l.code()), locale)).toList());
        return "subsidy/rule-form";
    }

    private Optional<EligibilityRuleView> own(String region, String benefit) {
        return eligibility.rules(CurrentUser.scope()).stream()
                .filter(r -> region.equals(r.regionCode()) && benefit.equals(r.benefitCode())).findFirst();
    }

    /** The rule that applies to the region without its own: the longest ancestor (or the default). */
    private EligibilityRuleView inherited(String region, String benefit) {
        String prefix = RegionCode.isWellFormed(region) ? RegionCode.of(region).prefix() : "";
        return eligibility.rules(CurrentUser.scope()).stream()
                .filter(r -> benefit.equals(r.benefitCode()))
                .filter(r -> r.regionCode() == null || (!r.regionCode().equals(region)
                        && prefix.startsWith(RegionCode.of(r.regionCode()).prefix())))
                .max(java.util.Comparator.comparingInt(r -> r.regionCode() == null ? -1 : RegionCode.of(r.regionCode()).prefix().length()))
                .orElse(null);
    }

    private EligibilityRuleView ownOrInherited(String region, String benefit) {
        return own(region, benefit).orElseGet(() -> inherited(region, benefit));
    }

    /** The caller's own region and its children: where a supervisor sets rules from this page. */
    private List<Region> editableRegions(DataScope scope) {
        if (!(scope instanceof DataScope.Region r)) {
            return List.of();
        }
        RegionCode own = RegionCode.of(r.prefix() + "0".repeat(12 - r.prefix().length()));
        List<Region> out = new ArrayList<>();
        regions.find(own).ifPresent(out::add);
        out.addAll(regions.children(own));
        return out;
    }

    private Map<String, String> names(EligibilityCounts c) {
        Map<String, String> names = new LinkedHashMap<>();
        names.put(c.regionCode(), regionName(c.regionCode()));
        c.children().forEach(row -> names.put(row.regionCode(), regionName(row.regionCode())));
        return names;
    }

    /** From the scope's region down to this one, for the breadcrumb. */
    private List<Region> path(String code) {
        DataScope scope = CurrentUser.scope();
        return regions.path(RegionCode.of(code)).stream().filter(r -> scope.covers(r.code())).toList();
    }

    private String regionName(String code) {
        return regions.find(RegionCode.of(code)).map(Region::name).orElse(code);
    }

    private static void requireEdit() {
        if (!CurrentUser.hasAuthority(Authorities.CATALOGUE_EDIT)) {
            throw new AccessDeniedException("no CATALOGUE_EDIT");
        }
    }
}
