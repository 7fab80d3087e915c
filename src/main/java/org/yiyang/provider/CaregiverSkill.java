package org.yiyang.provider;

import java.util.Optional;

/**
 * What a caregiver can do, and what a service item requires (服务技能). The names are stored in
 * {@code caregiver_skill.skill} and {@code service_item.required_skill}; their labels are the
 * message keys {@code caregiver.skill.<NAME>}.
 */
public enum CaregiverSkill {
    /** 助餐 */ MEAL,
    /** 助洁 */ CLEANING,
    /** 助浴 */ BATHING,
    /** 助行 */ MOBILITY,
    /** 助医 */ MEDICAL,
    /** 助急 */ EMERGENCY,
    /** 助乐 */ RECREATION,
    /** 巡访关爱 */ VISIT,
    /** 基础照护 */ NURSING,
    /** 康复护理 */ REHAB,
    /** 委托代办 */ ERRAND;

    /** The skill of that name, or empty for anything else (blank, unknown, lower case accepted). */
    public static Optional<CaregiverSkill> find(String name) {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(name.trim().toUpperCase()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
