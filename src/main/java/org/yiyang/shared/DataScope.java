package org.yiyang.shared;

/**
 * What part of the data a user may see and change. Every query over regional data applies it in
 * SQL (see {@link #regionPredicate(String)}), never by filtering results afterwards.
 */
public sealed interface DataScope {

    /** A region subtree: every record whose region code starts with the prefix (2–12 digits). */
    record Region(String prefix) implements DataScope {
        public Region {
            if (prefix == null || !prefix.matches("\\d{2,12}")) {
                throw new InvalidValueException("scope.region.invalid", String.valueOf(prefix));
            }
        }
    }

    /** One provider organisation: its facilities, caregivers and orders. */
    record Provider(long providerId) implements DataScope {
    }

    /** One caregiver of a provider: own offers and visits. */
    record Caregiver(long caregiverId, long providerId) implements DataScope {
    }

    /** One elder, for a family member. */
    record Elder(long elderId) implements DataScope {
    }

    /** Nothing at all (a user with no scope, or no logged-in user). */
    record None() implements DataScope {
    }

    static DataScope region(String prefix) {
        return new Region(prefix);
    }

    /**
     * A SQL condition over a {@code region_code} column for region scopes: {@code col LIKE '4109%'}
     * written with a bind-free literal (the prefix is digits only, validated above). Other scopes
     * yield {@code false}; modules that know providers or elders add their own conditions for them.
     */
    default String regionPredicate(String column) {
        if (this instanceof Region r) {
            return column + " like '" + r.prefix() + "%'";
        }
        return "false";
    }

    default boolean covers(RegionCode code) {
        return this instanceof Region r && code.value().startsWith(r.prefix());
    }
}
