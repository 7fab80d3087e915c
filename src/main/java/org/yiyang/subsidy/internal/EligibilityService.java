package org.yiyang.subsidy.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiyang.assessment.AbilityLevel;
import org.yiyang.elder.ElderCategory;
import org.yiyang.elder.ElderProfile;
import org.yiyang.elder.ElderProfiles;
import org.yiyang.region.Region;
import org.yiyang.region.RegionDirectory;
import org.yiyang.shared.CurrentUser;
import org.yiyang.shared.DataScope;
import org.yiyang.shared.NotFoundException;
import org.yiyang.shared.RegionCode;
import org.yiyang.shared.RegionLevel;
import org.yiyang.shared.RuleViolationException;
import org.yiyang.shared.ScopedPrincipal;
import org.yiyang.shared.Violations;
import org.yiyang.subsidy.Benefit;
import org.yiyang.subsidy.BenefitEligibility;
import org.yiyang.subsidy.ElderEligibility;
import org.yiyang.subsidy.Eligibility;
import org.yiyang.subsidy.EligibilityCounts;
import org.yiyang.subsidy.EligibilityRuleInput;
import org.yiyang.subsidy.EligibilityRuleView;
import org.yiyang.subsidy.RecomputeSummary;

@Service
class EligibilityService implements Eligibility {

    private static final Logger log = LoggerFactory.getLogger(EligibilityService.class);
    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    static final int SYNC_PAGE = 5000;

    private final EligibilityRepository repository;
    private final EligibilityEvaluator evaluator;
    private final ElderProfiles profiles;
    private final RegionDirectory regions;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final Clock clock;

    EligibilityService(EligibilityRepository repository, EligibilityEvaluator evaluator, ElderProfiles profiles,
                       RegionDirectory regions, ApplicationEventPublisher events, PlatformTransactionManager transactions,
                       ObjectProvider<Clock> clock, org.yiyang.assessment.Assessments assessments) {
        this.assessments = assessments;
        this.repository = repository;
        this.evaluator = evaluator;
        this.profiles = profiles;
        this.regions = regions;
        this.events = events;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock.getIfAvailable(() -> Clock.system(CHINA));
    }

    private final org.yiyang.assessment.Assessments assessments;

    LocalDate today() {
        return LocalDate.now(clock);
    }

    @Override
    @Transactional(readOnly = true)
    public List<Benefit> benefits() {
        return repository.benefits();
    }

    /**
     * The registry decides whether the caller may see the elder (in SQL); when this module's copy of
     * the elder's facts is missing or stale (registered or moved today), it is brought up to date and
     * the elder evaluated before the results are read.
     */
    @Override
    @Transactional
    public ElderEligibility ofElder(DataScope scope, long elderId) {
        ElderProfile profile = profiles.find(scope, elderId).orElseThrow(() -> new NotFoundException("elder.not-found", elderId));
        LocalDate today = today();
        boolean changed = !repository.syncProfiles(List.of(profile), today).isEmpty();
        List<EligibilityRepository.ResultView> results = repository.results(elderId);
        if (changed || results.size() < repository.benefits().size()) {
            evaluator.evaluateElder(elderId, today);
            results = repository.results(elderId);
        }
        ElderFacts facts = repository.facts(elderId).orElseThrow().facts();
        List<BenefitEligibility> benefits = results.stream().map(r -> new BenefitEligibility(r.benefitCode(), r.eligible(),
                evaluator.reasons(r.reasons()), r.rulePrefix() != null, regionCodeOf(r.rulePrefix()), r.since(), r.updatedAt())).toList();
        return new ElderEligibility(elderId, facts.regionCode(), facts.level() == null ? null : facts.level().code(),
                facts.assessedOn(), benefits);
    }

    @Override
    @Transactional(readOnly = true)
    public List<EligibilityRuleView> rules(DataScope scope) {
        if (!(scope instanceof DataScope.Region r)) {
            return List.of();
        }
        return repository.rulesAround(r.prefix()).stream().map(EligibilityService::view).toList();
    }

