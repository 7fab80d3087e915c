package org.yiyang.provider;

/**
 * 养老护理员国家职业技能等级 (the national occupational skill levels of elderly-care workers):
 * level 5 is the entry level, level 1 the highest.
 */
public enum CaregiverLevel {
    /** 五级 / 初级工 */ LEVEL_5,
    /** 四级 / 中级工 */ LEVEL_4,
    /** 三级 / 高级工 */ LEVEL_3,
    /** 二级 / 技师 */ LEVEL_2,
    /** 一级 / 高级技师 */ LEVEL_1
}
