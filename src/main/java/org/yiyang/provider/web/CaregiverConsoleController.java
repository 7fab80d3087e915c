package org.yiyang.provider.web;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.yiyang.provider.CaregiverCertificateStatus;
import org.yiyang.provider.CaregiverLevel;
import org.yiyang.provider.CaregiverSkill;
import org.yiyang.provider.CaregiverStatus;
import org.yiyang.provider.internal.CaregiverDetails;
import org.yiyang.provider.internal.CaregiverSearch;
import org.yiyang.provider.internal.CaregiverService;
import org.yiyang.region.Region;
import org.yiyang.region.RegionDirectory;
import org.yiyang.shared.CurrentUser;
import org.yiyang.shared.DataScope;
import org.yiyang.shared.FieldViolation;
import org.yiyang.shared.InputRejectedException;
import org.yiyang.shared.PageQuery;
import org.yiyang.shared.PageResult;
import org.yiyang.shared.RuleViolationException;

/** Caregivers in the console: the list with filters, the record page, and the form. */
@Controller
class CaregiverConsoleController {

    private static final int PAGE_SIZE = 50;

    private final CaregiverService caregivers;
    private final RegionDirectory regions;
    private final MessageSource messages;

    CaregiverConsoleController(CaregiverService caregivers, RegionDirectory regions, MessageSource messages) {
        this.caregivers = caregivers;
        this.regions = regions;
        this.messages = messages;
    }

    /** One line of the list: what a supervisor scans for (phone masked). */
    record Row(long id, String name, String providerName, String phoneMasked, List<CaregiverSkill> skills,
               CaregiverLevel level, LocalDate expiry, CaregiverCertificateStatus certificateStatus,
               String community, CaregiverStatus status) {
    }

