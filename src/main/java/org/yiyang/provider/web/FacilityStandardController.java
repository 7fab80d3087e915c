package org.yiyang.provider.web;

import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yiyang.provider.FacilityStandard;
import org.yiyang.provider.FacilityStandards;
import org.yiyang.provider.FacilityType;
import org.yiyang.shared.CurrentUser;
import org.yiyang.shared.DataScope;
import org.yiyang.shared.FormErrors;
import org.yiyang.shared.InputRejectedException;

/** The size standards per type and region prefix: everyone reads them, the bureau edits its region's rules. */
@Controller
class FacilityStandardController {

    private final FacilityStandards standards;
    private final ProviderViews views;
    private final MessageSource messages;

    FacilityStandardController(FacilityStandards standards, ProviderViews views, MessageSource messages) {
        this.standards = standards;
        this.views = views;
        this.messages = messages;
    }

    record StandardForm(String regionPrefix, String type, String minAreaM2, String minBeds, String source) {
        FacilityStandards.StandardDraft draft() {
            return new FacilityStandards.StandardDraft(regionPrefix, type, minAreaM2, minBeds, source);
        }
    }

    record StandardRow(long id, String prefix, String regionName, String typeLabel, String minArea, String minBeds,
                       String source, boolean editable, String type) {
    }

    @GetMapping("/facilities/standards")
    String page(Model model) {
        String prefix = CurrentUser.scope() instanceof DataScope.Region r ? r.prefix() : "";
        return page(model, new StandardForm(prefix, FacilityType.STREET_CENTRE.name(), "", "", ""), FormErrors.none());
    }

    @PostMapping("/facilities/standards")
    String save(@ModelAttribute StandardForm form, Model model, RedirectAttributes redirect) {
        try {
            standards.save(form.draft());
            redirect.addFlashAttribute("saved", true);
            return "redirect:/facilities/standards";
        } catch (InputRejectedException e) {
            return page(model, form, FormErrors.of(e.violations(), messages));
        }
    }

    @PostMapping("/facilities/standards/{id}/delete")
    String delete(@PathVariable long id, RedirectAttributes redirect) {
        standards.delete(id);
        redirect.addFlashAttribute("deleted", true);
        return "redirect:/facilities/standards";
    }

    private String page(Model model, StandardForm form, FormErrors errors) {
        List<StandardRow> rows = standards.visible().stream().map(this::row).toList();
        model.addAttribute("rows", rows);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("mayEdit", standards.mayEdit());
        model.addAttribute("types", FacilityType.values());
        return "provider/standards";
    }

    private StandardRow row(FacilityStandard s) {
        String regionName = s.regionPrefix().isEmpty() ? views.text("facility-standard.default-region")
                : views.regionName(org.yiyang.shared.RegionCode.of((s.regionPrefix() + "000000000000").substring(0, 12)));
        return new StandardRow(s.id(), s.regionPrefix(), regionName, views.text(s.type().messageKey()),
                s.minAreaM2() == null ? "—" : views.number(s.minAreaM2()) + " m²",
                s.minBeds() == null ? "—" : views.number(java.math.BigDecimal.valueOf(s.minBeds())),
                s.source(), standards.mayEdit(s), s.type().name());
    }
}
