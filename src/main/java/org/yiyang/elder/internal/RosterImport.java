package org.yiyang.elder.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.yiyang.elder.ElderCategory;
import org.yiyang.elder.ElderInput;
import org.yiyang.elder.ImportReport;
import org.yiyang.elder.LivingSituation;
import org.yiyang.shared.DataScope;
import org.yiyang.shared.FieldViolation;
import org.yiyang.shared.InputRejectedException;
import org.yiyang.shared.Violations;

/**
 * A roster import: every row is checked like a form; rows whose ID number is already registered
 * (in the caller's scope) are left alone, so the same file imported twice changes nothing; the
 * valid new rows are written together in the caller's transaction.
 */
@Component
class RosterImport {

    /** The template's columns, in order; the first four are required. */
    enum Column {
        NAME("姓名", "name"),
        ID_NUMBER("身份证号", "身份证号码", "公民身份号码", "idnumber", "idcard", "idcardnumber"),
        PHONES("联系电话", "电话", "手机", "手机号", "phone", "phones", "mobile", "telephone"),
        COMMUNITY_CODE("社区代码", "社区村代码", "村社区代码", "区划代码", "communitycode", "community", "regioncode"),
        ADDRESS("详细地址", "地址", "住址", "address"),
        LAT("纬度", "lat", "latitude"),
        LNG("经度", "lng", "lon", "longitude"),
        LIVING_SITUATION("居住状况", "居住情况", "livingsituation", "living"),
        CATEGORIES("类别", "人员类别", "categories", "category"),
        CONTACT_NAME("紧急联系人", "emergencycontact", "emergencycontactname", "contactname", "contact"),
        CONTACT_PHONE("紧急联系人电话", "emergencycontactphone", "contactphone");

        final String header;
        final List<String> aliases;

        Column(String header, String... aliases) {
            this.header = header;
            this.aliases = List.of(aliases);
        }

        boolean required() {
            return ordinal() <= ADDRESS.ordinal() && this != PHONES;
        }

        String key() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    private final ElderInputChecks checks;
    private final ElderRepository elders;
    private final IdNumberCipher cipher;
    private final MessageSource messages;
    private final Map<String, LivingSituation> livingLabels = new HashMap<>();
    private final Map<String, ElderCategory> categoryLabels = new HashMap<>();

    RosterImport(ElderInputChecks checks, ElderRepository elders, IdNumberCipher cipher, MessageSource messages) {
        this.checks = checks;
        this.elders = elders;
        this.cipher = cipher;
        this.messages = messages;
        for (Locale locale : List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH)) {
            for (LivingSituation s : LivingSituation.values()) {
                livingLabels.put(normal(messages.getMessage(s.messageKey(), null, s.name(), locale)), s);
            }
            for (ElderCategory c : ElderCategory.values()) {
                categoryLabels.put(normal(messages.getMessage(c.messageKey(), null, c.name(), locale)), c);
            }
        }
        for (LivingSituation s : LivingSituation.values()) {
            livingLabels.put(normal(s.name()), s);
        }
        for (ElderCategory c : ElderCategory.values()) {
            categoryLabels.put(normal(c.name()), c);
        }
        livingLabels.put("独居", LivingSituation.ALONE);
        livingLabels.put("与老伴同住", LivingSituation.WITH_SPOUSE);
        livingLabels.put("与配偶同住", LivingSituation.WITH_SPOUSE);
        livingLabels.put("与子女同住", LivingSituation.WITH_CHILDREN);
        livingLabels.put("养老机构", LivingSituation.INSTITUTION);
        livingLabels.put("机构", LivingSituation.INSTITUTION);
        livingLabels.put("其他", LivingSituation.OTHER);
        categoryLabels.put("计划生育特殊家庭", ElderCategory.FAMILY_PLANNING_SPECIAL);
        categoryLabels.put("计生特殊家庭", ElderCategory.FAMILY_PLANNING_SPECIAL);
        categoryLabels.put("特困供养", ElderCategory.EXTREME_POVERTY);
        categoryLabels.put("低保户", ElderCategory.SUBSISTENCE_ALLOWANCE);
        categoryLabels.put("残疾", ElderCategory.SEVERE_DISABILITY);
    }

