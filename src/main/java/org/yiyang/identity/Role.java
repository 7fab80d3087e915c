package org.yiyang.identity;

import java.util.List;
import org.yiyang.shared.Authorities;

/** What a user is; each role brings its permissions (see {@link Authorities}). */
public enum Role {
    /** 民政局监管人员: city or county bureau supervisor. */
    BUREAU_SUPERVISOR(Authorities.PII_VIEW, Authorities.ELDER_EDIT, Authorities.PROVIDER_EDIT, Authorities.CATALOGUE_EDIT,
            Authorities.ACCOUNT_ADMIN, Authorities.SITE_PLANNING),
    /** 热线坐席/调度员: hotline operator and dispatcher. */
    OPERATOR(Authorities.PII_VIEW, Authorities.ELDER_EDIT),
    /** 服务商管理员: manager of a provider organisation. */
    PROVIDER_MANAGER(Authorities.PROVIDER_EDIT),
    /** 护理员: caregiver. */
    CAREGIVER,
    /** 家属: family member acting for one elder. */
    FAMILY(Authorities.PII_VIEW),
    /** 养老机构管理员: institution manager. */
    INSTITUTION_MANAGER(Authorities.PROVIDER_EDIT),
    /** 志愿者: volunteer. */
    VOLUNTEER,
    /** 评估员: ability assessor (GB/T 42195), two of whom sign each assessment. */
    ASSESSOR(Authorities.ASSESS),
    /** 系统账号: another system (12345 hotline, a provider's system, devices). */
    SYSTEM(Authorities.ELDER_EDIT);

    private final List<String> permissions;

    Role(String... permissions) {
        this.permissions = List.of(permissions);
    }

    public List<String> permissions() {
        return permissions;
    }

    public String authority() {
        return "ROLE_" + name();
    }
}
