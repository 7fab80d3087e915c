package org.yiyang.provider.web;

import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yiyang.provider.Facility;
import org.yiyang.provider.FacilityDraft;
import org.yiyang.provider.FacilityQuery;
import org.yiyang.provider.FacilityStatus;
import org.yiyang.provider.FacilityType;
import org.yiyang.provider.ProviderDirectory;
import org.yiyang.provider.ProviderOrganisation;
import org.yiyang.provider.ProviderQuery;
import org.yiyang.provider.ProviderRegistration;
import org.yiyang.shared.Authorities;
import org.yiyang.shared.CurrentUser;
import org.yiyang.shared.DataScope;
import org.yiyang.shared.FormErrors;
import org.yiyang.shared.InputRejectedException;
import org.yiyang.shared.PageQuery;
import org.yiyang.shared.PageResult;
import tools.jackson.databind.json.JsonMapper;

/**
 * The console's facility pages: the map and list (filter by type, region, below standard), a
 * facility with its standard status, register and edit.
 */
@Controller
class FacilityConsoleController {

    /** The map draws at most this many facilities (the list pages through all of them). */
    static final int MAP_LIMIT = 5_000;

    private final ProviderDirectory directory;
    private final ProviderRegistration registration;
    private final ProviderViews views;
    private final MessageSource messages;
    private final JsonMapper json;
    private final String tileUrl;
    private final String tileAttribution;

    FacilityConsoleController(ProviderDirectory directory, ProviderRegistration registration, ProviderViews views,
                              MessageSource messages, JsonMapper json,
                              @Value("${yiyang.map.tile-url:}") String tileUrl,
                              @Value("${yiyang.map.tile-attribution:}") String tileAttribution) {
        this.directory = directory;
        this.registration = registration;
        this.views = views;
        this.messages = messages;
        this.json = json;
        this.tileUrl = tileUrl;
        this.tileAttribution = tileAttribution;
    }

    record FacilityForm(String providerId, String name, String type, String regionCode, String address, String lat,
                        String lng, String floorAreaM2, String beds, String openingHours, String phone, String status,
                        Integer version) {
        static FacilityForm empty(Long providerId) {
            return new FacilityForm(providerId == null ? "" : providerId.toString(), "", FacilityType.COMMUNITY_STATION.name(),
                    "", "", "", "", "", "", "", "", FacilityStatus.OPEN.name(), null);
        }

        static FacilityForm of(Facility f) {
            return new FacilityForm(f.providerId() == null ? "" : f.providerId().toString(), f.name(), f.type().name(),
                    f.regionCode().value(), f.address(), Double.toString(f.location().lat()), Double.toString(f.location().lng()),
                    f.size().floorAreaM2() == null ? "" : f.size().floorAreaM2().toPlainString(),
                    f.size().beds() == null ? "" : f.size().beds().toString(), f.openingHours(), f.phone(),
                    f.status().name(), f.version());
        }

        FacilityDraft draft() {
            return new FacilityDraft(providerId, name, type, regionCode, address, lat, lng, floorAreaM2, beds, openingHours,
                    phone, status, version);
        }
    }

