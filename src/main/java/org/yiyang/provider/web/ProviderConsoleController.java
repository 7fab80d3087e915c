package org.yiyang.provider.web;

import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yiyang.provider.FacilityQuery;
import org.yiyang.provider.OrganisationDraft;
import org.yiyang.provider.ProviderDirectory;
import org.yiyang.provider.ProviderKind;
import org.yiyang.provider.ProviderOrganisation;
import org.yiyang.provider.ProviderQuery;
import org.yiyang.provider.ProviderRegistration;
import org.yiyang.provider.ProviderStatus;
import org.yiyang.shared.Authorities;
import org.yiyang.shared.CurrentUser;
import org.yiyang.shared.DataScope;
import org.yiyang.shared.FormErrors;
import org.yiyang.shared.InputRejectedException;
import org.yiyang.shared.PageQuery;
import org.yiyang.shared.PageResult;

/** The console's provider pages: search, an organisation with its facilities, register and edit. */
@Controller
class ProviderConsoleController {

    private final ProviderDirectory directory;
    private final ProviderRegistration registration;
    private final ProviderViews views;
    private final MessageSource messages;

    ProviderConsoleController(ProviderDirectory directory, ProviderRegistration registration, ProviderViews views,
                              MessageSource messages) {
        this.directory = directory;
        this.registration = registration;
        this.views = views;
        this.messages = messages;
    }

    /** The form as posted; a record, never the domain object. */
    record ProviderForm(String name, String uscc, String kind, String regionCode, String address, String contactName,
                        String contactPhone, String status, Integer version) {
        static ProviderForm empty() {
            return new ProviderForm("", "", ProviderKind.HOME_CARE.name(), "", "", "", "", ProviderStatus.ACTIVE.name(), null);
        }

        static ProviderForm of(ProviderOrganisation o) {
            return new ProviderForm(o.name(), o.uscc().value(), o.kind().name(), o.regionCode().value(), o.address(),
                    o.contactName(), o.contactPhone(), o.status().name(), o.version());
        }

        OrganisationDraft draft() {
            return new OrganisationDraft(name, uscc, kind, regionCode, address, contactName, contactPhone, status, version);
        }
    }

    @GetMapping("/providers")
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) String region,
                @RequestParam(required = false) String kind, @RequestParam(defaultValue = "0") int page, Model model) {
        ProviderKind k = ProviderFilters.enumOrNull(ProviderKind.class, kind);
        String r = ProviderFilters.regionOrNull(region);
        PageResult<ProviderOrganisation> result = directory.organisations(
                new ProviderQuery(q, r, k, null, PageQuery.of(Math.max(0, page), 50)));
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("region", r == null ? "" : r);
        model.addAttribute("kind", k == null ? "" : k.name());
        model.addAttribute("kinds", ProviderKind.values());
        model.addAttribute("regions", views.regionFilters());
        model.addAttribute("result", result.map(views::organisation));
        model.addAttribute("mayCreate", mayRegister());
        return "provider/providers";
    }

    @GetMapping("/providers/{id}")
    String show(@PathVariable long id, Model model) {
        ProviderOrganisation o = directory.organisation(id);
        model.addAttribute("org", views.organisation(o));
        model.addAttribute("regionPath", views.regionPath(o.regionCode()));
        model.addAttribute("facilities", directory.facilities(
                new FacilityQuery(null, null, null, null, id, PageQuery.of(0, 500))).items().stream().map(views::facility).toList());
        model.addAttribute("mayEdit", CurrentUser.hasAuthority(Authorities.PROVIDER_EDIT)
                && !(CurrentUser.scope() instanceof DataScope.Caregiver));
        return "provider/provider";
    }

    @GetMapping("/providers/new")
    String createForm(Model model) {
        if (!mayRegister()) {
            throw new org.springframework.security.access.AccessDeniedException("bureau only");
        }
        return form(model, ProviderForm.empty(), FormErrors.none(), null);
    }

    @PostMapping("/providers")
    String create(@ModelAttribute ProviderForm form, Model model, RedirectAttributes redirect) {
        try {
            long id = registration.registerOrganisation(form.draft());
            redirect.addFlashAttribute("saved", true);
            return "redirect:/providers/" + id;
        } catch (InputRejectedException e) {
            return form(model, form, FormErrors.of(e.violations(), messages), null);
        }
    }

    @GetMapping("/providers/{id}/edit")
    String editForm(@PathVariable long id, Model model) {
        ProviderOrganisation o = directory.organisation(id);
        return form(model, ProviderForm.of(o), FormErrors.none(), o);
    }

    @PostMapping("/providers/{id}")
    String update(@PathVariable long id, @ModelAttribute ProviderForm form, Model model, RedirectAttributes redirect) {
        ProviderOrganisation o = directory.organisation(id);
        try {
            registration.updateOrganisation(id, form.draft());
            redirect.addFlashAttribute("saved", true);
            return "redirect:/providers/" + id;
        } catch (InputRejectedException e) {
            return form(model, form, FormErrors.of(e.violations(), messages), o);
        }
    }

    private String form(Model model, ProviderForm form, FormErrors errors, ProviderOrganisation existing) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("otherErrors", errors.otherThan(List.of("name", "uscc", "kind", "regionCode", "address",
                "contactName", "contactPhone", "status")));
        model.addAttribute("existing", existing == null ? null : views.organisation(existing));
        model.addAttribute("kinds", ProviderKind.values());
        model.addAttribute("statuses", ProviderStatus.values());
        model.addAttribute("statusEditable", CurrentUser.scope() instanceof DataScope.Region);
        model.addAttribute("regionGroups", views.regionChoices(false));
        return "provider/provider-form";
    }

    private static boolean mayRegister() {
        return CurrentUser.hasAuthority(Authorities.PROVIDER_EDIT) && CurrentUser.scope() instanceof DataScope.Region;
    }
}
