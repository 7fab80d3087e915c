package org.yiyang.provider;

import org.yiyang.shared.Money;

/**
 * One entry of the service catalogue (服务项目): what is done, how long it takes as a standard,
 * what it costs per unit, and which skill the caregiver needs ({@code null} when none). {@code version}
 * grows with every change (for optimistic locking of edits).
 */
public record ServiceItem(long id, String code, String name, String nameEn, ServiceItemCategory category,
                          int standardMinutes, Money price, ServiceItemUnit unit, CaregiverSkill requiredSkill,
                          String description, boolean active, int version) {
}
