package org.yiyang.coverage.internal;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads the lines of a candidate-site CSV: fields separated by commas, a field in double quotes
 * may hold commas, line breaks and doubled quotes. The text is UTF-8 (a BOM is dropped) or, when it
 * is not valid UTF-8, GB18030 — what Excel on a Chinese Windows saves as "CSV".
 */
final class CandidateCsv {

    /** What a first line starting with one of these is: a header, skipped. */
    private static final Set<String> HEADER_WORDS = Set.of("name", "名称", "名字", "地点名称", "场所名称", "站点名称", "选址名称");

    /** A record and the line of the file it starts on (1-based). */
    record Line(int number, List<String> fields) {
    }

    /** A record whose quotes never close. */
    static final class Unterminated extends Exception {
        final int line;

        Unterminated(int line) {
            super("unterminated quote on line " + line);
            this.line = line;
        }
    }

    private CandidateCsv() {
    }

    static String decode(byte[] content) {
        int start = content.length >= 3 && (content[0] & 0xff) == 0xEF && (content[1] & 0xff) == 0xBB && (content[2] & 0xff) == 0xBF ? 3 : 0;
        ByteBuffer bytes = ByteBuffer.wrap(content, start, content.length - start);
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(bytes).toString();
        } catch (CharacterCodingException e) {
            return new String(content, start, content.length - start, Charset.forName("GB18030"));
        }
    }

    /** The non-blank records of the text, the header line (if any) left out. */
    static List<Line> lines(String text) throws Unterminated {
        List<Line> out = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        int line = 1;
        int startLine = 1;
        int quoteLine = 0;
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : '\n';
            boolean end = i == text.length();
            if (quoted) {
                if (end) {
                    throw new Unterminated(quoteLine);
                }
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    if (c == '\n') line++;
                    field.append(c);
                }
                continue;
            }
            if (c == '"' && field.toString().isBlank() && !wasQuoted) {
                quoted = true;
                wasQuoted = true;
                field.setLength(0);
                quoteLine = line;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                wasQuoted = false;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                fields.add(field.toString());
                field.setLength(0);
                wasQuoted = false;
                boolean blank = fields.stream().allMatch(String::isBlank);
                if (!blank) {
                    out.add(new Line(startLine, List.copyOf(fields)));
                }
                fields.clear();
                if (!end) {
                    line++;
                }
                startLine = line;
            } else {
                field.append(c);
            }
        }
        if (!out.isEmpty() && HEADER_WORDS.contains(out.getFirst().fields().getFirst().trim().toLowerCase(Locale.ROOT))) {
            out.removeFirst();
        }
        return out;
    }
}
