package org.yiyang.coverage.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiyang.coverage.CandidateSite;
import org.yiyang.coverage.CandidateSource;
import org.yiyang.coverage.CoverageReport;
import org.yiyang.coverage.PlanComparison;
import org.yiyang.coverage.PlanDraft;
import org.yiyang.coverage.PlanningInstance;
import org.yiyang.coverage.SitePlan;
import org.yiyang.coverage.SiteSelector;
import org.yiyang.coverage.SitingPlan;
import org.yiyang.coverage.SitingPlanSummary;
import org.yiyang.coverage.SitingPlans;
import org.yiyang.region.Region;
import org.yiyang.region.RegionDirectory;
import org.yiyang.shared.CurrentUser;
import org.yiyang.shared.DataScope;
import org.yiyang.shared.GeoPoint;
import org.yiyang.shared.InputRejectedException;
import org.yiyang.shared.NotFoundException;
import org.yiyang.shared.PageQuery;
import org.yiyang.shared.PageResult;
import org.yiyang.shared.RegionCode;
import org.yiyang.shared.RegionLevel;
import org.yiyang.shared.RuleViolationException;
import org.yiyang.shared.ScopedPrincipal;
import org.yiyang.shared.Violations;

/**
 * Makes, keeps and compares site plans. Making one reads the current coverage of the region, asks
 * the {@link SiteSelector} (the planning module's optimiser) for the sites — outside any database
 * transaction, as it may take seconds — and stores the answer as it came, in one short transaction.
 */
@Service
class SitingPlanService implements SitingPlans {

    static final int TITLE_MAX = 100;
    /** At most this many listed sites are candidates of one plan. */
    static final int MAX_LISTED = 5_000;
    /** How long a plan waits for others being made before it is refused (429). */
    static final int WAIT_SECONDS = 30;

    private final Semaphore running = new Semaphore(Math.max(1, Runtime.getRuntime().availableProcessors() / 4));

    private final CoverageService coverage;
    private final CandidateSiteService candidates;
    private final SiteSelector selector;
    private final SitingPlanRepository plans;
    private final RegionDirectory regions;
    private final MessageSource messages;
    private final TransactionTemplate tx;
    private final TransactionTemplate readTx;

    SitingPlanService(CoverageService coverage, CandidateSiteService candidates, SiteSelector selector,
                      SitingPlanRepository plans, RegionDirectory regions, MessageSource messages,
                      PlatformTransactionManager transactions) {
        this.coverage = coverage;
        this.candidates = candidates;
        this.selector = selector;
        this.plans = plans;
        this.regions = regions;
        this.messages = messages;
        this.tx = new TransactionTemplate(transactions);
        this.readTx = new TransactionTemplate(transactions);
        this.readTx.setReadOnly(true);
    }

