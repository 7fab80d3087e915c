package org.yiyang.provider.web;

import org.yiyang.provider.ServiceItem;

/** A catalogue item in the API: money as integer fen ({@code priceFen}), with the yuan text for display. */
record ServiceItemJson(long id, String code, String name, String nameEn, String category, int standardMinutes,
                       long priceFen, String priceYuan, String unit, String requiredSkill, String description,
                       boolean active, int version) {

    static ServiceItemJson of(ServiceItem i) {
        return new ServiceItemJson(i.id(), i.code(), i.name(), i.nameEn(), i.category().name(), i.standardMinutes(),
                i.price().fen(), i.price().toYuanString(), i.unit().name(),
                i.requiredSkill() == null ? null : i.requiredSkill().name(), i.description(), i.active(), i.version());
    }
}