    @GetMapping("/caregivers")
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) Long provider,
                @RequestParam(required = false) String skill, @RequestParam(required = false) String certificate,
                @RequestParam(required = false) String status, @RequestParam(required = false) String region,
                @RequestParam(defaultValue = "0") int page, Model model) {
        CaregiverSkill s = CaregiverSkill.find(skill).orElse(null);
        CaregiverCertificateStatus cert = enumOrNull(CaregiverCertificateStatus.class, certificate);
        CaregiverStatus st = enumOrNull(CaregiverStatus.class, status);
        List<Region> areas = areasForFilter();
        Region area = areas.stream().filter(r -> r.code().value().equals(region)).findFirst().orElse(null);
        LocalDate today = caregivers.today();
        PageResult<Row> result = caregivers.search(new CaregiverSearch(q, provider, s,
                        area == null ? null : area.code().prefix(), cert, null, st),
                PageQuery.of(Math.max(page, 0), PAGE_SIZE)).map(c -> row(c, today));
        model.addAttribute("result", result);
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("provider", provider);
        model.addAttribute("skill", s == null ? "" : s.name());
        model.addAttribute("certificate", cert == null ? "" : cert.name());
        model.addAttribute("status", st == null ? "" : st.name());
        model.addAttribute("providers", caregivers.providersForFilter());
        model.addAttribute("areas", areas);
        model.addAttribute("region", area == null ? "" : area.code().value());
        model.addAttribute("allSkills", CaregiverSkill.values());
        model.addAttribute("certificateStates", CaregiverCertificateStatus.values());
        model.addAttribute("states", CaregiverStatus.values());
        model.addAttribute("mayEdit", CaregiverAccess.mayEdit());
        return "caregiver/list";
    }

    @GetMapping("/caregivers/{id}")
    String detail(@PathVariable long id, Model model) {
        CaregiverDetails c = caregivers.get(id);
        LocalDate today = caregivers.today();
        model.addAttribute("c", c);
        model.addAttribute("certificateStatus", c.certificateStatus(today));
        model.addAttribute("phone", c.phone() == null ? null
                : CaregiverAccess.mayViewWholePhone() ? c.phone().value() : c.phone().masked());
        List<Region> path = regions.path(c.regionCode());
        model.addAttribute("regionPath", path);
        Region community = path.isEmpty() ? null : path.getLast();
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("home", Map.of("lat", c.home().lat(), "lng", c.home().lng()));
        map.put("homeLabel", c.name() + " · " + text("caregiver.map.home"));
        if (community != null && community.centroid() != null) {
            map.put("centre", Map.of("lat", community.centroid().lat(), "lng", community.centroid().lng()));
            map.put("centreLabel", text("caregiver.map.centre", community.name()));
        }
        model.addAttribute("mapData", map);
        model.addAttribute("mayEdit", CaregiverAccess.mayEdit());
        return "caregiver/detail";
    }

    @GetMapping("/caregivers/new")
    @PreAuthorize("hasAuthority('PROVIDER_EDIT')")
    String newForm(Model model) {
        Long own = CurrentUser.scope() instanceof DataScope.Provider p ? p.providerId() : null;
        return form(CaregiverForm.empty(own), null, Map.of(), model);
    }

    @PostMapping("/caregivers")
    @PreAuthorize("hasAuthority('PROVIDER_EDIT')")
    String create(@ModelAttribute CaregiverForm form, Model model) {
        try {
            long id = caregivers.create(form.toInput());
            return "redirect:/caregivers/" + id + "?saved";
        } catch (InputRejectedException e) {
            return form(form, null, errors(e.violations()), model);
        }
    }

    @GetMapping("/caregivers/{id}/edit")
    @PreAuthorize("hasAuthority('PROVIDER_EDIT')")
    String editForm(@PathVariable long id, Model model) {
        return form(CaregiverForm.of(caregivers.get(id)), id, Map.of(), model);
    }

    @PostMapping("/caregivers/{id}")
    @PreAuthorize("hasAuthority('PROVIDER_EDIT')")
    String update(@PathVariable long id, @ModelAttribute CaregiverForm form, Model model) {
        try {
            caregivers.update(id, form.toInput(), form.expectedVersion());
            return "redirect:/caregivers/" + id + "?saved";
        } catch (InputRejectedException e) {
            return form(form, id, errors(e.violations()), model);
        } catch (RuleViolationException e) {
            return form(form, id, errors(List.of(new FieldViolation("", e.code(), e.args()))), model);
        }
    }

    private String form(CaregiverForm form, Long id, Map<String, List<String>> errors, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("id", id);
        model.addAttribute("errors", errors);
        model.addAttribute("errorCount", errors.values().stream().mapToInt(List::size).sum());
        model.addAttribute("providers", caregivers.assignableProviders());
        model.addAttribute("communities", caregivers.communitiesForForm().stream()
                .map(r -> new Option(r.code().value(), communityLabel(r))).toList());
        model.addAttribute("allSkills", CaregiverSkill.values());
        model.addAttribute("levels", CaregiverLevel.values());
        model.addAttribute("states", CaregiverStatus.values());
        return "caregiver/form";
    }

    record Option(String value, String label) {
    }

    /** The subdivisions of a region user's area (a city's counties, a county's streets and towns); none for others. */
    private List<Region> areasForFilter() {
        if (!(CurrentUser.scope() instanceof DataScope.Region r)) {
            return List.of();
        }
        String code = (r.prefix() + "000000000000").substring(0, 12);
        return org.yiyang.shared.RegionCode.isWellFormed(code)
                ? regions.children(org.yiyang.shared.RegionCode.of(code)) : List.of();
    }

    private String communityLabel(Region community) {
        String town = regions.find(community.parentCode()).map(Region::name).orElse("");
        return town.isEmpty() ? community.name() : town + " · " + community.name();
    }

    private Row row(CaregiverDetails c, LocalDate today) {
        String community = regions.find(c.regionCode()).map(Region::name).orElse(c.regionCode().value());
        return new Row(c.id(), c.name(), c.providerName(), c.phone() == null ? "" : c.phone().masked(),
                c.skills().stream().sorted().toList(), c.certificateLevel(), c.certificateExpiry(),
                c.certificateStatus(today), community, c.status());
    }

    private String text(String code, Object... args) {
        return messages.getMessage(code, args, code, LocaleContextHolder.getLocale());
    }

    /** Field errors in the user's language, by field. */
    private Map<String, List<String>> errors(List<FieldViolation> violations) {
        Map<String, List<String>> map = new LinkedHashMap<>();
        for (FieldViolation v : violations) {
            String text = messages.getMessage(v.code(), v.args(), v.code(), LocaleContextHolder.getLocale());
            map.computeIfAbsent(v.field(), k -> new java.util.ArrayList<>()).add(text);
        }
        return map;
    }

    private static <E extends Enum<E>> E enumOrNull(Class<E> type, String name) {
        if (name == null || name.isBlank()) return null;
        try {
            return Enum.valueOf(type, name.strip().toUpperCase());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

}
