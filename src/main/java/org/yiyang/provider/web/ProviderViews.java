package org.yiyang.provider.web;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.yiyang.provider.Facility;
import org.yiyang.provider.FacilityShortfall;
import org.yiyang.provider.FacilityStandard;
import org.yiyang.provider.FacilityType;
import org.yiyang.provider.ProviderOrganisation;
import org.yiyang.region.Region;
import org.yiyang.region.RegionDirectory;
import org.yiyang.shared.CurrentUser;
import org.yiyang.shared.DataScope;
import org.yiyang.shared.RegionCode;
import org.yiyang.shared.RegionLevel;

/**
 * Turns organisations and facilities into what pages and the API show: labels, region names and
 * the standard status in words ("建筑面积 1,200 m²，低于标准 1,500 m²；床位 30 张，低于标准 50 张").
 */
@Component
class ProviderViews {

    private final MessageSource messages;
    private final RegionDirectory regions;

    ProviderViews(MessageSource messages, RegionDirectory regions) {
        this.messages = messages;
        this.regions = regions;
    }

    record FacilityView(long id, String name, FacilityType type, String typeLabel, String colour, String regionCode,
                        String regionName, String address, double lat, double lng, String area, String beds,
                        String openingHours, String phone, Long providerId, String providerName, String status,
                        boolean below, String lacks, String rule, String ruleSource) {
    }

    record OrganisationView(long id, String name, String uscc, String kind, String regionCode, String regionName,
                            String address, String contactName, String contactPhone, String status, String statusCode,
                            int facilityCount) {
    }

    /** One option of a region select, grouped by its street or town. */
    record RegionOption(String code, String label, Double lat, Double lng) {
    }

    record RegionGroup(String label, List<RegionOption> options) {
    }

    FacilityView facility(Facility f) {
        FacilityStandard rule = f.standard().rule();
        return new FacilityView(f.id(), f.name(), f.type(), text(f.type().messageKey()), f.type().colour(),
                f.regionCode().value(), regionName(f.regionCode()), f.address(), f.location().lat(), f.location().lng(),
                f.size().floorAreaM2() == null ? null : number(f.size().floorAreaM2()) + " m²",
                f.size().beds() == null ? null : number(BigDecimal.valueOf(f.size().beds())),
                f.openingHours(), f.phone(), f.providerId(), f.providerName(), text(f.status().messageKey()),
                f.belowStandard(), lacks(f.standard().shortfalls()), rule == null ? null : rule(rule),
                rule == null ? null : rule.source());
    }

    OrganisationView organisation(ProviderOrganisation o) {
        return new OrganisationView(o.id(), o.name(), o.uscc().value(), text(o.kind().messageKey()), o.regionCode().value(),
                regionName(o.regionCode()), o.address(), o.contactName(), o.contactPhone(), text(o.status().messageKey()),
                o.status().name(), o.facilityCount());
    }

    /** "建筑面积 1,200 m²，低于标准 1,500 m²；床位 30 张，低于标准 50 张", or null when nothing is lacking. */
    String lacks(List<FacilityShortfall> shortfalls) {
        if (shortfalls.isEmpty()) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        for (FacilityShortfall s : shortfalls) {
            parts.add(shortfall(s));
        }
        return String.join(text("facility.lacks.separator"), parts);
    }

    String shortfall(FacilityShortfall s) {
        String measure = s.measure() == FacilityShortfall.Measure.AREA ? "area" : "beds";
        return s.actual() == null
                ? text("facility.lacks." + measure + "-missing", number(s.required()))
                : text("facility.lacks." + measure, number(s.actual()), number(s.required()));
    }

    /** "建筑面积 ≥ 1,500 m²，床位 ≥ 50 张". */
    String rule(FacilityStandard rule) {
        List<String> parts = new ArrayList<>();
        if (rule.minAreaM2() != null) parts.add(text("facility.rule.area", number(rule.minAreaM2())));
        if (rule.minBeds() != null) parts.add(text("facility.rule.beds", number(BigDecimal.valueOf(rule.minBeds()))));
        return String.join(text("facility.rule.separator"), parts);
    }

    String regionName(RegionCode code) {
        return regions.find(code).map(Region::name).orElse(code.value());
    }

