package org.yiyang.shared;

import java.util.Objects;

/**
 * A 12-digit statistical division code (统计用区划代码): 2 province + 2 prefecture + 2 county
 * (GB/T 2260) + 3 township + 3 village/community. Trailing zero groups mark the level.
 */
public record RegionCode(String value) implements Comparable<RegionCode> {

    public RegionCode {
        Objects.requireNonNull(value, "region code");
        if (!value.matches("\\d{12}")) {
            throw new InvalidValueException("region.code.invalid", value);
        }
        if (value.startsWith("00")) {
            throw new InvalidValueException("region.code.invalid", value);
        }
    }

    public static RegionCode of(String value) {
        return new RegionCode(value == null ? null : value.trim());
    }

    /** Whether the text looks like a 12-digit code, so callers can give a field error instead. */
    public static boolean isWellFormed(String value) {
        return value != null && value.matches("\\d{12}") && !value.startsWith("00");
    }

    public RegionLevel level() {
        if (value.substring(2).equals("0000000000")) return RegionLevel.PROVINCE;
        if (value.substring(4).equals("00000000")) return RegionLevel.CITY;
        if (value.substring(6).equals("000000")) return RegionLevel.COUNTY;
        if (value.substring(9).equals("000")) return RegionLevel.TOWN;
        return RegionLevel.COMMUNITY;
    }

    /** The significant digits: every code within this region starts with them. */
    public String prefix() {
        return value.substring(0, level().digits());
    }

    public boolean contains(RegionCode other) {
        return other.value.startsWith(prefix());
    }

    /** The 6-digit GB/T 2260 county code. */
    public String countyCode() {
        return value.substring(0, 6);
    }

    /** The parent region, or null for a province. */
    public RegionCode parent() {
        return switch (level()) {
            case PROVINCE -> null;
            case CITY -> new RegionCode(value.substring(0, 2) + "0000000000");
            case COUNTY -> new RegionCode(value.substring(0, 4) + "00000000");
            case TOWN -> new RegionCode(value.substring(0, 6) + "000000");
            case COMMUNITY -> new RegionCode(value.substring(0, 9) + "000");
        };
    }

    /** 001–099 street (街道), 100–199 town (镇), 200–399 township (乡), 400–599 other. */
    public boolean isStreet() {
        int township = Integer.parseInt(value.substring(6, 9));
        return level().ordinal() >= RegionLevel.TOWN.ordinal() && township >= 1 && township <= 99;
    }

    /** 001–199 urban community (社区), 200–399 village (村). */
    public boolean isVillage() {
        return level() == RegionLevel.COMMUNITY && Integer.parseInt(value.substring(9)) >= 200;
    }

    @Override
    public int compareTo(RegionCode o) {
        return value.compareTo(o.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
