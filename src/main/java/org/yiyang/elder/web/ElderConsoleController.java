package org.yiyang.elder.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yiyang.elder.ElderCategory;
import org.yiyang.elder.ElderQuery;
import org.yiyang.elder.ElderRecord;
import org.yiyang.elder.ElderRegistry;
import org.yiyang.elder.ElderStatus;
import org.yiyang.elder.ElderSummary;
import org.yiyang.elder.ImportReport;
import org.yiyang.elder.LivingSituation;
import org.yiyang.elder.StatusChange;
import org.yiyang.region.Region;
import org.yiyang.region.RegionDirectory;
import org.yiyang.shared.Authorities;
import org.yiyang.shared.CurrentUser;
import org.yiyang.shared.DataScope;
import org.yiyang.shared.FieldViolation;
import org.yiyang.shared.InputRejectedException;
import org.yiyang.shared.PageQuery;
import org.yiyang.shared.PageResult;
import org.yiyang.shared.RegionLevel;

/** The elder pages of the console: search, record, register/edit, status change, roster import. */
@Controller
class ElderConsoleController {

    static final int PAGE_SIZE = 25;

    private final ElderRegistry registry;
    private final RegionDirectory regions;
    private final MessageSource messages;

    ElderConsoleController(ElderRegistry registry, RegionDirectory regions, MessageSource messages) {
        this.registry = registry;
        this.regions = regions;
        this.messages = messages;
    }

    @ModelAttribute
    void common(Model model) {
        model.addAttribute("canEdit", CurrentUser.hasAuthority(Authorities.ELDER_EDIT));
        model.addAttribute("allCategories", ElderCategory.values());
        model.addAttribute("allStatuses", ElderStatus.values());
        model.addAttribute("allLiving", LivingSituation.values());
        model.addAttribute("zone", java.time.ZoneId.of("Asia/Shanghai"));
    }

    @GetMapping("/elders")
    String search(@RequestParam(required = false) String q, @RequestParam(required = false) String region,
                  @RequestParam(required = false) String category, @RequestParam(required = false) String status,
                  @RequestParam(required = false) String page, Model model) {
        ElderQuery query = new ElderQuery(q, region, category, status);
        PageResult<ElderSummary> result;
        try {
            result = registry.search(CurrentUser.scope(), query, PageQuery.of(pageNumber(page), PAGE_SIZE));
        } catch (InputRejectedException e) {
            result = new PageResult<>(List.of(), 0, PAGE_SIZE, 0);
            model.addAttribute("errors", messagesOf(e.violations()));
        }
        model.addAttribute("query", query);
        model.addAttribute("result", result);
        model.addAttribute("regionOptions", regionOptions());
        return "elder/search";
    }

    @GetMapping("/elders/new")
    String newForm(Model model) {
        requireEdit();
        return form(model, ElderForm.empty(), null, null);
    }

    @PostMapping("/elders")
    String create(ElderForm form, Model model, RedirectAttributes redirect) {
        requireEdit();
        try {
            long id = registry.register(CurrentUser.scope(), form.toInput());
            redirect.addFlashAttribute("notice", "elder.created");
            return "redirect:/elders/" + id;
        } catch (InputRejectedException e) {
            return form(model, form, null, e.violations());
        }
    }

    @GetMapping("/elders/{id:\\d{1,18}}")
    String record(@PathVariable long id, Model model) {
        ElderRecord record = registry.open(CurrentUser.scope(), id, CurrentUser.hasAuthority(Authorities.PII_VIEW));
        model.addAttribute("elder", record);
        return "elder/record";
    }

    @GetMapping("/elders/{id:\\d{1,18}}/edit")
    String editForm(@PathVariable long id, Model model) {
        requireEdit();
        requirePersonalData();
        ElderRecord record = registry.open(CurrentUser.scope(), id, true);
        return form(model, ElderForm.of(record), record, null);
    }

    @PostMapping("/elders/{id:\\d{1,18}}")
    String update(@PathVariable long id, ElderForm form, Model model, RedirectAttributes redirect) {
        requireEdit();
        requirePersonalData();
        try {
            registry.update(CurrentUser.scope(), id, form.toInput());
            redirect.addFlashAttribute("notice", "elder.saved");
            return "redirect:/elders/" + id;
        } catch (InputRejectedException e) {
            return form(model, form, registry.find(CurrentUser.scope(), id), e.violations());
        }
    }

