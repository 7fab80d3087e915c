package org.yiyang.coverage.web;

import java.text.DecimalFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.yiyang.coverage.SitingPlan;
import org.yiyang.region.Region;
import org.yiyang.region.RegionDirectory;
import org.yiyang.shared.CurrentUser;
import org.yiyang.shared.DataScope;
import org.yiyang.shared.RegionCode;
import org.yiyang.shared.RegionLevel;

/** What the site-planning pages show, made from the module's records: choices, labels, numbers. */
@Component
class PlanningViews {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.of("Asia/Shanghai"));

    private final RegionDirectory regions;
    private final MessageSource messages;

    PlanningViews(RegionDirectory regions, MessageSource messages) {
        this.regions = regions;
        this.messages = messages;
    }

    record RegionOption(String code, String label, Double lat, Double lng) {
    }

    record RegionGroup(String label, List<RegionOption> options) {
    }

    /** The caller's own region. */
    Region home() {
        if (CurrentUser.scope() instanceof DataScope.Region r) {
            return regions.find(RegionCode.of((r.prefix() + "000000000000").substring(0, 12))).orElse(null);
        }
        return null;
    }

    /** Regions a plan can be made for: the caller's own, and below it down to the towns (indented by level). */
    List<RegionOption> planRegions() {
        Region home = home();
        List<RegionOption> out = new ArrayList<>();
        if (home == null) return out;
        addDown(home, 0, out);
        return out;
    }

    /** The plan regions, and {@code wanted} too (a community, say) when it is within the caller's region. */
    List<RegionOption> planRegions(String wanted) {
        List<RegionOption> out = planRegions();
        if (wanted != null && RegionCode.isWellFormed(wanted.trim()) && out.stream().noneMatch(o -> o.code().equals(wanted.trim()))
                && CurrentUser.scope().covers(RegionCode.of(wanted.trim()))) {
            regions.find(RegionCode.of(wanted.trim())).ifPresent(r -> out.add(new RegionOption(r.code().value(),
                    regions.path(r.code()).stream().filter(p -> CurrentUser.scope().covers(p.code())).map(Region::name)
                            .collect(java.util.stream.Collectors.joining(" · ")), null, null)));
        }
        return out;
    }

    private void addDown(Region r, int depth, List<RegionOption> out) {
        out.add(new RegionOption(r.code().value(), "\u3000".repeat(depth) + r.name(), null, null));
        if (r.level().ordinal() < RegionLevel.TOWN.ordinal()) {
            for (Region child : regions.children(r.code())) {
                addDown(child, depth + 1, out);
            }
        }
    }

    /** Communities (and towns themselves) within the caller's region, grouped by town: where a listed site is. */
    List<RegionGroup> siteRegions() {
        Region home = home();
        List<RegionGroup> groups = new ArrayList<>();
        if (home == null) return groups;
        List<Region> towns = new ArrayList<>();
        collectTowns(home, towns);
        for (Region town : towns) {
            List<RegionOption> options = new ArrayList<>();
            options.add(option(town, town.name() + text("coverage.site.town-itself")));
            for (Region c : regions.children(town.code())) {
                options.add(option(c, c.name()));
            }
            String county = town.parentCode() == null ? "" : regions.find(town.parentCode()).map(Region::name).orElse("");
            groups.add(new RegionGroup((county + " " + town.name()).strip(), options));
        }
        if (home.level() == RegionLevel.COMMUNITY) {
            groups.add(new RegionGroup(home.name(), List.of(option(home, home.name()))));
        }
        return groups;
    }

    private void collectTowns(Region r, List<Region> towns) {
        if (r.level() == RegionLevel.TOWN) {
            towns.add(r);
        } else if (r.level().ordinal() < RegionLevel.TOWN.ordinal()) {
            for (Region child : regions.children(r.code())) {
                collectTowns(child, towns);
            }
        }
    }

    private static RegionOption option(Region r, String label) {
        return new RegionOption(r.code().value(), label, r.centroid() == null ? null : r.centroid().lat(),
                r.centroid() == null ? null : r.centroid().lng());
    }

    String typeLabel(String type) {
        return "ANY".equals(type) ? text("coverage.type.ANY") : text("facility.type." + type);
    }

    String when(Instant at) {
        return at == null ? "" : WHEN.format(at);
    }

    static String percent(double share) {
        return new DecimalFormat("0.0").format(share * 100) + "%";
    }

    static String weight(double w) {
        return new DecimalFormat("#,##0.#").format(w);
    }

    static String count(long n) {
        return new DecimalFormat("#,##0").format(n);
    }

    String siteName(SitingPlan.Site s) {
        if (s.name() != null) return s.name();
        return s.regionName() == null ? text("coverage.plan.grid-site.plain") : text("coverage.plan.grid-site", s.regionName());
    }

    String siteName(String name, String regionName) {
        if (name != null) return name;
        return regionName == null ? text("coverage.plan.grid-site.plain") : text("coverage.plan.grid-site", regionName);
    }

    /** Map data: the chosen sites (number, name as plain text, what each adds). */
    Map<String, Object> planMap(SitingPlan plan) {
        List<Map<String, Object>> sites = new ArrayList<>();
        for (SitingPlan.Site s : plan.sites()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("rank", s.rank());
            m.put("lat", s.location().lat());
            m.put("lng", s.location().lng());
            m.put("name", siteName(s));
            m.put("text", text("coverage.plan.map.site", s.rank(), siteName(s), weight(s.marginalGain()), s.newlyCovered()));
            sites.add(m);
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("sites", sites);
        return root;
    }

    String text(String key, Object... args) {
        Locale locale = LocaleContextHolder.getLocale();
        return messages.getMessage(key, args, key, locale);
    }
}
