package org.yiyang.provider.web;

import org.yiyang.provider.ServiceItem;
import org.yiyang.provider.internal.ServiceItemInput;

/** The console's catalogue form; the price is typed in yuan ("35.5"). The checkbox sends "on" or nothing. */
record ServiceItemForm(String code, String name, String nameEn, String category, String standardMinutes,
                       String price, String unit, String requiredSkill, String description, String active,
                       String version) {

    static ServiceItemForm empty() {
        return new ServiceItemForm("", "", "", "", "60", "", "VISIT", "", "", "on", "");
    }

    static ServiceItemForm of(ServiceItem i) {
        return new ServiceItemForm(i.code(), i.name(), i.nameEn() == null ? "" : i.nameEn(), i.category().name(),
                String.valueOf(i.standardMinutes()), i.price().toYuanString(), i.unit().name(),
                i.requiredSkill() == null ? "" : i.requiredSkill().name(),
                i.description() == null ? "" : i.description(), i.active() ? "on" : null, String.valueOf(i.version()));
    }

    ServiceItemInput toInput() {
        return new ServiceItemInput(code, name, nameEn, category, standardMinutes, price == null ? "" : price, null,
                unit, requiredSkill, description, active != null && !active.isBlank());
    }

    /** The version the form was opened with; null when absent or unreadable (then no check). */
    Integer expectedVersion() {
        try {
            return version == null || version.isBlank() ? null : Integer.valueOf(version.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    public boolean isActive() {
        return active != null && !active.isBlank();
    }
}
