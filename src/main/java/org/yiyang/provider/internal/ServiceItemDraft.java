package org.yiyang.provider.internal;

import java.util.Locale;
import org.yiyang.provider.CaregiverSkill;
import org.yiyang.provider.ServiceItemCategory;
import org.yiyang.provider.ServiceItemUnit;
import org.yiyang.shared.Money;
import org.yiyang.shared.Violations;

/**
 * A checked service item, ready to store. {@link #from(ServiceItemInput)} collects every field error
 * of the input at once and throws them together.
 */
public record ServiceItemDraft(String code, String name, String nameEn, ServiceItemCategory category,
                               int standardMinutes, Money price, ServiceItemUnit unit, CaregiverSkill requiredSkill,
                               String description, boolean active) {

    /** Codes look like {@code ZC-001}: two to four capital letters, a dash, three or four digits. */
    static final String CODE_PATTERN = "[A-Z]{2,4}-\\d{3,4}";
    static final int MAX_MINUTES = 24 * 60;

    public static ServiceItemDraft from(ServiceItemInput in) {
        Violations v = new Violations();
        String code = trim(in.code());
        if (v.require("code", code)) {
            code = code.toUpperCase(Locale.ROOT);
            if (!code.matches(CODE_PATTERN)) {
                v.add("code", "service-item.code-invalid", code);
            }
        }
        String name = trim(in.name());
        if (v.require("name", name) && name.length() > 60) {
            v.add("name", "field.too-long", 60);
        }
        String nameEn = trim(in.nameEn());
        if (nameEn != null && nameEn.length() > 120) {
            v.add("nameEn", "field.too-long", 120);
        }
        ServiceItemCategory category = null;
        if (v.require("category", trim(in.category()))) {
            category = enumValue(ServiceItemCategory.class, in.category());
            if (category == null) v.add("category", "service-item.category-invalid", in.category());
        }
        int minutes = 0;
        if (v.require("standardMinutes", trim(in.standardMinutes()))) {
            try {
                minutes = Integer.parseInt(in.standardMinutes().strip());
                if (minutes <= 0 || minutes > MAX_MINUTES) {
                    v.add("standardMinutes", "service-item.minutes-invalid", MAX_MINUTES);
                }
            } catch (NumberFormatException e) {
                v.add("standardMinutes", "field.invalid-number");
            }
        }
        Money price;
        if (in.priceFen() == null && in.price() == null) {
            // the API sends fen; the console always sends the yuan field, if only empty
            v.add("priceFen", "field.required");
            price = null;
        } else if (in.priceFen() != null) {
            price = v.parse("priceFen", () -> ServiceItemPrice.ofFen(in.priceFen(), in.priceFen()));
        } else {
            price = v.parse("price", () -> ServiceItemPrice.parseYuan(in.price()));
        }
        ServiceItemUnit unit = ServiceItemUnit.VISIT;
        if (trim(in.unit()) != null) {
            unit = enumValue(ServiceItemUnit.class, in.unit());
            if (unit == null) v.add("unit", "service-item.unit-invalid", in.unit());
        }
        CaregiverSkill skill = null;
        if (trim(in.requiredSkill()) != null) {
            skill = CaregiverSkill.find(in.requiredSkill()).orElse(null);
            if (skill == null) v.add("requiredSkill", "caregiver.skill-invalid", in.requiredSkill());
        }
        String description = trim(in.description());
        if (description != null && description.length() > 1000) {
            v.add("description", "field.too-long", 1000);
        }
        v.throwIfAny();
        return new ServiceItemDraft(code, name, nameEn, category, minutes, price, unit, skill, description,
                in.active() == null || in.active());
    }

    private static String trim(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    static <E extends Enum<E>> E enumValue(Class<E> type, String name) {
        if (name == null || name.isBlank()) return null;
        try {
            return Enum.valueOf(type, name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
