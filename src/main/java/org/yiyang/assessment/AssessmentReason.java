package org.yiyang.assessment;

import java.util.Locale;
import java.util.Optional;

/** A.1 评估原因: why the elder is assessed. */
public enum AssessmentReason {
    /** 首次评估 */
    FIRST,
    /** 常规评估 */
    ROUTINE,
    /** 即时评估 (after a change in the elder's condition) */
    AD_HOC,
    /** 因对评估结果有疑问进行的复评 */
    DISPUTE,
    /** 其他 */
    OTHER;

    public String messageKey() {
        return "assessment.reason." + name();
    }

    public static Optional<AssessmentReason> byName(String name) {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(name.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