    @Override
    public long create(DataScope scope, PlanDraft draft) {
        CandidateSiteService.requireEditor();
        Violations v = new Violations();
        String title = null;
        if (draft.title() != null && !draft.title().isBlank()) {
            title = draft.title().strip();
            if (title.codePointCount(0, title.length()) > TITLE_MAX) {
                v.add("title", "field.too-long", TITLE_MAX);
            } else if (!Texts.printable(title, false)) {
                v.add("title", "coverage.site.text.invalid");
            }
        }
        Integer k = null;
        if (v.require("k", draft.k())) {
            try {
                k = Integer.parseInt(draft.k().trim());
            } catch (NumberFormatException e) {
                k = null;
            }
            if (k == null || k < 1 || k > MAX_K) {
                v.add("k", "coverage.plan.k.invalid", MAX_K);
            }
        }
        CandidateSource source = CandidateSource.LISTED;
        if (draft.source() != null && !draft.source().isBlank()) {
            try {
                source = CandidateSource.valueOf(draft.source().trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                v.add("source", "coverage.plan.source.invalid", draft.source());
            }
        }
        CoverageService.Ask ask = null;
        try {
            ask = coverage.ask(scope, draft.region(), draft.type());
        } catch (InputRejectedException e) {
            e.violations().forEach(fv -> v.add(fv.field(), fv.code(), fv.args()));
        }
        v.throwIfAny();

        Region region = ask.region();
        String prefix = region.code().prefix();
        List<CandidateSite> listed = new ArrayList<>();
        Map<String, CandidateSiteRepository.Row> listedByKey = new HashMap<>();
        if (source == CandidateSource.LISTED) {
            List<CandidateSiteRepository.Row> rows = readTx.execute(s -> candidates.inRegion(scope, prefix, MAX_LISTED + 1));
            if (rows.isEmpty()) {
                throw RuleViolationException.unprocessable("coverage.plan.no-listed-sites", region.name());
            }
            if (rows.size() > MAX_LISTED) {
                throw RuleViolationException.unprocessable("coverage.plan.too-many-listed", MAX_LISTED);
            }
            for (CandidateSiteRepository.Row row : rows) {
                CandidateSite c = CandidateSiteService.candidate(row);
                listed.add(c);
                listedByKey.put(c.id(), row);
            }
        }
        PlanningInstance instance = coverage.instance(scope, region.code().value(), ask.typeName(), listed);
        if (instance.demand().isEmpty()) {
            throw RuleViolationException.unprocessable("coverage.plan.nothing-uncovered", region.name());
        }
        SitePlan answer = select(instance, k);

        List<Region> communities = source == CandidateSource.GRID ? communitiesOf(prefix) : List.of();
        List<SitingPlanRepository.SiteRow> sites = new ArrayList<>();
        int rank = 0;
        for (SitePlan.Chosen chosen : answer.sites()) {
            rank++;
            CandidateSite c = chosen.site();
            CandidateSiteRepository.Row row = listedByKey.get(c.id());
            if (row != null) {
                sites.add(new SitingPlanRepository.SiteRow(rank, c.id(), row.id(), row.name(), row.address(), row.regionCode(),
                        row.location(), chosen.marginalGain(), chosen.newlyCovered()));
            } else {
                Region near = nearest(communities, c.location());
                sites.add(new SitingPlanRepository.SiteRow(rank, "h3:" + c.id(), null, null, null,
                        near == null ? null : near.code().value(), c.location(), chosen.marginalGain(), chosen.newlyCovered()));
            }
        }
        long coveredBefore = instance.coveredElders();
        double weightBefore = instance.coveredWeight();
        SitingPlan.Totals totals = SitingPlan.Totals.of(instance.regionElders(), coveredBefore, coveredBefore + answer.coveredElders(),
                instance.regionWeight(), weightBefore, weightBefore + answer.coveredWeight());
        CoverageReport.Circle circle = coverage.circle();
        ScopedPrincipal who = CurrentUser.principal().orElse(null);
        String finalTitle = title != null ? title : defaultTitle(region, ask.typeName(), k);
        SitingPlanRepository.Header header = new SitingPlanRepository.Header(0, finalTitle, region.code().value(), ask.typeName(), k,
                source, answer.method(), instance.candidates().size(),
                new SitingPlan.Rules(circle.travelModel(), circle.urbanMinutes(), circle.villageMeters()), totals,
                who == null ? "system" : who.username(), who == null ? "system" : who.displayName(), null, sites.size());
        return tx.execute(s -> plans.insert(header, sites));
    }

    /** The selector uses every core: plans wait for each other (a while), rather than share the machine. */
    private SitePlan select(PlanningInstance instance, int k) {
        boolean acquired;
        try {
            acquired = running.tryAcquire(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            acquired = false;
        }
        if (!acquired) {
            throw new RuleViolationException("coverage.plan.busy", 429);
        }
        try {
            return selector.select(instance, k);
        } finally {
            running.release();
        }
    }

    private String defaultTitle(Region region, String type, int k) {
        Locale locale = LocaleContextHolder.getLocale();
        String typeLabel = messages.getMessage("ANY".equals(type) ? "coverage.type.ANY" : "facility.type." + type, null, type, locale);
        return messages.getMessage("coverage.plan.default-title", new Object[] {region.name(), typeLabel, k}, locale);
    }

    private List<Region> communitiesOf(String prefix) {
        return regions.ofLevel(RegionLevel.COMMUNITY).stream()
                .filter(r -> r.code().value().startsWith(prefix) && r.centroid() != null).toList();
    }

    private static Region nearest(List<Region> communities, GeoPoint at) {
        Region best = null;
        double bestMeters = Double.MAX_VALUE;
        for (Region r : communities) {
            double d = at.distanceMeters(r.centroid());
            if (d < bestMeters) {
                bestMeters = d;
                best = r;
            }
        }
        return best;
    }

    @Override
    public SitingPlan get(DataScope scope, long id) {
        return readTx.execute(s -> {
            SitingPlanRepository.Header h = plans.find(scope, id).orElseThrow(() -> new NotFoundException("coverage.plan.not-found", id));
            return plan(h, plans.sites(id));
        });
    }

    @Override
    public PageResult<SitingPlanSummary> list(DataScope scope, String region, PageQuery page) {
        String prefix = CandidateSiteService.regionFilter(region);
        return readTx.execute(s -> {
            List<SitingPlanSummary> items = plans.list(scope, prefix, page.size(), page.offset()).stream().map(this::summary).toList();
            return new PageResult<>(items, page.page(), page.size(), plans.count(scope, prefix));
        });
    }

    @Override
    public void delete(DataScope scope, long id) {
        CandidateSiteService.requireEditor();
        tx.executeWithoutResult(s -> {
            if (plans.delete(scope, id) == 0) {
                throw new NotFoundException("coverage.plan.not-found", id);
            }
        });
    }

    @Override
    public PlanComparison compare(DataScope scope, List<Long> ids) {
        List<Long> distinct = ids == null || ids.contains(null) ? List.of() : new ArrayList<>(new LinkedHashSet<>(ids));
        if (distinct.size() < 2 || distinct.size() > 4 || distinct.size() != ids.size()) {
            throw InputRejectedException.of("ids", "coverage.compare.count");
        }
        List<SitingPlan> all = distinct.stream().map(id -> get(scope, id)).toList();
        Map<String, PlanComparison.ComparedSite> byKey = new LinkedHashMap<>();
        Map<String, Integer[]> ranks = new LinkedHashMap<>();
        Map<String, Double[]> gains = new LinkedHashMap<>();
        Map<String, SitingPlan.Site> first = new LinkedHashMap<>();
        for (int p = 0; p < all.size(); p++) {
            for (SitingPlan.Site site : all.get(p).sites()) {
                first.putIfAbsent(site.key(), site);
                ranks.computeIfAbsent(site.key(), k -> new Integer[all.size()])[p] = site.rank();
                gains.computeIfAbsent(site.key(), k -> new Double[all.size()])[p] = site.marginalGain();
            }
        }
        for (Map.Entry<String, SitingPlan.Site> e : first.entrySet()) {
            SitingPlan.Site s = e.getValue();
            byKey.put(e.getKey(), PlanComparison.ComparedSite.of(s.key(), s.name(), s.regionCode(), s.regionName(), s.location(),
                    java.util.Arrays.asList(ranks.get(e.getKey())), java.util.Arrays.asList(gains.get(e.getKey()))));
        }
        List<PlanComparison.ComparedSite> sites = new ArrayList<>(byKey.values());
        // shared sites first (chosen by the most plans), then in the order the first plan chose them
        sites.sort(java.util.Comparator.comparingInt(PlanComparison.ComparedSite::chosenBy).reversed());
        List<SitingPlanSummary> summaries = all.stream().map(SitingPlanService::summary).toList();
        return PlanComparison.of(summaries, sites);
    }

    private SitingPlan plan(SitingPlanRepository.Header h, List<SitingPlanRepository.SiteRow> rows) {
        List<SitingPlan.Site> sites = rows.stream().map(r -> new SitingPlan.Site(r.rank(), r.key(), r.candidateSiteId(), r.name(),
                r.address(), r.regionCode(), r.regionCode() == null ? null : regionName(r.regionCode()), r.location(),
                r.marginalGain(), r.newlyCovered())).toList();
        return new SitingPlan(h.id(), h.title(), h.regionCode(), regionName(h.regionCode()), h.type(), h.k(), h.source(), h.method(),
                h.candidates(), h.rules(), h.totals(), h.createdBy(), h.createdByName(), h.createdAt(), sites);
    }

    private SitingPlanSummary summary(SitingPlanRepository.Header h) {
        return new SitingPlanSummary(h.id(), h.title(), h.regionCode(), regionName(h.regionCode()), h.type(), h.k(), h.source(),
                h.siteCount(), h.totals(), h.createdByName(), h.createdAt());
    }

    private static SitingPlanSummary summary(SitingPlan p) {
        return new SitingPlanSummary(p.id(), p.title(), p.regionCode(), p.regionName(), p.type(), p.k(), p.source(),
                p.sites().size(), p.totals(), p.createdByName(), p.createdAt());
    }

    private String regionName(String code) {
        return RegionCode.isWellFormed(code) ? regions.find(RegionCode.of(code)).map(Region::name).orElse(code) : code;
    }
}
