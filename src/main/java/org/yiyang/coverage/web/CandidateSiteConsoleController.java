package org.yiyang.coverage.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
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
import org.yiyang.coverage.CandidateImport;
import org.yiyang.coverage.CandidateSites;
import org.yiyang.coverage.ListedSite;
import org.yiyang.coverage.ListedSiteDraft;
import org.yiyang.shared.CurrentUser;
import org.yiyang.shared.FormErrors;
import org.yiyang.shared.InputRejectedException;
import org.yiyang.shared.PageQuery;
import org.yiyang.shared.PageResult;
import org.yiyang.shared.ScriptJson;
import tools.jackson.databind.json.JsonMapper;

/** The console's candidate-site pages: the list with a map, add and edit, remove, and a CSV import. */
@Controller
class CandidateSiteConsoleController {

    static final int PAGE = 50;
    static final int MAP_LIMIT = 2_000;

    private final CandidateSites sites;
    private final PlanningViews views;
    private final MessageSource messages;
    private final JsonMapper json;
    private final String tileUrl;
    private final String tileAttribution;

    CandidateSiteConsoleController(CandidateSites sites, PlanningViews views, MessageSource messages, JsonMapper json,
                                   @Value("${yiyang.map.tile-url:}") String tileUrl,
                                   @Value("${yiyang.map.tile-attribution:}") String tileAttribution) {
        this.sites = sites;
        this.views = views;
        this.messages = messages;
        this.json = json;
        this.tileUrl = tileUrl;
        this.tileAttribution = tileAttribution;
    }

    record SiteForm(String name, String address, String regionCode, String lat, String lng, String capacity, String floorAreaM2,
                    String note, Integer version) {
        static SiteForm empty() {
            return new SiteForm("", "", "", "", "", "", "", "", null);
        }

        static SiteForm of(ListedSite s) {
            return new SiteForm(s.name(), s.address(), s.regionCode(), Double.toString(s.location().lat()),
                    Double.toString(s.location().lng()), s.capacity() == null ? "" : s.capacity().toString(),
                    s.floorAreaM2() == null ? "" : s.floorAreaM2().toPlainString(), s.note() == null ? "" : s.note(), s.version());
        }

        ListedSiteDraft draft() {
            return new ListedSiteDraft(name, address, lat, lng, regionCode, note, capacity, floorAreaM2, version);
        }
    }

