package org.yiyang.assessment;

/**
 * The four first-level indicators (一级指标) of GB/T 42195-2022 Annex B, with their item-code prefix
 * and maximum score (32 + 15 + 28 + 15 = 90). Names are in the message bundles under
 * {@link #messageKey()}.
 */
public enum Dimension {
    /** B.1 自理能力: 8 items. */
    SELF_CARE("B.1", 32),
    /** B.2 基础运动能力: 4 items. */
    MOBILITY("B.2", 15),
    /** B.3 精神状态: 9 items. */
    MENTAL("B.3", 28),
    /** B.4 感知觉与社会参与: 5 items. */
    PERCEPTION_SOCIAL("B.4", 15);

    private final String code;
    private final int max;

    Dimension(String code, int max) {
        this.code = code;
        this.max = max;
    }

    /** The Annex B section code, e.g. {@code B.1}. */
    public String code() {
        return code;
    }

    /** The highest score of the dimension as the standard states it. */
    public int max() {
        return max;
    }

    public String messageKey() {
        return "assessment.dimension." + code;
    }
}
