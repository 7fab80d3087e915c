package org.yiyang.provider;

/** The kinds of service in the catalogue; labels are the message keys {@code service-item.category.<NAME>}. */
public enum ServiceItemCategory {
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
    /** 委托代办 */ ERRAND,
    /** 适老化改造 */ ADAPTATION,
    /** 日间照料 */ DAY_CARE
}
