package org.yiyang.elder.internal;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The one- and two-character pieces of a name (王秀英 → 王, 秀, 英, 王秀, 秀英). Chinese names are
 * two to four characters, so a search for a surname or a given name is mostly one or two
 * characters long, which trigram indexes cannot serve; a GIN index over these pieces can.
 */
final class NameGrams {

    /** Searches up to this many characters use the pieces; longer ones use trigrams. */
    static final int MAX = 2;

    private NameGrams() {
    }

    static String[] of(String name) {
        int[] cps = name.strip().codePoints().filter(c -> !Character.isWhitespace(c)).toArray();
        Set<String> out = new LinkedHashSet<>();
        for (int i = 0; i < cps.length; i++) {
            out.add(new String(cps, i, 1));
            if (i + 1 < cps.length) {
                out.add(new String(cps, i, 2));
            }
        }
        return out.toArray(String[]::new);
    }

    static boolean isShort(String query) {
        return query.codePointCount(0, query.length()) <= MAX && query.codePoints().noneMatch(Character::isWhitespace);
    }
}
