package org.yiyang.provider.web;

import java.util.ArrayList;
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
import org.yiyang.provider.CaregiverSkill;
import org.yiyang.provider.ServiceItem;
import org.yiyang.provider.ServiceItemCategory;
import org.yiyang.provider.ServiceItemUnit;
import org.yiyang.provider.internal.ServiceItemService;
import org.yiyang.shared.Authorities;
import org.yiyang.shared.CurrentUser;
import org.yiyang.shared.FieldViolation;
import org.yiyang.shared.InputRejectedException;
import org.yiyang.shared.PageQuery;
import org.yiyang.shared.PageResult;
import org.yiyang.shared.RuleViolationException;

/** The service catalogue in the console: grouped by category with prices; the bureau edits it. */
@Controller
class ServiceItemConsoleController {

    private final ServiceItemService catalogue;
    private final MessageSource messages;

    ServiceItemConsoleController(ServiceItemService catalogue, MessageSource messages) {
        this.catalogue = catalogue;
        this.messages = messages;
    }

    @GetMapping("/service-items")
    String list(@RequestParam(required = false) String category, @RequestParam(required = false) String q,
                @RequestParam(required = false) String active, Model model) {
        ServiceItemCategory c = null;
        if (category != null && !category.isBlank()) {
            try {
                c = ServiceItemCategory.valueOf(category.strip());
            } catch (IllegalArgumentException ignored) {
                // an unknown category in the address shows every category
            }
        }
        Boolean activeFilter = switch (active == null ? "" : active) {
            case "true" -> true;
            case "false" -> false;
            default -> null;
        };
        PageResult<ServiceItem> items = catalogue.search(c, q, activeFilter, PageQuery.of(0, PageResult.MAX_SIZE));
        Map<ServiceItemCategory, List<ServiceItem>> groups = new LinkedHashMap<>();
        for (ServiceItem i : items.items()) {
            groups.computeIfAbsent(i.category(), k -> new ArrayList<>()).add(i);
        }
        model.addAttribute("groups", groups);
        model.addAttribute("total", items.total());
        model.addAttribute("category", c == null ? "" : c.name());
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("active", activeFilter == null ? "" : activeFilter.toString());
        model.addAttribute("categories", ServiceItemCategory.values());
        model.addAttribute("mayEdit", CurrentUser.hasAuthority(Authorities.CATALOGUE_EDIT));
        return "catalogue/list";
    }

    @GetMapping("/service-items/new")
    @PreAuthorize("hasAuthority('CATALOGUE_EDIT')")
    String newForm(Model model) {
        return form(ServiceItemForm.empty(), null, Map.of(), model);
    }

    @PostMapping("/service-items")
    @PreAuthorize("hasAuthority('CATALOGUE_EDIT')")
    String create(@ModelAttribute ServiceItemForm form, Model model) {
        try {
            long id = catalogue.create(form.toInput());
            return "redirect:/service-items?saved=" + id + "#item-" + id;
        } catch (InputRejectedException e) {
            return form(form, null, errors(e.violations()), model);
        } catch (RuleViolationException e) {
            return form(form, null, errors(List.of(new FieldViolation("code", e.code(), e.args()))), model);
        }
    }

    @GetMapping("/service-items/{id}/edit")
    @PreAuthorize("hasAuthority('CATALOGUE_EDIT')")
    String editForm(@PathVariable long id, Model model) {
        return form(ServiceItemForm.of(catalogue.get(id)), id, Map.of(), model);
    }

    @PostMapping("/service-items/{id}")
    @PreAuthorize("hasAuthority('CATALOGUE_EDIT')")
    String update(@PathVariable long id, @ModelAttribute ServiceItemForm form, Model model) {
        try {
            catalogue.update(id, form.toInput(), form.expectedVersion());
            return "redirect:/service-items?saved=" + id + "#item-" + id;
        } catch (InputRejectedException e) {
            return form(form, id, errors(e.violations()), model);
        } catch (RuleViolationException e) {
            // a code in use belongs to the code field; a change by someone else to the whole form
            String field = e.code().equals("service-item.code-taken") ? "code" : "";
            return form(form, id, errors(List.of(new FieldViolation(field, e.code(), e.args()))), model);
        }
    }

    private String form(ServiceItemForm form, Long id, Map<String, List<String>> errors, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("id", id);
        model.addAttribute("errors", errors);
        model.addAttribute("errorCount", errors.values().stream().mapToInt(List::size).sum());
        model.addAttribute("categories", ServiceItemCategory.values());
        model.addAttribute("units", ServiceItemUnit.values());
        model.addAttribute("allSkills", CaregiverSkill.values());
        return "catalogue/form";
    }

    private Map<String, List<String>> errors(List<FieldViolation> violations) {
        Map<String, List<String>> map = new LinkedHashMap<>();
        for (FieldViolation v : violations) {
            String text = messages.getMessage(v.code(), v.args(), v.code(), LocaleContextHolder.getLocale());
            map.computeIfAbsent(v.field(), k -> new ArrayList<>()).add(text);
        }
        return map;
    }
}
