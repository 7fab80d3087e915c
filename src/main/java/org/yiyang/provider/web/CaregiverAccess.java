package org.yiyang.provider.web;

import org.yiyang.shared.Authorities;
import org.yiyang.shared.CurrentUser;
import org.yiyang.shared.DataScope;

/** Who may see what of a caregiver they can already see. */
final class CaregiverAccess {

    private CaregiverAccess() {
    }

    /** The whole phone number on the record page: staff who handle personal data, a provider's manager, the caregiver themself. */
    static boolean mayViewWholePhone() {
        return CurrentUser.hasAuthority(Authorities.PII_VIEW) || CurrentUser.hasAuthority(Authorities.PROVIDER_EDIT)
                || CurrentUser.scope() instanceof DataScope.Caregiver;
    }

    static boolean mayEdit() {
        return CurrentUser.hasAuthority(Authorities.PROVIDER_EDIT);
    }
}