    @PostMapping("/elders/{id:\\d{1,18}}/status")
    String changeStatus(@PathVariable long id, @RequestParam(required = false) String status,
                        @RequestParam(required = false) String reason,
                        @RequestParam(required = false) String effectiveDate, RedirectAttributes redirect) {
        requireEdit();
        java.time.LocalDate effective = null;
        if (effectiveDate != null && !effectiveDate.isBlank()) {
            try {
                effective = java.time.LocalDate.parse(effectiveDate.strip());
            } catch (java.time.format.DateTimeParseException e) {
                redirect.addFlashAttribute("statusErrors", List.of(text("elder.status.date-invalid")));
                return "redirect:/elders/" + id;
            }
        }
        try {
            registry.changeStatus(CurrentUser.scope(), id, new StatusChange(status, reason, effective));
            redirect.addFlashAttribute("notice", "elder.status.changed");
        } catch (InputRejectedException e) {
            redirect.addFlashAttribute("statusErrors", new ArrayList<>(messagesOf(e.violations()).values()));
        }
        return "redirect:/elders/" + id;
    }

    @GetMapping("/elders/import")
    String importForm() {
        requireEdit();
        return "elder/import";
    }

    @PostMapping("/elders/import")
    String importRoster(@RequestParam(name = "file", required = false) MultipartFile file, Model model) throws IOException {
        requireEdit();
        if (file == null || file.isEmpty()) {
            model.addAttribute("fileError", text("elder.import.no-file"));
            return "elder/import";
        }
        try {
            ImportReport report = registry.importRoster(CurrentUser.scope(), file.getOriginalFilename(), file.getBytes());
            model.addAttribute("report", report);
        } catch (InputRejectedException e) {
            model.addAttribute("fileError", String.join(" ", messagesOf(e.violations()).values()));
        }
        return "elder/import";
    }

    @GetMapping("/elders/import/template")
    ResponseEntity<byte[]> template() {
        byte[] xlsx = registry.importTemplate(LocaleContextHolder.getLocale());
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("老人名单导入模板.xlsx", StandardCharsets.UTF_8).build().toString())
                .contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .body(xlsx);
    }

    private String form(Model model, ElderForm form, ElderRecord existing, List<FieldViolation> violations) {
        model.addAttribute("form", form);
        model.addAttribute("existing", existing);
        Map<String, String> errors = violations == null ? Map.of() : messagesOf(violations);
        model.addAttribute("errors", errors);
        if (violations != null) {
            violations.stream().filter(v -> v.code().equals("elder.id-number.duplicate") && v.args().length > 0)
                    .findFirst().ifPresent(v -> model.addAttribute("duplicateId", String.valueOf(v.args()[0])));
        }
        return "elder/form";
    }

    /** Field → its messages (joined), in the order the checks found them. */
    private Map<String, String> messagesOf(List<FieldViolation> violations) {
        Locale locale = LocaleContextHolder.getLocale();
        Map<String, String> out = new LinkedHashMap<>();
        for (FieldViolation v : violations) {
            String text = messages.getMessage(v.code(), v.args(), v.code(), locale);
            out.merge(v.field(), text, (a, b) -> a.equals(b) ? a : a + "；" + b);
        }
        return out;
    }

    /** The counties and streets/towns the user may filter by. */
    private List<Region> regionOptions() {
        if (!(CurrentUser.scope() instanceof DataScope.Region r)) {
            return List.of();
        }
        List<Region> out = new ArrayList<>();
        for (RegionLevel level : List.of(RegionLevel.COUNTY, RegionLevel.TOWN)) {
            regions.ofLevel(level).stream().filter(x -> x.code().value().startsWith(r.prefix())).forEach(out::add);
        }
        out.sort((a, b) -> a.code().compareTo(b.code()));
        return out;
    }

    private static int pageNumber(String page) {
        try {
            return page == null ? 0 : Math.max(0, Integer.parseInt(page.strip()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private String text(String code) {
        return messages.getMessage(code, null, code, LocaleContextHolder.getLocale());
    }

    private static void requireEdit() {
        if (!CurrentUser.hasAuthority(Authorities.ELDER_EDIT)) {
            throw new AccessDeniedException("ELDER_EDIT");
        }
    }

    private static void requirePersonalData() {
        if (!CurrentUser.hasAuthority(Authorities.PII_VIEW)) {
            throw new AccessDeniedException("PII_VIEW");
        }
    }
}
