package org.yiyang.subsidy.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.yiyang.region.Region;
import org.yiyang.region.RegionDirectory;
import org.yiyang.shared.CurrentUser;
import org.yiyang.shared.PageQuery;
import org.yiyang.shared.PageResult;
import org.yiyang.shared.RegionCode;
import org.yiyang.subsidy.BenefitEligibility;
import org.yiyang.subsidy.ElderEligibility;
import org.yiyang.subsidy.Eligibility;
import org.yiyang.subsidy.EligibilityCounts;
import org.yiyang.subsidy.EligibilityReason;
import org.yiyang.subsidy.EligibilityRuleInput;
import org.yiyang.subsidy.EligibilityRuleView;
import org.yiyang.subsidy.RecomputeSummary;

/**
 * Eligibility over JSON: an elder's results with their reasons in words, the rules per region
 * (read within the scope; changed by the bureau, CATALOGUE_EDIT), and counts per benefit and
 * child region. Another area's elder or region is 404.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Eligibility", description = "Benefits (高龄津贴, 养老服务补贴, 护理补贴, 消费券): each elder's eligibility and the rules per region")
class EligibilityApiController {

    private final Eligibility eligibility;
    private final EligibilityTexts texts;
    private final RegionDirectory regions;

    EligibilityApiController(Eligibility eligibility, EligibilityTexts texts, RegionDirectory regions) {
        this.eligibility = eligibility;
        this.texts = texts;
        this.regions = regions;
    }

    @Schema(name = "EligibilityReasonJson")
    record ReasonJson(String code, boolean met, List<String> args, String text) {
    }

    @Schema(name = "BenefitEligibilityJson")
    record BenefitJson(String benefitCode, String benefitName, boolean eligible,
                       @Schema(example = "护理补贴：符合 — 经济困难，能力等级 重度受损（2026-03-02 评估）") String text,
                       List<ReasonJson> reasons, String ruleRegionCode, Instant since, Instant updatedAt) {
    }

    @Schema(name = "ElderEligibilityJson")
    record ElderJson(long elderId, String regionCode, Integer abilityLevel, String abilityLevelName, LocalDate assessedOn,
                     List<BenefitJson> benefits) {
    }

    @Schema(name = "EligibilityRuleJson")
    record RuleJson(@Schema(description = "absent for the default rule") String regionCode, String regionName,
                    @Schema(description = "the default, applying where no region has its own rule") boolean defaultRule, String benefitCode, String benefitName, boolean offered,
                    Integer minAge, List<String> categories, Integer minLevel, String description, int version,
                    String updatedBy, Instant updatedAt) {
    }

    @Schema(name = "EligibilityCountsJson")
    record CountsJson(String regionCode, String regionName, long elders, Map<String, Long> eligible, List<CountsRow> children) {
    }

    @Schema(name = "EligibilityCountsRow")
    record CountsRow(String regionCode, String regionName, long elders, Map<String, Long> eligible) {
    }

    @GetMapping("/elders/{id:\\d{1,18}}/eligibility")
    @Operation(summary = "An elder's eligibility for every benefit, with the reasons in the caller's language")
    ElderJson ofElder(@PathVariable long id) {
        Locale locale = LocaleContextHolder.getLocale();
        ElderEligibility e = eligibility.ofElder(CurrentUser.scope(), id);
        List<BenefitJson> benefits = e.benefits().stream().map(b -> benefit(b, locale)).toList();
        return new ElderJson(e.elderId(), e.regionCode(), e.abilityLevel(),
                e.abilityLevel() == null ? null : texts.level(String.valueOf(e.abilityLevel()), locale), e.assessedOn(), benefits);
    }

    private BenefitJson benefit(BenefitEligibility b, Locale locale) {
        String name = texts.benefitName(b.benefitCode(), locale);
        return new BenefitJson(b.benefitCode(), name, b.eligible(), texts.line(name, b, locale),
                b.reasons().stream().map(r -> reason(r, locale)).toList(), b.ruleRegionCode(), b.since(), b.updatedAt());
    }

    private ReasonJson reason(EligibilityReason r, Locale locale) {
        return new ReasonJson(r.code(), r.met(), r.args(), texts.reason(r, locale));
    }

    @GetMapping("/eligibility-rules")
    @Operation(summary = "The rules that matter to the caller's region: the default, its ancestors' and those within it")
    PageResult<RuleJson> rules(@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        Locale locale = LocaleContextHolder.getLocale();
        PageQuery q = PageQuery.of(page, size);
        List<EligibilityRuleView> all = eligibility.rules(CurrentUser.scope());
        List<RuleJson> items = all.stream().skip(q.offset()).limit(q.size()).map(r -> rule(r, locale)).toList();
        return new PageResult<>(items, q.page(), q.size(), all.size());
    }

    @PutMapping("/eligibility-rules/{regionCode:\\d{12}}/{benefitCode}")
    @Operation(summary = "Set a benefit's rule for a region within the caller's scope (CATALOGUE_EDIT); its elders are evaluated again")
    RuleJson save(@PathVariable String regionCode, @PathVariable String benefitCode, @RequestBody EligibilityRuleInput input) {
        return rule(eligibility.saveRule(CurrentUser.scope(), regionCode, benefitCode, input), LocaleContextHolder.getLocale());
    }

    @DeleteMapping("/eligibility-rules/{regionCode:\\d{12}}/{benefitCode}")
    @Operation(summary = "Remove a region's own rule, so that its parent's (or the default) applies again (CATALOGUE_EDIT)")
    ResponseEntity<Void> remove(@PathVariable String regionCode, @PathVariable String benefitCode) {
        eligibility.removeRule(CurrentUser.scope(), regionCode, benefitCode);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/eligibility/counts")
    @Operation(summary = "Active elders eligible per benefit in a region and each of its child regions")
    CountsJson counts(@Parameter(description = "12-digit region code; default the caller's region") @RequestParam(required = false) String region) {
        EligibilityCounts c = eligibility.counts(CurrentUser.scope(), region);
        return new CountsJson(c.regionCode(), name(c.regionCode()), c.elders(), c.eligible(),
                c.children().stream().map(r -> new CountsRow(r.regionCode(), name(r.regionCode()), r.elders(), r.eligible())).toList());
    }

    @PostMapping("/eligibility/recompute")
    @Operation(summary = "Copy the facts of the caller's region's elders from the registry and evaluate them all now (CATALOGUE_EDIT)")
    RecomputeSummary recompute() {
        return eligibility.recompute(CurrentUser.scope());
    }

    private RuleJson rule(EligibilityRuleView r, Locale locale) {
        return new RuleJson(r.regionCode(), r.regionCode() == null ? null : name(r.regionCode()), r.regionCode() == null, r.benefitCode(),
                texts.benefitName(r.benefitCode(), locale), r.offered(), r.minAge(), r.categories(), r.minLevel(),
                texts.describe(r, locale), r.version(), r.updatedBy(), r.updatedAt());
    }

    private String name(String code) {
        return regions.find(RegionCode.of(code)).map(Region::name).orElse(code);
    }
}
