package org.yiyang.shared;

/** Levels of the division tree, with the number of significant digits of their codes. */
public enum RegionLevel {
    PROVINCE(2), CITY(4), COUNTY(6), TOWN(9), COMMUNITY(12);

    private final int digits;

    RegionLevel(int digits) {
        this.digits = digits;
    }

    public int digits() {
        return digits;
    }

    /** Code 1 (province) to 5 (community), as stored in the database. */
    public int code() {
        return ordinal() + 1;
    }

    public static RegionLevel ofCode(int code) {
        return values()[code - 1];
    }
}
