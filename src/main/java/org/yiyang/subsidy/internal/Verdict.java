package org.yiyang.subsidy.internal;

import java.util.List;
import org.yiyang.subsidy.EligibilityReason;

/** A rule's decision for one elder: eligible or not, with every condition checked. */
record Verdict(boolean eligible, List<EligibilityReason> reasons) {

    Verdict {
        reasons = List.copyOf(reasons);
    }

    static Verdict no(String code, Object... args) {
        return new Verdict(false, List.of(EligibilityReason.of(code, false, args)));
    }
}
