package org.yiyang.coverage.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yiyang.coverage.CandidateSites;
import org.yiyang.coverage.CandidateSource;
import org.yiyang.coverage.HexMap;
import org.yiyang.coverage.PlanComparison;
import org.yiyang.coverage.PlanDraft;
import org.yiyang.coverage.ServiceCoverage;
import org.yiyang.coverage.SitingPlan;
import org.yiyang.coverage.SitingPlanSummary;
import org.yiyang.coverage.SitingPlans;
import org.yiyang.provider.FacilityType;
import org.yiyang.region.Region;
import org.yiyang.shared.CurrentUser;
import org.yiyang.shared.FormErrors;
import org.yiyang.shared.InputRejectedException;
import org.yiyang.shared.PageQuery;
import org.yiyang.shared.PageResult;
import org.yiyang.shared.RuleViolationException;
import org.yiyang.shared.ScriptJson;
import tools.jackson.databind.json.JsonMapper;

/**
 * The console's site plans: make one (region, type, K, candidates, title), see it on a map with the
 * marginal gain of each site, list them, compare two to four, download them, delete them.
 */
@Controller
class SitingPlanConsoleController {

    static final int PAGE = 20;

    private final SitingPlans plans;
    private final CandidateSites sites;
    private final ServiceCoverage coverage;
    private final PlanningViews views;
    private final PlanFiles files;
    private final MessageSource messages;
    private final JsonMapper json;
    private final String tileUrl;
    private final String tileAttribution;

    SitingPlanConsoleController(SitingPlans plans, CandidateSites sites, ServiceCoverage coverage, PlanningViews views,
                                PlanFiles files, MessageSource messages, JsonMapper json,
                                @Value("${yiyang.map.tile-url:}") String tileUrl,
                                @Value("${yiyang.map.tile-attribution:}") String tileAttribution) {
        this.plans = plans;
        this.sites = sites;
        this.coverage = coverage;
        this.views = views;
        this.files = files;
        this.messages = messages;
        this.json = json;
        this.tileUrl = tileUrl;
        this.tileAttribution = tileAttribution;
    }

    record PlanForm(String title, String region, String type, String k, String source) {
        PlanDraft draft() {
            return new PlanDraft(title, region, type, k, source);
        }
    }

    record SummaryView(long id, String title, String region, String type, int k, String source, int sites, String before,
                       String after, String gain, String by, String at) {
    }

    record SiteView(int rank, String key, String name, String address, String community, String gain, int gainBar,
                    String newly, String cumulative, Long candidateSiteId) {
    }

    private SummaryView summary(SitingPlanSummary p) {
        return new SummaryView(p.id(), p.title(), p.regionName(), views.typeLabel(p.type()), p.k(), views.text(p.source().messageKey()),
                p.sites(), PlanningViews.percent(p.totals().shareBefore()), PlanningViews.percent(p.totals().shareAfter()),
                PlanningViews.weight(p.totals().gain()), p.createdByName(), views.when(p.createdAt()));
    }

    @GetMapping("/coverage/plans")
    String list(@RequestParam(required = false) String region, @RequestParam(defaultValue = "0") int page, Model model) {
        String r = region == null || region.isBlank() ? null : region.trim();
        PageResult<SitingPlanSummary> result;
        try {
            result = plans.list(CurrentUser.scope(), r, PageQuery.of(Math.max(0, page), PAGE));
        } catch (InputRejectedException e) {
            r = null;
            result = plans.list(CurrentUser.scope(), null, PageQuery.of(0, PAGE));
        }
        model.addAttribute("region", r == null ? "" : r);
        model.addAttribute("regions", views.planRegions());
        model.addAttribute("result", result.map(this::summary));
        model.addAttribute("mayEdit", sites.mayEdit());
        return "coverage/plans";
    }

    @GetMapping("/coverage/plans/new")
    String createForm(@RequestParam(required = false) String region, @RequestParam(required = false) String type, Model model) {
        requireEditor();
        Region home = views.home();
        String r = region != null && !region.isBlank() ? region : home == null ? "" : home.code().value();
        String t = type == null || type.isBlank() ? FacilityType.COMMUNITY_STATION.name() : type;
        long listed = sites.search(CurrentUser.scope(), null, r.isEmpty() ? null : r, PageQuery.of(0, 1)).total();
        String source = listed > 0 ? CandidateSource.LISTED.name() : CandidateSource.GRID.name();
        return form(model, new PlanForm("", r, t, "5", source), FormErrors.none(), null);
    }

