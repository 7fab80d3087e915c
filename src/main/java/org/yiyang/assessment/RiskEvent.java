package org.yiyang.assessment;

import java.util.Optional;

/**
 * A.2.14 近30天内照护风险事件 (care-risk events in the last 30 days). Each is answered with a count
 * 0, 1, 2 or 3, where 3 means "3 or more" (3次及以上).
 */
public enum RiskEvent {
    /** A.2.14.1 跌倒 */
    FALL("A.2.14.1"),
    /** A.2.14.2 走失 */
    WANDERING("A.2.14.2"),
    /** A.2.14.3 噎食 */
    CHOKING("A.2.14.3"),
    /** A.2.14.4 自杀、自伤 */
    SUICIDE_OR_SELF_HARM("A.2.14.4"),
    /** A.2.14.5 其他 */
    OTHER("A.2.14.5");

    /** The highest count that can be recorded: "3 or more". */
    public static final int MAX_COUNT = 3;

    private final String code;

    RiskEvent(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public String messageKey() {
        return "assessment.risk." + code;
    }

    public static Optional<RiskEvent> byCode(String code) {
        for (RiskEvent e : values()) {
            if (e.code.equals(code)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }
}
