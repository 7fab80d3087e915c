package org.yiyang.coverage.web;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.yiyang.coverage.CoverageReport;
import org.yiyang.coverage.CoverageRow;
import org.yiyang.coverage.FacilityGap;
import org.yiyang.coverage.HexMap;
import org.yiyang.coverage.ServiceCoverage;
import org.yiyang.coverage.UncoveredElder;
import org.yiyang.provider.FacilityShortfall;
import org.yiyang.provider.FacilityType;
import org.yiyang.region.Region;
import org.yiyang.region.RegionDirectory;
import org.yiyang.shared.CurrentUser;
import org.yiyang.shared.DataScope;
import org.yiyang.shared.PageQuery;
import org.yiyang.shared.PageResult;
import org.yiyang.shared.RegionCode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The supervisors' coverage page: the region and its child regions (drill down), a facility type,
 * weighted or not, the hexagon heat map of uncovered elders, the uncovered elders themselves and
 * the facilities below standard.
 */
@Controller
class CoverageConsoleController {

    static final int UNCOVERED_PAGE = 20;

    private final ServiceCoverage coverage;
    private final RegionDirectory regions;
    private final MessageSource messages;
    private final JsonMapper json;
    private final String tileUrl;
    private final String tileAttribution;

    CoverageConsoleController(ServiceCoverage coverage, RegionDirectory regions, MessageSource messages, JsonMapper json,
                              @Value("${yiyang.map.tile-url:}") String tileUrl,
                              @Value("${yiyang.map.tile-attribution:}") String tileAttribution) {
        this.coverage = coverage;
        this.regions = regions;
        this.messages = messages;
        this.json = json;
        this.tileUrl = tileUrl;
        this.tileAttribution = tileAttribution;
    }

    record RowView(String code, String name, long elders, long covered, long uncovered, String share, int bar,
                   String weightedShare, boolean drillable) {
    }

    record ElderView(long id, String name, int age, String community, String categories, String weight, String nearest) {
    }

    record GapView(long id, String name, String type, String region, String lacks, String source) {
    }

    record Crumb(String code, String name) {
    }

    @GetMapping("/coverage")
    String page(@RequestParam(required = false) String region, @RequestParam(required = false) String type,
                @RequestParam(defaultValue = "false") boolean weighted, @RequestParam(defaultValue = "0") int upage,
                Model model) {
        DataScope scope = CurrentUser.scope();
        String t = knownType(type);
        CoverageReport report = coverage.report(scope, region, t, weighted);
        String code = report.regionCode();
        PageResult<UncoveredElder> uncovered = coverage.uncovered(scope, code, t, PageQuery.of(Math.max(0, upage), UNCOVERED_PAGE));
        HexMap hexes = coverage.hexes(scope, code, t);
        PageResult<FacilityGap> gaps = coverage.belowStandard(scope, code, t, PageQuery.of(0, 100));

        model.addAttribute("report", report);
        model.addAttribute("total", row(report.total(), weighted, false));
        model.addAttribute("rows", report.children().stream().map(r -> row(r, weighted, true)).toList());
        model.addAttribute("type", t);
        model.addAttribute("types", FacilityType.values());
        model.addAttribute("weighted", weighted);
        model.addAttribute("crumbs", crumbs(scope, code));
        model.addAttribute("circleText", circleText(report.circle()));
        model.addAttribute("computedAt", DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
                .withZone(ZoneId.of("Asia/Shanghai")).format(report.computedAt()));
        model.addAttribute("uncovered", uncovered.map(this::elder));
        model.addAttribute("gaps", gaps.map(this::gap));
        model.addAttribute("mapJson", mapJson(hexes));
        model.addAttribute("tileUrl", tileUrl);
        model.addAttribute("tileAttribution", tileAttribution);
        return "coverage/page";
    }

    private static String knownType(String type) {
        if (type == null) return "ANY";
        for (FacilityType t : FacilityType.values()) {
            if (t.name().equalsIgnoreCase(type.trim())) return t.name();
        }
        return "ANY";
    }

