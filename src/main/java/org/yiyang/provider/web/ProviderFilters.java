package org.yiyang.provider.web;

import java.util.Locale;
import org.yiyang.shared.RegionCode;

/** Lenient reading of console filters: a filter the page never offers is simply ignored. */
final class ProviderFilters {

    private ProviderFilters() {
    }

    static <E extends Enum<E>> E enumOrNull(Class<E> type, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static String regionOrNull(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.trim();
        return RegionCode.isWellFormed(v) || v.matches("\\d{2,11}") ? v : null;
    }

    static Boolean boolOrNull(String value) {
        if (value == null) {
            return null;
        }
        return switch (value.trim()) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> null;
        };
    }
}
