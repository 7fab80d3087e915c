package org.yiyang.planning.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A CSV file of points: a header line naming the columns ({@code id,lat,lng} and, for demand,
 * {@code weight}; any order, extra columns ignored), then one point per line. Fields may be
 * quoted ({@code "a,b"}, {@code ""} for a quote). Blank lines are skipped. Every problem is
 * reported as a {@link BadInput} naming the file and line.
 */
public final class PointFile {

    public final String[] ids;
    public final double[] lat;
    public final double[] lng;
    /**
     * Weights, or null for candidates. {@code BigDecimal.valueOf(weight[i])} gives back the decimal
     * as written (up to 15 significant digits), so sums can be exact.
     */
    public final double[] weight;

    private PointFile(String[] ids, double[] lat, double[] lng, double[] weight) {
        this.ids = ids;
        this.lat = lat;
        this.lng = lng;
        this.weight = weight;
    }

    public int size() {
        return ids.length;
    }

    /** Reads the file; {@code weighted} requires a weight column; {@code uniqueIds} rejects repeated ids. */
    public static PointFile read(Path file, boolean weighted, boolean uniqueIds) throws BadInput {
        String name = file.toString();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = reader.readLine();
            int lineNumber = 1;
            while (header != null && header.isBlank()) {
                header = reader.readLine();
                lineNumber++;
            }
            if (header == null) throw new BadInput("plan-sites.file.empty", name);
            if (header.startsWith("\uFEFF")) header = header.substring(1);
            List<String> columns = split(header, name, lineNumber);
            int idCol = column(columns, "id");
            int latCol = column(columns, "lat", "latitude");
            int lngCol = column(columns, "lng", "lon", "long", "longitude");
            int weightCol = weighted ? column(columns, "weight") : -1;
            List<String> missing = new ArrayList<>();
            if (idCol < 0) missing.add("id");
            if (latCol < 0) missing.add("lat");
            if (lngCol < 0) missing.add("lng");
            if (weighted && weightCol < 0) missing.add("weight");
            if (!missing.isEmpty()) throw new BadInput("plan-sites.file.header", name, lineNumber, String.join(",", missing), header);
            int needed = Math.max(Math.max(idCol, latCol), Math.max(lngCol, weightCol)) + 1;

            List<String> ids = new ArrayList<>();
            double[] lat = new double[1024];
            double[] lng = new double[1024];
            double[] weight = weighted ? new double[1024] : null;
            Set<String> seen = uniqueIds ? new HashSet<>() : null;
            String line;
            while ((line = reader.readLine()) != null) {
                lineNumber++;
                if (line.isBlank()) continue;
                List<String> fields = split(line, name, lineNumber);
                if (fields.size() < needed) {
                    throw new BadInput("plan-sites.file.fields", name, lineNumber, columns.size(), fields.size());
                }
                String id = fields.get(idCol).strip();
                if (id.isEmpty()) throw new BadInput("plan-sites.file.id", name, lineNumber);
                if (seen != null && !seen.add(id)) throw new BadInput("plan-sites.file.duplicate", name, lineNumber, id);
                int i = ids.size();
                if (i == lat.length) {
                    lat = Arrays.copyOf(lat, i * 2);
                    lng = Arrays.copyOf(lng, i * 2);
                    if (weighted) weight = Arrays.copyOf(weight, i * 2);
                }
                lat[i] = number(fields.get(latCol), "lat", -90, 90, name, lineNumber);
                lng[i] = number(fields.get(lngCol), "lng", -180, 180, name, lineNumber);
                if (weighted) {
                    weight[i] = number(fields.get(weightCol), "weight", 0, 1e15, name, lineNumber);
                }
                ids.add(id);
            }
            int size = ids.size();
            return new PointFile(ids.toArray(String[]::new), Arrays.copyOf(lat, size), Arrays.copyOf(lng, size),
                    weighted ? Arrays.copyOf(weight, size) : null);
        } catch (NoSuchFileException e) {
            throw new BadInput("plan-sites.file.missing", name);
        } catch (IOException e) {
            throw new BadInput("plan-sites.file.unreadable", name, e.getMessage());
        }
    }

    private static int column(List<String> columns, String... names) {
        for (int i = 0; i < columns.size(); i++) {
            String c = columns.get(i).strip().toLowerCase(Locale.ROOT);
            for (String n : names) {
                if (c.equals(n)) return i;
            }
        }
        return -1;
    }

    private static double number(String field, String column, double min, double max, String file, int line) throws BadInput {
        String text = field.strip();
        if (text.isEmpty() || !isPlainNumber(text)) throw new BadInput("plan-sites.file.number", file, line, column, text);
        double v;
        try {
            v = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new BadInput("plan-sites.file.number", file, line, column, text);
        }
        if (!(v >= min && v <= max)) {
            if ("weight".equals(column)) throw new BadInput("plan-sites.file.weight", file, line, text);
            throw new BadInput("plan-sites.file.range", file, line, column, text, min, max);
        }
        return v;
    }

    /** Digits, sign, point and exponent only (Double.parseDouble also takes "NaN", "1f", hex…). */
    private static boolean isPlainNumber(String text) {
        boolean digit = false;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch >= '0' && ch <= '9') {
                digit = true;
            } else if (ch != '-' && ch != '+' && ch != '.' && ch != 'e' && ch != 'E') {
                return false;
            }
        }
        return digit;
    }

    /** Splits one CSV line; quoted fields may hold commas and doubled quotes. */
    static List<String> split(String line, String file, int lineNumber) throws BadInput {
        if (line.indexOf('"') < 0) {
            List<String> fields = new ArrayList<>(6);
            int from = 0;
            for (int comma = line.indexOf(','); comma >= 0; comma = line.indexOf(',', from)) {
                fields.add(line.substring(from, comma));
                from = comma + 1;
            }
            fields.add(line.substring(from));
            return fields;
        }
        List<String> fields = new ArrayList<>(6);
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted) {
                if (ch == '"') {
                    if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    field.append(ch);
                }
            } else if (ch == ',') {
                fields.add(field.toString());
                field.setLength(0);
                wasQuoted = false;
            } else if (ch == '"' && field.toString().isBlank() && !wasQuoted) {
                field.setLength(0);
                quoted = true;
                wasQuoted = true;
            } else {
                field.append(ch);
            }
        }
        if (quoted) throw new BadInput("plan-sites.file.quote", file, lineNumber);
        fields.add(field.toString());
        return fields;
    }
}