    private RowView row(CoverageRow r, boolean weighted, boolean drillable) {
        return new RowView(r.regionCode(), r.name(), r.elders(), r.covered(), r.elders() - r.covered(), percent(r.share()),
                (int) Math.round(r.share() * 100), weighted && r.weightedShare() != null ? percent(r.weightedShare()) : null,
                drillable && r.elders() > 0 && r.level().ordinal() < org.yiyang.shared.RegionLevel.COMMUNITY.ordinal());
    }

    private static String percent(double share) {
        return new DecimalFormat("0.0").format(share * 100) + "%";
    }

    private List<Crumb> crumbs(DataScope scope, String code) {
        return regions.path(RegionCode.of(code)).stream()
                .filter(r -> scope.covers(r.code()))
                .map(r -> new Crumb(r.code().value(), r.name())).toList();
    }

    private String circleText(CoverageReport.Circle c) {
        DecimalFormat n = new DecimalFormat("0.##");
        String rules = text("coverage.intro", n.format(c.urbanMinutes()), n.format(c.villageMeters()));
        String travel = text("coverage.travel." + c.travelModel(), n.format(c.detourFactor()), n.format(c.walkingSpeedKmh()));
        return rules + " " + travel;
    }

    private ElderView elder(UncoveredElder e) {
        List<String> cats = new ArrayList<>();
        e.categories().forEach(c -> cats.add(text(c.messageKey())));
        if (e.advancedAge()) cats.add(text("coverage.uncovered.advanced-age"));
        String nearest = e.nearestFacilityMeters() == null ? text("coverage.uncovered.nearest.far")
                : text("coverage.uncovered.nearest.value", new DecimalFormat("#,##0").format(e.nearestFacilityMeters()));
        return new ElderView(e.elderId(), e.name(), e.age(), e.communityName(), String.join("、", cats),
                new DecimalFormat("0.#").format(e.weight()), nearest);
    }

    private GapView gap(FacilityGap g) {
        List<String> parts = new ArrayList<>();
        for (FacilityShortfall s : g.shortfalls()) {
            String measure = s.measure() == FacilityShortfall.Measure.AREA ? "area" : "beds";
            parts.add(s.actual() == null ? text("facility.lacks." + measure + "-missing", number(s.required()))
                    : text("facility.lacks." + measure, number(s.actual()), number(s.required())));
        }
        String region = regions.find(RegionCode.of(g.regionCode())).map(Region::name).orElse(g.regionCode());
        return new GapView(g.facilityId(), g.name(), text(g.type().messageKey()), region,
                String.join(text("facility.lacks.separator"), parts), g.standardSource());
    }

    private static String number(BigDecimal v) {
        return new DecimalFormat("#,##0.#").format(v);
    }

    private String mapJson(HexMap map) {
        long max = map.cells().stream().mapToLong(HexMap.Cell::uncovered).max().orElse(0);
        long a = Math.max(1, Math.round(max / 4.0));
        long b = Math.max(a + 1, Math.round(max / 2.0));
        List<Map<String, Object>> cells = new ArrayList<>(map.cells().size());
        for (HexMap.Cell c : map.cells()) {
            List<double[]> ring = c.boundary().stream().map(p -> new double[] {p.lat(), p.lng()}).toList();
            Map<String, Object> m = new HashMap<>();
            m.put("b", ring);
            m.put("e", c.elders());
            m.put("u", c.uncovered());
            m.put("t", text("coverage.map.cell", c.elders(), c.uncovered()));
            cells.add(m);
        }
        List<Map<String, Object>> sites = map.facilities().stream().map(s -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("lat", s.location().lat());
            m.put("lng", s.location().lng());
            m.put("name", s.name());
            m.put("type", text(s.type().messageKey()));
            m.put("colour", s.type().colour());
            return m;
        }).toList();
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("cells", cells);
        root.put("facilities", sites);
        root.put("breaks", List.of(a, b));
        root.put("legend", List.of(text("coverage.map.legend.none"), text("coverage.map.legend.few", a),
                text("coverage.map.legend.some", a + 1, b), text("coverage.map.legend.many", b)));
        // safe inside <script type="application/json">
        return json.writeValueAsString(root).replace("</", "<\\/");
    }

    private String text(String key, Object... args) {
        Locale locale = LocaleContextHolder.getLocale();
        return messages.getMessage(key, args, key, locale);
    }
}