    @GetMapping("/facilities")
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) String region,
                @RequestParam(required = false) String type, @RequestParam(required = false) String below,
                @RequestParam(defaultValue = "0") int page, Model model) {
        FacilityType t = ProviderFilters.enumOrNull(FacilityType.class, type);
        String r = ProviderFilters.regionOrNull(region);
        Boolean b = ProviderFilters.boolOrNull(below);
        FacilityQuery query = new FacilityQuery(q, r, t, b, null, PageQuery.of(Math.max(0, page), 50));
        PageResult<Facility> result = directory.facilities(query);
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("region", r == null ? "" : r);
        model.addAttribute("type", t == null ? "" : t.name());
        model.addAttribute("below", b == null ? "" : b.toString());
        model.addAttribute("types", FacilityType.values());
        model.addAttribute("regions", views.regionFilters());
        model.addAttribute("result", result.map(views::facility));
        model.addAttribute("mapJson", mapJson(allForMap(query)));
        model.addAttribute("tileUrl", tileUrl);
        model.addAttribute("tileAttribution", tileAttribution);
        model.addAttribute("mayCreate", mayEdit());
        return "provider/facilities";
    }

    @GetMapping("/facilities/{id}")
    String show(@PathVariable long id, Model model) {
        Facility f = directory.facility(id);
        model.addAttribute("f", views.facility(f));
        model.addAttribute("regionPath", views.regionPath(f.regionCode()));
        model.addAttribute("mapJson", mapJson(List.of(f)));
        model.addAttribute("tileUrl", tileUrl);
        model.addAttribute("tileAttribution", tileAttribution);
        model.addAttribute("providerVisible", f.providerId() != null && directory.findOrganisation(f.providerId()).isPresent());
        model.addAttribute("mayEdit", mayEdit());
        return "provider/facility";
    }

    @GetMapping("/facilities/new")
    String createForm(@RequestParam(required = false) Long providerId, Model model) {
        if (!mayEdit()) {
            throw new org.springframework.security.access.AccessDeniedException("no PROVIDER_EDIT");
        }
        return form(model, FacilityForm.empty(providerId), FormErrors.none(), null);
    }

    @PostMapping("/facilities")
    String create(@ModelAttribute FacilityForm form, Model model, RedirectAttributes redirect) {
        try {
            long id = registration.registerFacility(form.draft());
            redirect.addFlashAttribute("saved", true);
            return "redirect:/facilities/" + id;
        } catch (InputRejectedException e) {
            return form(model, form, FormErrors.of(e.violations(), messages), null);
        }
    }

    @GetMapping("/facilities/{id}/edit")
    String editForm(@PathVariable long id, Model model) {
        Facility f = directory.facility(id);
        return form(model, FacilityForm.of(f), FormErrors.none(), f);
    }

    @PostMapping("/facilities/{id}")
    String update(@PathVariable long id, @ModelAttribute FacilityForm form, Model model, RedirectAttributes redirect) {
        Facility f = directory.facility(id);
        try {
            registration.updateFacility(id, form.draft());
            redirect.addFlashAttribute("saved", true);
            return "redirect:/facilities/" + id;
        } catch (InputRejectedException e) {
            return form(model, form, FormErrors.of(e.violations(), messages), f);
        }
    }

    private String form(Model model, FacilityForm form, FormErrors errors, Facility existing) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("otherErrors", errors.otherThan(List.of("providerId", "name", "type", "regionCode", "address",
                "location", "floorAreaM2", "beds", "openingHours", "phone", "status")));
        model.addAttribute("existing", existing == null ? null : views.facility(existing));
        model.addAttribute("types", FacilityType.values());
        model.addAttribute("statuses", FacilityStatus.values());
        model.addAttribute("regionGroups", views.regionChoices(true));
        boolean providerScope = CurrentUser.scope() instanceof DataScope.Provider;
        model.addAttribute("providerChoice", !providerScope);
        model.addAttribute("providers", providerScope ? List.of()
                : directory.organisations(ProviderQuery.all(PageQuery.of(0, 500))).items().stream()
                        .map(o -> new Option(Long.toString(o.id()), o.name())).toList());
        return "provider/facility-form";
    }

    record Option(String value, String label) {
    }

    private List<Facility> allForMap(FacilityQuery query) {
        List<Facility> all = new ArrayList<>();
        for (int p = 0; all.size() < MAP_LIMIT; p++) {
            PageResult<Facility> page = directory.facilities(query.withPage(PageQuery.of(p, 500)));
            all.addAll(page.items());
            if (!page.hasNext()) {
                break;
            }
        }
        return all;
    }

    /** JSON that is safe inside a {@code <script>} element. */
    private String mapJson(List<Facility> facilities) {
        String s = json.writeValueAsString(views.mapData(facilities, "/facilities/"));
        return org.yiyang.shared.ScriptJson.safe(s);
    }

    private static boolean mayEdit() {
        DataScope scope = CurrentUser.scope();
        return CurrentUser.hasAuthority(Authorities.PROVIDER_EDIT)
                && (scope instanceof DataScope.Region || scope instanceof DataScope.Provider);
    }
}
