package org.yiyang.subsidy;

import java.util.List;

/**
 * Module event: an elder became eligible for a benefit, or stopped being eligible. Published in
 * the transaction that stored the new result (persisted, delivered after commit), once per elder
 * and benefit whose yes/no changed — not when only the reasons changed (a birthday that adds a
 * year to someone already eligible).
 *
 * @param elderId     the elder
 * @param benefitCode the benefit, e.g. {@code CARE_SUBSIDY}
 * @param eligible    eligible now
 * @param regionCode  the elder's community code (12 digits)
 * @param reasons     why (see {@link EligibilityReason})
 */
public record EligibilityChanged(long elderId, String benefitCode, boolean eligible, String regionCode,
                                 List<EligibilityReason> reasons) {

    public EligibilityChanged {
        reasons = List.copyOf(reasons);
    }
}