    @GetMapping("/coverage/sites")
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) String region,
                @RequestParam(defaultValue = "0") int page, Model model) {
        String r = region == null || region.isBlank() ? null : region.trim();
        PageResult<ListedSite> result;
        try {
            result = sites.search(CurrentUser.scope(), q, r, PageQuery.of(Math.max(0, page), PAGE));
        } catch (InputRejectedException e) {
            r = null;
            result = sites.search(CurrentUser.scope(), q, null, PageQuery.of(0, PAGE));
        }
        List<ListedSite> onMap = new ArrayList<>();
        for (int p = 0; onMap.size() < MAP_LIMIT; p++) {
            PageResult<ListedSite> chunk = sites.search(CurrentUser.scope(), q, r, PageQuery.of(p, 500));
            onMap.addAll(chunk.items());
            if (!chunk.hasNext()) break;
        }
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("region", r == null ? "" : r);
        model.addAttribute("regions", views.planRegions());
        model.addAttribute("result", result);
        model.addAttribute("mayEdit", sites.mayEdit());
        model.addAttribute("mapJson", mapJson(onMap));
        model.addAttribute("tileUrl", tileUrl);
        model.addAttribute("tileAttribution", tileAttribution);
        return "coverage/sites";
    }

    private String mapJson(List<ListedSite> list) {
        List<Map<String, Object>> items = new ArrayList<>();
        for (ListedSite s : list) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("lat", s.location().lat());
            m.put("lng", s.location().lng());
            m.put("name", s.name());
            m.put("text", s.name() + " · " + s.address());
            items.add(m);
        }
        return ScriptJson.safe(json.writeValueAsString(Map.of("sites", items)));
    }

    @GetMapping("/coverage/sites/new")
    String createForm(Model model) {
        requireEditor();
        return form(model, SiteForm.empty(), FormErrors.none(), null);
    }

    @PostMapping("/coverage/sites")
    String create(@ModelAttribute SiteForm form, Model model, RedirectAttributes redirect) {
        try {
            sites.create(CurrentUser.scope(), form.draft());
            redirect.addFlashAttribute("saved", form.name());
            return "redirect:/coverage/sites";
        } catch (InputRejectedException e) {
            return form(model, form, FormErrors.of(e.violations(), messages), null);
        }
    }

    @GetMapping("/coverage/sites/{id:\\d{1,18}}/edit")
    String editForm(@PathVariable long id, Model model) {
        requireEditor();
        ListedSite s = sites.get(CurrentUser.scope(), id);
        return form(model, SiteForm.of(s), FormErrors.none(), s);
    }

    @PostMapping("/coverage/sites/{id:\\d{1,18}}")
    String update(@PathVariable long id, @ModelAttribute SiteForm form, Model model, RedirectAttributes redirect) {
        ListedSite existing = sites.get(CurrentUser.scope(), id);
        try {
            sites.update(CurrentUser.scope(), id, form.draft());
            redirect.addFlashAttribute("saved", form.name());
            return "redirect:/coverage/sites";
        } catch (InputRejectedException e) {
            return form(model, form, FormErrors.of(e.violations(), messages), existing);
        }
    }

    @PostMapping("/coverage/sites/{id:\\d{1,18}}/delete")
    String delete(@PathVariable long id, RedirectAttributes redirect) {
        ListedSite existing = sites.get(CurrentUser.scope(), id);
        sites.delete(CurrentUser.scope(), id);
        redirect.addFlashAttribute("deleted", existing.name());
        return "redirect:/coverage/sites";
    }

    private String form(Model model, SiteForm form, FormErrors errors, ListedSite existing) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("otherErrors", errors.otherThan(List.of("name", "address", "regionCode", "lat", "lng", "location",
                "capacity", "floorAreaM2", "note")));
        model.addAttribute("existing", existing);
        model.addAttribute("regionGroups", views.siteRegions());
        return "coverage/site-form";
    }

    @GetMapping("/coverage/sites/import")
    String importForm(Model model) {
        requireEditor();
        return "coverage/site-import";
    }

    @PostMapping("/coverage/sites/import")
    String importFile(@RequestParam(name = "file", required = false) MultipartFile file, Model model) throws IOException {
        requireEditor();
        if (file == null || file.isEmpty()) {
            model.addAttribute("fileError", views.text("coverage.import.empty"));
            return "coverage/site-import";
        }
        CandidateImport result = sites.importCsv(CurrentUser.scope(), file.getBytes());
        model.addAttribute("result", result);
        model.addAttribute("problems", result.problems().stream().map(p -> new ProblemView(
                p.line() == 0 ? "" : String.valueOf(p.line()), views.text("coverage.import.column." + p.column()),
                views.text(p.code(), p.args().toArray()))).toList());
        return "coverage/site-import";
    }

    record ProblemView(String line, String column, String message) {
    }

    /** An example file: the header and two lines at real communities of the caller's region. */
    @GetMapping("/coverage/sites/import/example.csv")
    ResponseEntity<byte[]> example() {
        StringBuilder csv = new StringBuilder("\uFEFFname,address,lat,lng,region,note\r\n");
        int n = 0;
        for (PlanningViews.RegionGroup g : views.siteRegions()) {
            for (PlanningViews.RegionOption o : g.options().subList(Math.min(1, g.options().size() - 1), g.options().size())) {
                if (o.lat() == null || n >= 2) continue;
                n++;
                csv.append(PlanFiles.csvText(views.text("coverage.import.example.name", o.label()))).append(',')
                        .append(PlanFiles.csvText(views.text("coverage.import.example.address", o.label()))).append(',')
                        .append(String.format(java.util.Locale.ROOT, "%.6f,%.6f", o.lat(), o.lng())).append(',')
                        .append(o.code()).append(',')
                        .append(PlanFiles.csvText(views.text("coverage.import.example.note"))).append("\r\n");
            }
        }
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"candidate-sites.csv\"")
                .contentType(PlanFiles.CSV)
                .body(csv.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private void requireEditor() {
        if (!sites.mayEdit()) {
            throw new AccessDeniedException("site planning is for the bureau");
        }
    }
}
