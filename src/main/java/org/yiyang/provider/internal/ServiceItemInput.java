package org.yiyang.provider.internal;

/**
 * A service item as a user or a system typed it, before validation. Exactly one of {@code price}
 * (yuan text, from the console) and {@code priceFen} (from the API) is normally given; field names
 * in errors are the ones of this record.
 */
public record ServiceItemInput(String code, String name, String nameEn, String category, String standardMinutes,
                               String price, Long priceFen, String unit, String requiredSkill,
                               String description, Boolean active) {
}
