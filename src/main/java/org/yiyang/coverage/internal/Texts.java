package org.yiyang.coverage.internal;

/** Checks of free text typed by people before it is stored. */
final class Texts {

    private Texts() {
    }

    /**
     * No control characters (other than line breaks and tabs where {@code multiline}) and no lone
     * surrogate: PostgreSQL refuses NUL, and neither shows as anything a person typed.
     */
    static boolean printable(String t, boolean multiline) {
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (Character.isISOControl(c) && !(multiline && (c == '\n' || c == '\r' || c == '\t'))) {
                return false;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= t.length() || !Character.isLowSurrogate(t.charAt(i + 1))) return false;
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}
