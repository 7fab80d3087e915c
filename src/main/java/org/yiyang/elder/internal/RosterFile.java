package org.yiyang.elder.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.yiyang.shared.InputRejectedException;

/**
 * Reads the rows of an uploaded roster: xlsx (first sheet) or csv (UTF-8 with or without BOM;
 * GBK when the bytes are not valid UTF-8; comma- or tab-separated, RFC 4180 quoting). Anything
 * else, or a file too big, is refused as a whole with a field error on {@code file}.
 */
final class RosterFile {

    static final int MAX_BYTES = 10 * 1024 * 1024;
    static final int MAX_ROWS = 50_000;

    /** One line of the file with its spreadsheet row number (the header is row 1). */
    record Line(int number, List<String> cells) {
        boolean isBlank() {
            return cells.stream().allMatch(c -> c == null || c.isBlank());
        }
    }

    private RosterFile() {
    }

    /** Header first, then the data lines (blank lines dropped); at most {@link #MAX_ROWS} data lines. */
    static List<Line> read(String fileName, byte[] content) {
        if (content == null || content.length == 0) {
            throw InputRejectedException.of("file", "elder.import.empty");
        }
        if (content.length > MAX_BYTES) {
            throw InputRejectedException.of("file", "elder.import.too-big", "10 MB");
        }
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT).strip();
        List<Line> lines;
        if (startsWith(content, 0x50, 0x4B, 0x03, 0x04)) {
            lines = readXlsx(content);
        } else if (startsWith(content, 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1) || name.endsWith(".xls")) {
            throw InputRejectedException.of("file", "elder.import.old-excel");
        } else if (name.endsWith(".xlsx")) {
            throw InputRejectedException.of("file", "elder.import.unreadable");
        } else if ((name.endsWith(".csv") || name.endsWith(".txt") || !name.contains(".")) && looksLikeText(content)) {
            lines = readCsv(content);
        } else {
            throw InputRejectedException.of("file", "elder.import.unsupported-type");
        }
        List<Line> kept = new ArrayList<>();
        for (Line l : lines) {
            if (!l.isBlank()) {
                kept.add(l);
            }
        }
        if (kept.size() <= 1) {
            throw InputRejectedException.of("file", "elder.import.empty");
        }
        if (kept.size() - 1 > MAX_ROWS) {
            throw InputRejectedException.of("file", "elder.import.too-many-rows", String.valueOf(MAX_ROWS));
        }
        return kept;
    }

    private static boolean startsWith(byte[] content, int... magic) {
        if (content.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((content[i] & 0xff) != magic[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean looksLikeText(byte[] content) {
        int n = Math.min(content.length, 8192);
        for (int i = 0; i < n; i++) {
            if (content[i] == 0) {
                return false;
            }
        }
        return true;
    }

    private static List<Line> readXlsx(byte[] content) {
        List<Line> out = new ArrayList<>();
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(content));
             Stream<org.dhatim.fastexcel.reader.Row> rows = wb.getFirstSheet().openStream()) {
            Iterator<org.dhatim.fastexcel.reader.Row> it = rows.iterator();
            while (it.hasNext()) {
                org.dhatim.fastexcel.reader.Row row = it.next();
                List<String> cells = new ArrayList<>();
                for (int i = 0; i < row.getCellCount(); i++) {
                    cells.add(text(row.getCell(i)));
                }
                Line line = new Line(row.getRowNum(), cells);
                if (!line.isBlank()) {
                    out.add(line);
                    if (out.size() > MAX_ROWS + 1) {
                        throw InputRejectedException.of("file", "elder.import.too-many-rows", String.valueOf(MAX_ROWS));
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof InputRejectedException r) {
                throw r;
            }
            throw InputRejectedException.of("file", "elder.import.unreadable");
        }
        return out;
    }

    private static String text(Cell cell) {
        if (cell == null) {
            return null;
        }
        if (cell.getType() == CellType.NUMBER) {
            BigDecimal n = cell.asNumber();
            return n == null ? null : n.stripTrailingZeros().toPlainString();
        }
        return cell.getText();
    }

    static String decode(byte[] content) {
        int start = content.length >= 3 && (content[0] & 0xff) == 0xEF && (content[1] & 0xff) == 0xBB
                && (content[2] & 0xff) == 0xBF ? 3 : 0;
        ByteBuffer bytes = ByteBuffer.wrap(content, start, content.length - start);
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(bytes).toString();
        } catch (CharacterCodingException notUtf8) {
            try {
                return Charset.forName("GBK").newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(content, start, content.length - start)).toString();
            } catch (CharacterCodingException notGbk) {
                throw InputRejectedException.of("file", "elder.import.encoding");
            }
        }
    }

    static List<Line> readCsv(byte[] content) {
        String text = decode(content);
        int firstBreak = text.indexOf('\n');
        String head = firstBreak < 0 ? text : text.substring(0, firstBreak);
        char sep = head.indexOf(',') < 0 && head.indexOf('\t') >= 0 ? '\t' : ',';
        List<Line> out = new ArrayList<>();
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        int line = 1;
        int lineStart = 1;
        int nonBlank = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        cell.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    cell.append(c);
                }
            } else if (c == '"' && cell.isEmpty()) {
                quoted = true;
            } else if (c == sep) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                cells.add(cell.toString());
                cell.setLength(0);
                Line done = new Line(lineStart, cells);
                out.add(done);
                if (!done.isBlank() && ++nonBlank > MAX_ROWS + 1) {
                    throw InputRejectedException.of("file", "elder.import.too-many-rows", String.valueOf(MAX_ROWS));
                }
                cells = new ArrayList<>();
                line++;
                lineStart = line;
            } else {
                cell.append(c);
            }
        }
        if (!cell.isEmpty() || !cells.isEmpty()) {
            cells.add(cell.toString());
            out.add(new Line(lineStart, cells));
        }
        return out;
    }
}
