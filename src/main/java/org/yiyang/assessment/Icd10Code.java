package org.yiyang.assessment;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yiyang.shared.InvalidValueException;

/**
 * A diagnosis code of ICD-10 (A.4.1 疾病诊断): a three-character category (a letter and two digits)
 * inside one of the WHO chapters, optionally followed by a point and a subdivision
 * ({@code F03}, {@code I10}, {@code G30.1}, or the national clinical extension {@code I10.x00x002}).
 * Categories that no chapter holds (E91, K95, U99 …) are refused.
 */
public record Icd10Code(String value) {

    private static final Pattern FORM = Pattern.compile("([A-Z])(\\d{2})(?:\\.([0-9X][0-9A-Z]{0,8}))?");

    /** The category ranges of the WHO ICD-10 chapters (inclusive, as letter*100 + number). */
    private static final String[][] CHAPTERS = {
            {"A00", "B99"}, {"C00", "D48"}, {"D50", "D89"}, {"E00", "E90"}, {"F00", "F99"}, {"G00", "G99"},
            {"H00", "H59"}, {"H60", "H95"}, {"I00", "I99"}, {"J00", "J99"}, {"K00", "K93"}, {"L00", "L99"},
            {"M00", "M99"}, {"N00", "N99"}, {"O00", "O99"}, {"P00", "P96"}, {"Q00", "Q99"}, {"R00", "R99"},
            {"S00", "T98"}, {"V01", "Y98"}, {"Z00", "Z99"}, {"U00", "U85"}};

    public Icd10Code {
        if (value == null || !isValid(value)) {
            throw new InvalidValueException("assessment.diagnosis.invalid", String.valueOf(value));
        }
    }

    /** Reads a code as typed: spaces trimmed, letters in upper case. */
    public static Icd10Code parse(String text) {
        return new Icd10Code(text == null ? null : normalise(text));
    }

    private static String normalise(String text) {
        return text.strip().toUpperCase(Locale.ROOT);
    }

    public static boolean isValid(String text) {
        Matcher m = FORM.matcher(text);
        if (!m.matches()) {
            return false;
        }
        int category = ordinal(m.group(1).charAt(0), Integer.parseInt(m.group(2)));
        for (String[] chapter : CHAPTERS) {
            if (category >= ordinal(chapter[0]) && category <= ordinal(chapter[1])) {
                return true;
            }
        }
        return false;
    }

    private static int ordinal(String category) {
        return ordinal(category.charAt(0), Integer.parseInt(category.substring(1)));
    }

    private static int ordinal(char letter, int number) {
        return (letter - 'A') * 100 + number;
    }

    /** The three-character category, e.g. {@code F03} of {@code F03.X00}. */
    public String category() {
        return value.substring(0, 3);
    }

    /** 痴呆 (dementia): F00–F03. */
    public boolean isDementia() {
        return value.charAt(0) == 'F' && Integer.parseInt(value.substring(1, 3)) <= 3;
    }

    /** 其他精神和行为障碍 (other mental and behavioural disorders): F04–F99. */
    public boolean isOtherMentalDisorder() {
        return value.charAt(0) == 'F' && Integer.parseInt(value.substring(1, 3)) >= 4;
    }

    @Override
    public String toString() {
        return value;
    }
}