    @Override
    @Transactional
    @PreAuthorize("hasAuthority('CATALOGUE_EDIT')")
    public EligibilityRuleView saveRule(DataScope scope, String regionCode, String benefitCode, EligibilityRuleInput input) {
        String prefix = editablePrefix(scope, regionCode);
        String benefit = knownBenefit(benefitCode);
        Violations v = new Violations();
        Integer minAge = input.minAge();
        if (minAge != null && (minAge < 0 || minAge > 150)) {
            v.add("minAge", "subsidy.rule.min-age.invalid", minAge);
        }
        Set<ElderCategory> categories = EnumSet.noneOf(ElderCategory.class);
        for (int i = 0; i < input.categories().size(); i++) {
            String name = input.categories().get(i);
            Optional<ElderCategory> c = ElderCategory.byName(name);
            if (c.isPresent()) {
                categories.add(c.get());
            } else {
                v.add("categories[" + i + "]", "subsidy.rule.category.invalid", String.valueOf(name));
            }
        }
        AbilityLevel minLevel = null;
        String level = input.minLevel() == null ? null : input.minLevel().strip();
        if (level != null && !level.isEmpty()) {
            minLevel = parseLevel(level);
            if (minLevel == null) {
                v.add("minLevel", "subsidy.rule.level.invalid", level);
            }
        }
        v.throwIfAny();
        EligibilityRule rule = new EligibilityRule(prefix, benefit, input.offered() == null || input.offered(), minAge,
                categories, minLevel, 0, actor(), null);
        if (!repository.saveRule(rule, input.version(), actor())) {
            throw RuleViolationException.conflict("subsidy.rule.version-conflict");
        }
        events.publishEvent(new RulesChanged(prefix));
        return view(repository.rule(prefix, benefit).orElseThrow());
    }

    @Override
    @Transactional
    @PreAuthorize("hasAuthority('CATALOGUE_EDIT')")
    public void removeRule(DataScope scope, String regionCode, String benefitCode) {
        String prefix = editablePrefix(scope, regionCode);
        String benefit = knownBenefit(benefitCode);
        if (!repository.removeRule(prefix, benefit, actor())) {
            throw new NotFoundException("subsidy.rule.not-found", regionCode + "/" + benefitCode);
        }
        events.publishEvent(new RulesChanged(prefix));
    }

    @Override
    @Transactional(readOnly = true)
    public EligibilityCounts counts(DataScope scope, String regionCode) {
        if (!(scope instanceof DataScope.Region r)) {
            throw new NotFoundException("region.not-found", regionCode);
        }
        RegionCode code = regionCode == null || regionCode.isBlank() ? RegionCode.of(padded(r.prefix())) : regionInScope(scope, regionCode);
        List<Region> children = regions.children(code);
        int digits = children.isEmpty() ? code.prefix().length() : children.getFirst().code().prefix().length();
        DataScope within = DataScope.region(code.prefix());
        Map<String, Long> elders = repository.eldersByChild(within, digits);
        Map<String, Map<String, Long>> eligible = repository.eligibleByChild(within, digits);
        List<String> benefitCodes = repository.benefits().stream().map(Benefit::code).toList();
        List<String> keys = children.isEmpty() ? List.of(code.prefix()) : children.stream().map(c -> c.code().prefix()).toList();
        List<EligibilityCounts.Row> rows = new ArrayList<>();
        long totalElders = 0;
        Map<String, Long> total = zeros(benefitCodes);
        for (String key : keys) {
            Map<String, Long> counts = zeros(benefitCodes);
            eligible.getOrDefault(key, Map.of()).forEach((b, n) -> counts.merge(b, n, Long::sum));
            counts.forEach((b, n) -> total.merge(b, n, Long::sum));
            long n = elders.getOrDefault(key, 0L);
            totalElders += n;
            rows.add(new EligibilityCounts.Row(padded(key), n, counts));
        }
        return new EligibilityCounts(code.value(), totalElders, total, children.isEmpty() ? List.of() : rows);
    }

    private static Map<String, Long> zeros(List<String> codes) {
        Map<String, Long> m = new LinkedHashMap<>();
        codes.forEach(c -> m.put(c, 0L));
        return m;
    }

    /**
     * Copies every elder's facts from the registry (page by page, per province) and evaluates
     * everyone. Runs in the caller's transaction when there is one (demo seeding), otherwise a page
     * per transaction.
     */
    @Override
    public RecomputeSummary recomputeAll() {
        return syncAndEvaluate(regions.ofLevel(RegionLevel.PROVINCE).stream()
                .map(p -> DataScope.region(p.code().prefix())).toList(), "");
    }

