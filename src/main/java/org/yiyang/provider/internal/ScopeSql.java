package org.yiyang.provider.internal;

import org.yiyang.shared.DataScope;

/**
 * The SQL conditions that keep every read and write of organisations and facilities inside the
 * caller's scope. Only digits and longs are written into the SQL (the region prefix is validated by
 * {@link DataScope.Region}).
 */
final class ScopeSql {

    private ScopeSql() {
    }

    /** Over {@code provider_org o}. */
    static String organisations(DataScope scope) {
        return switch (scope) {
            case DataScope.Region r -> r.regionPredicate("o.region_code");
            case DataScope.Provider p -> "o.id = " + p.providerId();
            case DataScope.Caregiver c -> "o.id = " + c.providerId();
            case DataScope.Elder e -> "false";
            case DataScope.None n -> "false";
        };
    }

    /** Over {@code facility f}. */
    static String facilities(DataScope scope) {
        return switch (scope) {
            case DataScope.Region r -> r.regionPredicate("f.region_code");
            case DataScope.Provider p -> "f.provider_id = " + p.providerId();
            case DataScope.Caregiver c -> "f.provider_id = " + c.providerId();
            case DataScope.Elder e -> "false";
            case DataScope.None n -> "false";
        };
    }

    /** For {@code ilike '%' || :q || '%'}: the user's text with the wildcards taken literally. */
    static String likeText(String q) {
        return q.trim().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