    /** The full name below the city, e.g. "华龙区 胜利路街道 幸福社区". */
    String regionPath(RegionCode code) {
        return String.join(" ", regions.path(code).stream()
                .filter(r -> r.level().ordinal() >= RegionLevel.COUNTY.ordinal()).map(Region::name).toList());
    }

    /** Regions a form may offer: counties and towns (organisations) or towns and communities (facilities), within the user's region. */
    List<RegionGroup> regionChoices(boolean withCommunities) {
        DataScope scope = CurrentUser.scope();
        List<RegionGroup> groups = new ArrayList<>();
        for (Region county : regions.ofLevel(RegionLevel.COUNTY)) {
            if (scope instanceof DataScope.Region r && !county.code().value().startsWith(r.prefix())
                    && !r.prefix().startsWith(county.code().prefix())) {
                continue;
            }
            if (!withCommunities) {
                List<RegionOption> options = new ArrayList<>();
                if (scope.covers(county.code()) || !(scope instanceof DataScope.Region)) {
                    options.add(option(county, county.name()));
                }
                for (Region town : regions.children(county.code())) {
                    if (!(scope instanceof DataScope.Region) || scope.covers(town.code())) {
                        options.add(option(town, county.name() + " " + town.name()));
                    }
                }
                groups.add(new RegionGroup(county.name(), options));
                continue;
            }
            for (Region town : regions.children(county.code())) {
                if (scope instanceof DataScope.Region && !scope.covers(town.code())) {
                    continue;
                }
                List<RegionOption> options = new ArrayList<>();
                options.add(option(town, town.name() + text("facility.region.town-itself")));
                for (Region c : regions.children(town.code())) {
                    options.add(option(c, c.name()));
                }
                groups.add(new RegionGroup(county.name() + " " + town.name(), options));
            }
        }
        return groups;
    }

    /** Counties and towns for the search filters, within the user's region. */
    List<RegionOption> regionFilters() {
        DataScope scope = CurrentUser.scope();
        List<RegionOption> list = new ArrayList<>();
        for (Region county : regions.ofLevel(RegionLevel.COUNTY)) {
            boolean countyVisible = !(scope instanceof DataScope.Region) || scope.covers(county.code());
            if (countyVisible) {
                list.add(option(county, county.name()));
            }
            for (Region town : regions.children(county.code())) {
                if (!(scope instanceof DataScope.Region) || scope.covers(town.code())) {
                    list.add(option(town, county.name() + " · " + town.name()));
                }
            }
        }
        return list;
    }

    private static RegionOption option(Region r, String label) {
        return new RegionOption(r.code().value(), label, r.centroid() == null ? null : r.centroid().lat(),
                r.centroid() == null ? null : r.centroid().lng());
    }

    /** What the map draws: one entry per facility plus the legend. */
    Map<String, Object> mapData(List<Facility> facilities, String detailPath) {
        List<Map<String, Object>> items = new ArrayList<>();
        int[] counts = new int[FacilityType.values().length];
        for (Facility f : facilities) {
            counts[f.type().ordinal()]++;
            FacilityView v = facility(f);
            items.add(Map.of("id", f.id(), "name", f.name(), "type", f.type().name(), "lat", f.location().lat(),
                    "lng", f.location().lng(), "below", f.belowStandard(),
                    "status", f.belowStandard() ? text("facility.below-standard") + text("facility.lacks.colon") + v.lacks()
                            : text(f.standard().rule() == null ? "facility.no-standard" : "facility.meets-standard"),
                    "typeLabel", v.typeLabel(), "url", detailPath + f.id()));
        }
        List<Map<String, Object>> legend = new ArrayList<>();
        for (FacilityType t : FacilityType.values()) {
            legend.add(Map.of("type", t.name(), "label", text(t.messageKey()), "colour", t.colour(), "count", counts[t.ordinal()]));
        }
        return Map.of("items", items, "legend", legend,
                "labels", Map.of("below", text("facility.map.below-legend"), "open", text("common.view"),
                        "title", text("facility.map.legend")));
    }

    String number(BigDecimal n) {
        NumberFormat f = NumberFormat.getNumberInstance(locale());
        f.setMaximumFractionDigits(1);
        return f.format(n);
    }

    String text(String code, Object... args) {
        return messages.getMessage(code, args, code, locale());
    }

    private static Locale locale() {
        return LocaleContextHolder.getLocale();
    }
}