    @PostMapping("/coverage/plans")
    String create(@ModelAttribute PlanForm form, Model model) {
        try {
            long id = plans.create(CurrentUser.scope(), form.draft());
            return "redirect:/coverage/plans/" + id;
        } catch (InputRejectedException e) {
            return form(model, form, FormErrors.of(e.violations(), messages), null);
        } catch (RuleViolationException e) {
            return form(model, form, FormErrors.none(), messages.getMessage(e.code(), e.args(), e.code(),
                    org.springframework.context.i18n.LocaleContextHolder.getLocale()));
        }
    }

    private String form(Model model, PlanForm form, FormErrors errors, String refused) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("otherErrors", errors.otherThan(List.of("title", "region", "type", "k", "source")));
        model.addAttribute("refused", refused);
        model.addAttribute("regions", views.planRegions(form.region()));
        model.addAttribute("types", FacilityType.values());
        model.addAttribute("sources", CandidateSource.values());
        model.addAttribute("maxK", SitingPlans.MAX_K);
        return "coverage/plan-form";
    }

    @GetMapping("/coverage/plans/{id:\\d{1,18}}")
    String show(@PathVariable long id, Model model) {
        SitingPlan plan = plans.get(CurrentUser.scope(), id);
        SitingPlan.Totals t = plan.totals();
        double maxGain = plan.sites().stream().mapToDouble(SitingPlan.Site::marginalGain).max().orElse(0);
        List<SiteView> rows = new ArrayList<>();
        long covered = t.coveredBefore();
        for (SitingPlan.Site s : plan.sites()) {
            covered += s.newlyCovered();
            rows.add(new SiteView(s.rank(), s.key(), views.siteName(s), s.address() == null ? "" : s.address(),
                    s.regionName() == null ? "" : s.regionName(), PlanningViews.weight(s.marginalGain()),
                    maxGain <= 0 ? 0 : (int) Math.round(s.marginalGain() * 100 / maxGain), PlanningViews.count(s.newlyCovered()),
                    PlanningViews.percent(t.elders() == 0 ? 0 : (double) covered / t.elders()), s.candidateSiteId()));
        }
        model.addAttribute("plan", plan);
        model.addAttribute("typeLabel", views.typeLabel(plan.type()));
        model.addAttribute("sourceLabel", views.text(plan.source().messageKey()));
        model.addAttribute("methodLabel", views.text("coverage.plan.method." + plan.method()));
        model.addAttribute("rules", files.rules(plan.rules()));
        model.addAttribute("createdAt", views.when(plan.createdAt()));
        model.addAttribute("rows", rows);
        model.addAttribute("shareBefore", PlanningViews.percent(t.shareBefore()));
        model.addAttribute("shareAfter", PlanningViews.percent(t.shareAfter()));
        model.addAttribute("weightedBefore", PlanningViews.percent(t.weightedShareBefore()));
        model.addAttribute("weightedAfter", PlanningViews.percent(t.weightedShareAfter()));
        model.addAttribute("coveredBefore", PlanningViews.count(t.coveredBefore()));
        model.addAttribute("coveredAfter", PlanningViews.count(t.coveredAfter()));
        model.addAttribute("elders", PlanningViews.count(t.elders()));
        model.addAttribute("newly", PlanningViews.count(t.newlyCovered()));
        model.addAttribute("gain", PlanningViews.weight(t.gain()));
        model.addAttribute("mayEdit", sites.mayEdit());
        model.addAttribute("mapJson", mapJson(plan));
        model.addAttribute("tileUrl", tileUrl);
        model.addAttribute("tileAttribution", tileAttribution);
        return "coverage/plan";
    }

    /** The chosen sites, and — for where they are — the region's uncovered elders by hexagon and its facilities of the type. */
    private String mapJson(SitingPlan plan) {
        Map<String, Object> root = new LinkedHashMap<>(views.planMap(plan));
        HexMap hexes = coverage.hexes(CurrentUser.scope(), plan.regionCode(), plan.type());
        List<Map<String, Object>> cells = new ArrayList<>();
        for (HexMap.Cell c : hexes.cells()) {
            if (c.uncovered() == 0) continue;
            cells.add(Map.of("b", c.boundary().stream().map(p -> new double[] {p.lat(), p.lng()}).toList(), "u", c.uncovered()));
        }
        long max = hexes.cells().stream().mapToLong(HexMap.Cell::uncovered).max().orElse(0);
        root.put("cells", cells);
        root.put("max", max);
        root.put("facilities", hexes.facilities().stream().map(f -> Map.of("lat", f.location().lat(), "lng", f.location().lng(),
                "text", f.name() + " · " + views.text(f.type().messageKey()))).toList());
        return ScriptJson.safe(json.writeValueAsString(root));
    }

    @PostMapping("/coverage/plans/{id:\\d{1,18}}/delete")
    String delete(@PathVariable long id, RedirectAttributes redirect) {
        SitingPlan plan = plans.get(CurrentUser.scope(), id);
        plans.delete(CurrentUser.scope(), id);
        redirect.addFlashAttribute("deleted", plan.title());
        return "redirect:/coverage/plans";
    }

    @GetMapping("/coverage/plans/{id:\\d{1,18}}/export")
    ResponseEntity<byte[]> export(@PathVariable long id, @RequestParam(required = false) String format) {
        SitingPlan plan = plans.get(CurrentUser.scope(), id);
        try {
            return files.download(plan, format);
        } catch (InputRejectedException e) {
            return files.download(plan, "csv");
        }
    }

    record CompareRow(String label, List<String> values, boolean emphasis) {
    }

    record CompareSite(String name, String community, List<String> ranks, boolean shared) {
    }

    @GetMapping("/coverage/plans/compare")
    String compare(@RequestParam(required = false) List<Long> ids, Model model, RedirectAttributes redirect) {
        PlanComparison c;
        try {
            c = plans.compare(CurrentUser.scope(), ids == null ? List.of() : ids);
        } catch (InputRejectedException e) {
            redirect.addFlashAttribute("compareError", views.text("coverage.compare.count"));
            return "redirect:/coverage/plans";
        }
        List<SitingPlanSummary> ps = c.plans();
        List<CompareRow> rows = new ArrayList<>();
        rows.add(row("coverage.plan.region", ps, p -> p.regionName(), false));
        rows.add(row("coverage.plan.type", ps, p -> views.typeLabel(p.type()), false));
        rows.add(row("coverage.plan.source", ps, p -> views.text(p.source().messageKey()), false));
        rows.add(row("coverage.plan.k", ps, p -> String.valueOf(p.k()), false));
        rows.add(row("coverage.plan.sites-chosen", ps, p -> String.valueOf(p.sites()), false));
        rows.add(row("coverage.plan.covered-before", ps, p -> PlanningViews.count(p.totals().coveredBefore()), false));
        rows.add(row("coverage.plan.covered-after", ps, p -> PlanningViews.count(p.totals().coveredAfter()), true));
        rows.add(row("coverage.plan.newly", ps, p -> PlanningViews.count(p.totals().newlyCovered()), false));
        rows.add(row("coverage.plan.share-after", ps, p -> PlanningViews.percent(p.totals().shareBefore()) + " → "
                + PlanningViews.percent(p.totals().shareAfter()), true));
        rows.add(row("coverage.plan.weighted-share-after", ps, p -> PlanningViews.percent(p.totals().weightedShareBefore()) + " → "
                + PlanningViews.percent(p.totals().weightedShareAfter()), false));
        rows.add(row("coverage.plan.gain", ps, p -> PlanningViews.weight(p.totals().gain()), true));
        List<String> sharedCounts = new ArrayList<>();
        for (int i = 0; i < ps.size(); i++) {
            int plan = i;
            sharedCounts.add(String.valueOf(c.sites().stream().filter(s -> s.shared() && s.ranks().get(plan) != null).count()));
        }
        rows.add(new CompareRow(views.text("coverage.compare.shared-count"), sharedCounts, false));
        List<CompareSite> sitesView = c.sites().stream().map(s -> new CompareSite(views.siteName(s.name(), s.regionName()),
                s.regionName() == null ? "" : s.regionName(),
                s.ranks().stream().map(r -> r == null ? "—" : String.valueOf(r)).toList(), s.shared())).toList();
        model.addAttribute("plans", ps.stream().map(this::summary).toList());
        model.addAttribute("rows", rows);
        model.addAttribute("sites", sitesView);
        model.addAttribute("shared", c.sharedSites());
        return "coverage/compare";
    }

    private CompareRow row(String key, List<SitingPlanSummary> ps, java.util.function.Function<SitingPlanSummary, String> f,
                           boolean emphasis) {
        return new CompareRow(views.text(key), ps.stream().map(f).toList(), emphasis);
    }

    private void requireEditor() {
        if (!sites.mayEdit()) {
            throw new AccessDeniedException("site planning is for the bureau");
        }
    }
}