    ImportReport run(DataScope scope, String fileName, byte[] content, LocalDate today, String actor) {
        List<RosterFile.Line> lines = RosterFile.read(fileName, content);
        Map<Column, Integer> columns = columns(lines.getFirst());

        ElderInputChecks.RegionCache cache = checks.newCache();
        List<ImportReport.Row> report = new ArrayList<>();
        List<Integer> draftRows = new ArrayList<>();
        List<ElderDraft> drafts = new ArrayList<>();
        List<byte[]> hashes = new ArrayList<>();
        Map<String, Integer> firstRowOfHash = new HashMap<>();
        for (RosterFile.Line line : lines.subList(1, lines.size())) {
            Violations v = new Violations();
            ElderInput input = input(line, columns, v);
            ElderDraft draft = checks.check(scope, input, null, v, cache);
            String name = ElderInputChecks.trim(cell(line, columns, Column.NAME));
            if (draft == null) {
                report.add(new ImportReport.Row(line.number(), ImportReport.Outcome.REJECTED, name, null, problems(v)));
                continue;
            }
            byte[] hash = cipher.lookupHash(draft.idNumber().value());
            String hex = HexFormat.of().formatHex(hash);
            Integer earlier = firstRowOfHash.putIfAbsent(hex, line.number());
            if (earlier != null) {
                report.add(new ImportReport.Row(line.number(), ImportReport.Outcome.REJECTED, name, null,
                        List.of(new ImportReport.Problem(Column.ID_NUMBER.key(), "elder.import.duplicate-in-file",
                                List.of(String.valueOf(earlier))))));
                continue;
            }
            report.add(null);
            draftRows.add(report.size() - 1);
            drafts.add(draft);
            hashes.add(hash);
        }

        Map<String, Long> existing = elders.idsByIdNumberHashes(hashes);
        java.util.Set<Long> visible = elders.inScope(scope, List.copyOf(existing.values()));
        List<ElderDraft> fresh = new ArrayList<>();
        List<byte[]> freshHashes = new ArrayList<>();
        List<Integer> freshRows = new ArrayList<>();
        for (int i = 0; i < drafts.size(); i++) {
            ElderDraft d = drafts.get(i);
            int at = draftRows.get(i);
            int rowNumber = rowNumberAt(lines, at);
            Long registered = existing.get(HexFormat.of().formatHex(hashes.get(i)));
            if (registered == null) {
                fresh.add(d);
                freshHashes.add(hashes.get(i));
                freshRows.add(at);
            } else if (visible.contains(registered)) {
                report.set(at, new ImportReport.Row(rowNumber, ImportReport.Outcome.ALREADY_REGISTERED, d.name(), registered, List.of()));
            } else {
                report.set(at, new ImportReport.Row(rowNumber, ImportReport.Outcome.REJECTED, d.name(), null,
                        List.of(new ImportReport.Problem(Column.ID_NUMBER.key(), "elder.id-number.registered-elsewhere", List.of()))));
            }
        }
        if (!fresh.isEmpty()) {
            List<Long> ids = elders.nextIds(fresh.size());
            List<byte[]> encrypted = fresh.stream().map(d -> cipher.encrypt(d.idNumber().value())).toList();
            elders.insert(ids, fresh, encrypted, freshHashes, today, actor);
            for (int i = 0; i < fresh.size(); i++) {
                int at = freshRows.get(i);
                report.set(at, new ImportReport.Row(rowNumberAt(lines, at), ImportReport.Outcome.CREATED, fresh.get(i).name(),
                        ids.get(i), List.of()));
            }
        }
        int created = 0;
        int already = 0;
        int rejected = 0;
        for (ImportReport.Row r : report) {
            switch (r.outcome()) {
                case CREATED -> created++;
                case ALREADY_REGISTERED -> already++;
                case REJECTED -> rejected++;
            }
        }
        return new ImportReport(fileName, report.size(), created, already, rejected, List.copyOf(report));
    }

    /** The data lines and the report rows run in step: report index i is data line i. */
    private static int rowNumberAt(List<RosterFile.Line> lines, int reportIndex) {
        return lines.get(reportIndex + 1).number();
    }

    private Map<Column, Integer> columns(RosterFile.Line header) {
        Map<Column, Integer> found = new EnumMap<>(Column.class);
        for (int i = 0; i < header.cells().size(); i++) {
            String h = normal(header.cells().get(i));
            for (Column c : Column.values()) {
                if (!found.containsKey(c) && (normal(c.header).equals(h) || c.aliases.contains(h))) {
                    found.put(c, i);
                    break;
                }
            }
        }
        List<String> missing = Arrays.stream(Column.values()).filter(c -> c.required() && !found.containsKey(c))
                .map(c -> c.header).toList();
        if (!missing.isEmpty()) {
            throw InputRejectedException.of("file", "elder.import.missing-columns", String.join("、", missing));
        }
        return found;
    }

    private ElderInput input(RosterFile.Line line, Map<Column, Integer> columns, Violations v) {
        String phones = cell(line, columns, Column.PHONES);
        List<String> phoneList = phones == null ? List.of() : Arrays.stream(phones.split("[,，、;；/\\s]+")).filter(s -> !s.isBlank()).toList();

        List<String> categories = new ArrayList<>();
        String cats = cell(line, columns, Column.CATEGORIES);
        if (cats != null) {
            for (String label : cats.split("[,，、;；/\\s]+")) {
                String n = normal(label);
                if (n.isEmpty() || n.equals("高龄") || n.equals("advancedage")) {
                    continue; // derived from the birth date, never stored
                }
                ElderCategory c = categoryLabels.get(n);
                categories.add(c == null ? label.strip() : c.name());
            }
        }

        String livingText = ElderInputChecks.trim(cell(line, columns, Column.LIVING_SITUATION));
        String living;
        if (livingText == null) {
            living = categories.contains(ElderCategory.LIVING_ALONE.name()) ? LivingSituation.ALONE.name() : LivingSituation.OTHER.name();
        } else {
            LivingSituation s = livingLabels.get(normal(livingText));
            living = s == null ? livingText : s.name();
        }

        Double lat = number(line, columns, Column.LAT, v);
        Double lng = number(line, columns, Column.LNG, v);
        ElderInput.AddressInput address = new ElderInput.AddressInput(cell(line, columns, Column.COMMUNITY_CODE),
                cell(line, columns, Column.ADDRESS), lat, lng, true);
        ElderInput.ContactInput contact = new ElderInput.ContactInput(cell(line, columns, Column.CONTACT_NAME), null,
                cell(line, columns, Column.CONTACT_PHONE));
        return new ElderInput(cell(line, columns, Column.NAME), cell(line, columns, Column.ID_NUMBER), phoneList, living,
                categories, List.of(address), List.of(contact), null);
    }