    @Override
    @PreAuthorize("hasAuthority('CATALOGUE_EDIT')")
    public RecomputeSummary recompute(DataScope scope) {
        if (!(scope instanceof DataScope.Region r)) {
            throw new NotFoundException("region.not-found", "");
        }
        return syncAndEvaluate(List.of(scope), r.prefix());
    }

    private RecomputeSummary syncAndEvaluate(List<DataScope> scopes, String prefix) {
        Instant start = Instant.now();
        LocalDate today = today();
        long synced = 0;
        for (DataScope scope : scopes) {
            long after = 0;
            while (true) {
                List<ElderProfile> page = profiles.page(scope, after, SYNC_PAGE);
                if (page.isEmpty()) {
                    break;
                }
                // the facts from the registry and, in the same pass, each elder's current level from
                // the assessments (the AssessmentCompleted events keep it current between passes;
                // this catches what they could not: levels recorded before this module listened,
                // seeded data, a lost event)
                java.util.Map<Long, org.yiyang.assessment.CurrentLevel> levels =
                        assessments.currentLevels(page.stream().map(ElderProfile::id).toList());
                tx.executeWithoutResult(s -> {
                    repository.syncProfiles(page, today);
                    levels.values().forEach(l -> repository.recordAssessment(l.elderId(), l.finalLevel(), l.assessmentId(),
                            l.assessedOn()));
                });
                synced += page.size();
                after = page.getLast().id();
                if (page.size() < SYNC_PAGE) {
                    break;
                }
            }
        }
        Instant copied = Instant.now();
        EligibilityEvaluator.Counts c = evaluator.evaluateRegion(prefix, today);
        long millis = Duration.between(start, Instant.now()).toMillis();
        log.info("Eligibility of region '{}': {} elders copied from the registry in {} ms, {} evaluated, {} results written, "
                        + "{} changes; {} ms in all", prefix, synced, Duration.between(start, copied).toMillis(), c.elders(),
                c.written(), c.changes(), millis);
        return new RecomputeSummary(c.elders(), c.written(), c.changes(), millis);
    }

    // --- helpers

    private String editablePrefix(DataScope scope, String regionCode) {
        return regionInScope(scope, regionCode).prefix();
    }

    private RegionCode regionInScope(DataScope scope, String regionCode) {
        if (regionCode == null || !RegionCode.isWellFormed(regionCode.strip())) {
            throw new NotFoundException("region.not-found", regionCode);
        }
        RegionCode code = RegionCode.of(regionCode);
        if (!(scope instanceof DataScope.Region r) || !code.prefix().startsWith(r.prefix()) || regions.find(code).isEmpty()) {
            throw new NotFoundException("region.not-found", regionCode);
        }
        return code;
    }

    private String knownBenefit(String code) {
        return repository.benefits().stream().map(Benefit::code).filter(c -> c.equals(code)).findFirst()
                .orElseThrow(() -> new NotFoundException("subsidy.benefit.not-found", code));
    }

    static AbilityLevel parseLevel(String text) {
        if (text.matches("\\d")) {
            int code = Integer.parseInt(text);
            return code <= 4 ? AbilityLevel.ofCode(code) : null;
        }
        for (AbilityLevel l : AbilityLevel.values()) {
            if (l.name().equalsIgnoreCase(text)) {
                return l;
            }
        }
        return null;
    }

    static EligibilityRuleView view(EligibilityRule r) {
        return new EligibilityRuleView(regionCodeOf(r.regionPrefix()), r.benefitCode(), r.offered(), r.minAge(),
                List.of(EligibilityRepository.categoryNames(r.anyCategories())), r.minLevel() == null ? null : r.minLevel().code(),
                r.version(), r.updatedBy(), r.updatedAt());
    }

    /** The 12-digit code of the region a prefix stands for; null for the default (''). */
    static String regionCodeOf(String prefix) {
        return prefix == null || prefix.isEmpty() ? null : padded(prefix);
    }

    static String padded(String prefix) {
        return prefix + "0".repeat(12 - prefix.length());
    }

    private static String actor() {
        return CurrentUser.principal().map(ScopedPrincipal::username).orElse("system");
    }
}
