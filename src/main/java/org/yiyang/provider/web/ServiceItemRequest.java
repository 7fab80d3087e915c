package org.yiyang.provider.web;

import org.yiyang.provider.internal.ServiceItemInput;

/**
 * A catalogue item to create or replace; the price in integer fen. On PUT, {@code version} (from the
 * item as read) makes a concurrent change a 409 {@code service-item.changed}; omit it to overwrite.
 */
record ServiceItemRequest(String code, String name, String nameEn, String category, Integer standardMinutes,
                          Long priceFen, String unit, String requiredSkill, String description, Boolean active,
                          Integer version) {

    ServiceItemInput toInput() {
        return new ServiceItemInput(code, name, nameEn, category,
                standardMinutes == null ? null : standardMinutes.toString(),
                null, priceFen, unit, requiredSkill, description, active);
    }
}
