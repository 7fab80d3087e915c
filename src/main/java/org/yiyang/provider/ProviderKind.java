package org.yiyang.provider;

/** What an organisation does; the label is message {@code provider.kind.<NAME>}. */
public enum ProviderKind {
    /** 居家上门服务商. */
    HOME_CARE,
    /** 养老机构. */
    INSTITUTION,
    /** 助餐机构. */
    CANTEEN,
    /** 医疗机构. */
    MEDICAL,
    /** 家政. */
    HOUSEKEEPING,
    /** 社工机构. */
    SOCIAL_WORK;

    public String messageKey() {
        return "provider.kind." + name();
    }
}