    private static Double number(RosterFile.Line line, Map<Column, Integer> columns, Column c, Violations v) {
        String t = ElderInputChecks.trim(cell(line, columns, c));
        if (t == null) {
            return null;
        }
        try {
            return Double.valueOf(t);
        } catch (NumberFormatException e) {
            v.add("addresses[0].location", "field.invalid-number");
            return null;
        }
    }

    private static String cell(RosterFile.Line line, Map<Column, Integer> columns, Column c) {
        Integer i = columns.get(c);
        if (i == null || i >= line.cells().size()) {
            return null;
        }
        return line.cells().get(i);
    }

    /** The row's problems, each named by its template column. */
    private static List<ImportReport.Problem> problems(Violations v) {
        Map<String, ImportReport.Problem> out = new LinkedHashMap<>();
        for (FieldViolation f : v.list()) {
            String column = column(f.field()).key();
            List<String> args = Arrays.stream(f.args() == null ? new Object[0] : f.args()).map(String::valueOf).toList();
            out.putIfAbsent(column + "|" + f.code(), new ImportReport.Problem(column, f.code(), args));
        }
        return List.copyOf(out.values());
    }

    private static Column column(String field) {
        if (field.startsWith("phones")) return Column.PHONES;
        if (field.endsWith("communityCode")) return Column.COMMUNITY_CODE;
        if (field.endsWith(".address")) return Column.ADDRESS;
        if (field.endsWith("location")) return Column.LAT;
        if (field.startsWith("contacts") && field.endsWith("phone")) return Column.CONTACT_PHONE;
        if (field.startsWith("contacts")) return Column.CONTACT_NAME;
        return switch (field) {
            case "idNumber" -> Column.ID_NUMBER;
            case "livingSituation" -> Column.LIVING_SITUATION;
            case "categories" -> Column.CATEGORIES;
            default -> Column.NAME;
        };
    }

    private static String normal(String s) {
        if (s == null) {
            return "";
        }
        return s.replace("\uFEFF", "").replaceAll("[\\s*_\\-（）()：:]", "").toLowerCase(Locale.ROOT);
    }

    /** The xlsx template: the header row (text-formatted columns) and a sheet explaining the values. */
    byte[] template(Locale locale) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Workbook wb = new Workbook(out, "Yiyang", "1.0");
            Worksheet ws = wb.newWorksheet(text("elder.import.template.sheet", locale));
            Column[] cols = Column.values();
            for (int c = 0; c < cols.length; c++) {
                ws.value(0, c, cols[c].header);
                ws.style(0, c).bold().fillColor("DDEBF7").set();
                ws.width(c, c == Column.ADDRESS.ordinal() ? 30 : 18);
                if (c != Column.LAT.ordinal() && c != Column.LNG.ordinal()) {
                    ws.range(1, c, 2000, c).style().format("@").set();
                }
            }
            Worksheet help = wb.newWorksheet(text("elder.import.template.help-sheet", locale));
            help.width(0, 18);
            help.width(1, 90);
            int r = 0;
            help.value(r, 0, text("elder.import.template.column", locale));
            help.value(r, 1, text("elder.import.template.meaning", locale));
            help.style(r, 0).bold().set();
            help.style(r, 1).bold().set();
            for (Column c : cols) {
                r++;
                help.value(r, 0, c.header + (c.required() ? " *" : ""));
                String hint = text("elder.import.help." + c.key(), locale);
                if (c == Column.LIVING_SITUATION) {
                    hint += " " + String.join("、", Arrays.stream(LivingSituation.values())
                            .map(s -> messages.getMessage(s.messageKey(), null, Locale.SIMPLIFIED_CHINESE)).toList());
                } else if (c == Column.CATEGORIES) {
                    hint += " " + String.join("、", Arrays.stream(ElderCategory.values())
                            .map(s -> messages.getMessage(s.messageKey(), null, Locale.SIMPLIFIED_CHINESE)).toList());
                }
                help.value(r, 1, hint);
            }
            wb.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private String text(String code, Locale locale) {
        return messages.getMessage(code, null, code, locale);
    }
}
