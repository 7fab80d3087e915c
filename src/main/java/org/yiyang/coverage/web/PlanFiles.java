package org.yiyang.coverage.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.DecimalFormat;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.yiyang.coverage.SitingPlan;
import org.yiyang.shared.InputRejectedException;
import tools.jackson.databind.json.JsonMapper;

/**
 * A saved plan as a file to download: CSV (UTF-8 with a BOM, so that Excel shows the Chinese),
 * XLSX (the plan and its sites on two sheets) or GeoJSON (the chosen sites as points, for GIS).
 * Column headings are in the caller's language.
 */
@Component
class PlanFiles {

    static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");
    static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    static final MediaType GEOJSON = MediaType.parseMediaType("application/geo+json");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.of("Asia/Shanghai"));

    private final MessageSource messages;
    private final JsonMapper json;

    PlanFiles(MessageSource messages, JsonMapper json) {
        this.messages = messages;
        this.json = json;
    }

    /** The file for {@code format} (csv, xlsx or geojson; anything else is a field error on format). */
    ResponseEntity<byte[]> download(SitingPlan plan, String format) {
        String f = format == null ? "" : format.trim().toLowerCase(Locale.ROOT);
        byte[] content;
        MediaType type;
        switch (f) {
            case "csv" -> {
                content = csv(plan);
                type = CSV;
            }
            case "xlsx" -> {
                content = xlsx(plan);
                type = XLSX;
            }
            case "geojson" -> {
                content = geoJson(plan);
                type = GEOJSON;
            }
            default -> throw InputRejectedException.of("format", "coverage.export.format", format == null ? "" : format);
        }
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition(plan, f))
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .contentType(type)
                .body(content);
    }

    /** {@code attachment} with an ASCII name for old clients and the plan's title (RFC 6266 / 5987) for the rest. */
    static String disposition(SitingPlan plan, String extension) {
        String ascii = "site-plan-" + plan.id() + "." + extension;
        String title = plan.title().replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_").strip();
        if (title.isEmpty()) title = "site-plan-" + plan.id();
        StringBuilder encoded = new StringBuilder();
        for (byte b : (title + "." + extension).getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~".indexOf(c) >= 0) {
                encoded.append((char) c);
            } else {
                encoded.append('%').append(String.format("%02X", c));
            }
        }
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }

    // ---- rows shared by CSV and XLSX ----

    List<String> headings() {
        return List.of(text("coverage.export.rank"), text("coverage.export.key"), text("coverage.export.name"),
                text("coverage.export.address"), text("coverage.export.community"), text("coverage.export.lat"),
                text("coverage.export.lng"), text("coverage.export.gain"), text("coverage.export.newly"),
                text("coverage.export.cumulative-share"));
    }

    /** One row per site: text cells as strings, numbers as numbers. */
    List<List<Object>> rows(SitingPlan plan) {
        List<List<Object>> rows = new ArrayList<>();
        long covered = plan.totals().coveredBefore();
        long elders = plan.totals().elders();
        for (SitingPlan.Site s : plan.sites()) {
            covered += s.newlyCovered();
            List<Object> row = new ArrayList<>();
            row.add(s.rank());
            row.add(s.key());
            row.add(siteName(s));
            row.add(s.address() == null ? "" : s.address());
            row.add(s.regionName() == null ? "" : s.regionName());
            row.add(s.location().lat());
            row.add(s.location().lng());
            row.add(round(s.marginalGain(), 2));
            row.add(s.newlyCovered());
            row.add(elders == 0 ? 0.0 : round(covered * 100.0 / elders, 2));
            rows.add(row);
        }
        return rows;
    }

    String siteName(SitingPlan.Site s) {
        if (s.name() != null) return s.name();
        return s.regionName() == null ? text("coverage.plan.grid-site.plain") : text("coverage.plan.grid-site", s.regionName());
    }

    byte[] csv(SitingPlan plan) {
        StringBuilder out = new StringBuilder("\uFEFF");
        line(out, new ArrayList<>(headings()));
        for (List<Object> row : rows(plan)) {
            line(out, row);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void line(StringBuilder out, List<?> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) out.append(',');
            Object cell = cells.get(i);
            out.append(cell instanceof Number n ? number(n) : csvText(String.valueOf(cell)));
        }
        out.append("\r\n");
    }

    /**
     * A text cell: quoted when it holds a comma, quote or line break; a leading = + - @ (which a
     * spreadsheet would take for a formula) is made inert with an apostrophe.
     */
    static String csvText(String s) {
        String t = s;
        if (!t.isEmpty() && "=+-@\t\r".indexOf(t.charAt(0)) >= 0) {
            t = "'" + t;
        }
        if (t.contains(",") || t.contains("\"") || t.contains("\n") || t.contains("\r")) {
            t = "\"" + t.replace("\"", "\"\"") + "\"";
        }
        return t;
    }

    private static String number(Number n) {
        if (n instanceof Double d) {
            return new DecimalFormat("0.######", java.text.DecimalFormatSymbols.getInstance(Locale.ROOT)).format(d);
        }
        return n.toString();
    }

    byte[] xlsx(SitingPlan plan) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            Workbook wb = new Workbook(bytes, "Yiyang", "1.0");
            Worksheet summary = wb.newWorksheet(text("coverage.export.sheet.plan"));
            summary.width(0, 22);
            summary.width(1, 60);
            int r = 0;
            for (Map.Entry<String, Object> e : summaryRows(plan).entrySet()) {
                summary.value(r, 0, e.getKey());
                summary.style(r, 0).bold().set();
                Object v = e.getValue();
                if (v instanceof Number n) {
                    summary.value(r, 1, n);
                } else {
                    summary.value(r, 1, String.valueOf(v));
                }
                r++;
            }
            Worksheet sites = wb.newWorksheet(text("coverage.export.sheet.sites"));
            List<String> headings = headings();
            for (int c = 0; c < headings.size(); c++) {
                sites.value(0, c, headings.get(c));
                sites.style(0, c).bold().fillColor("DDEBF7").set();
                sites.width(c, c == 2 || c == 3 ? 30 : c == 1 ? 22 : 14);
            }
            int row = 1;
            for (List<Object> cells : rows(plan)) {
                for (int c = 0; c < cells.size(); c++) {
                    Object v = cells.get(c);
                    if (v instanceof Number n) {
                        sites.value(row, c, n);
                    } else {
                        sites.value(row, c, String.valueOf(v));
                    }
                }
                row++;
            }
            wb.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** The plan's facts, label → value, in the order a reader wants them. */
    Map<String, Object> summaryRows(SitingPlan plan) {
        SitingPlan.Totals t = plan.totals();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(text("coverage.plan.title-field"), plan.title());
        m.put(text("coverage.plan.region"), plan.regionName() + " (" + plan.regionCode() + ")");
        m.put(text("coverage.plan.type"), typeLabel(plan.type()));
        m.put(text("coverage.plan.k"), plan.k());
        m.put(text("coverage.plan.sites-chosen"), plan.sites().size());
        m.put(text("coverage.plan.source"), text(plan.source().messageKey()));
        m.put(text("coverage.plan.candidates"), plan.candidates());
        m.put(text("coverage.plan.method"), text("coverage.plan.method." + plan.method()));
        m.put(text("coverage.plan.rules"), rules(plan.rules()));
        m.put(text("coverage.plan.elders"), t.elders());
        m.put(text("coverage.plan.covered-before"), t.coveredBefore());
        m.put(text("coverage.plan.covered-after"), t.coveredAfter());
        m.put(text("coverage.plan.share-before"), round(t.shareBefore() * 100, 2));
        m.put(text("coverage.plan.share-after"), round(t.shareAfter() * 100, 2));
        m.put(text("coverage.plan.weighted-share-before"), round(t.weightedShareBefore() * 100, 2));
        m.put(text("coverage.plan.weighted-share-after"), round(t.weightedShareAfter() * 100, 2));
        m.put(text("coverage.plan.gain"), round(t.gain(), 2));
        m.put(text("coverage.plan.created-by"), plan.createdByName());
        m.put(text("coverage.plan.created-at"), WHEN.format(plan.createdAt()));
        return m;
    }

    String rules(SitingPlan.Rules rules) {
        DecimalFormat n = new DecimalFormat("0.##");
        return text("coverage.plan.rules.value", n.format(rules.urbanMinutes()), n.format(rules.villageMeters()),
                text("coverage.plan.travel." + rules.travelModel()));
    }

    String typeLabel(String type) {
        return "ANY".equals(type) ? text("coverage.type.ANY") : text("facility.type." + type);
    }

    byte[] geoJson(SitingPlan plan) {
        List<Map<String, Object>> features = new ArrayList<>();
        for (SitingPlan.Site s : plan.sites()) {
            Map<String, Object> properties = new LinkedHashMap<>();
            properties.put("rank", s.rank());
            properties.put("key", s.key());
            properties.put("candidateSiteId", s.candidateSiteId());
            properties.put("name", siteName(s));
            properties.put("address", s.address());
            properties.put("regionCode", s.regionCode());
            properties.put("regionName", s.regionName());
            properties.put("marginalGain", s.marginalGain());
            properties.put("newlyCovered", s.newlyCovered());
            Map<String, Object> feature = new LinkedHashMap<>();
            feature.put("type", "Feature");
            feature.put("geometry", Map.of("type", "Point", "coordinates", List.of(s.location().lng(), s.location().lat())));
            feature.put("properties", properties);
            features.add(feature);
        }
        Map<String, Object> about = new LinkedHashMap<>();
        about.put("id", plan.id());
        about.put("title", plan.title());
        about.put("regionCode", plan.regionCode());
        about.put("regionName", plan.regionName());
        about.put("type", plan.type());
        about.put("k", plan.k());
        about.put("source", plan.source().name());
        about.put("method", plan.method());
        about.put("totals", plan.totals());
        about.put("createdAt", plan.createdAt().toString());
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("type", "FeatureCollection");
        root.put("plan", about);
        root.put("features", features);
        return json.writeValueAsBytes(root);
    }

    private static double round(double v, int places) {
        double f = Math.pow(10, places);
        return Math.round(v * f) / f;
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }
}
