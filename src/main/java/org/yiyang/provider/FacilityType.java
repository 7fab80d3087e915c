package org.yiyang.provider;

/** The kinds of elderly-care facility; the label is message {@code facility.type.<NAME>}. */
public enum FacilityType {
    /** 街道综合养老服务中心. */
    STREET_CENTRE("#0b5a8a"),
    /** 社区养老服务站. */
    COMMUNITY_STATION("#2e7d32"),
    /** 日间照料中心. */
    DAY_CARE("#6a1b9a"),
    /** 老年食堂/助餐点. */
    CANTEEN("#c25400"),
    /** 农村幸福院. */
    RURAL_HOME("#8d6e00"),
    /** 养老机构. */
    INSTITUTION("#a4161a");

    private final String colour;

    FacilityType(String colour) {
        this.colour = colour;
    }

    /** The marker colour on maps (each ≥ 4.5:1 against white). */
    public String colour() {
        return colour;
    }

    public String messageKey() {
        return "facility.type." + name();
    }
}
