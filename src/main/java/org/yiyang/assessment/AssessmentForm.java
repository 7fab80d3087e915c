package org.yiyang.assessment;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The GB/T 42195-2022 Annex B form (老年人能力评估表) as data: 26 items in 4 dimensions, each scored
 * from 0 up to its maximum, higher meaning more capable. The option texts are in the message
 * bundles (Chinese: the standard's wording; English: a translation for reading only).
 */
public final class AssessmentForm {

    /** The items in the order of the standard. */
    public static final List<FormItem> ITEMS = List.of(
            item("B.1.1", Dimension.SELF_CARE, 4), item("B.1.2", Dimension.SELF_CARE, 4),
            item("B.1.3", Dimension.SELF_CARE, 4), item("B.1.4", Dimension.SELF_CARE, 4),
            item("B.1.5", Dimension.SELF_CARE, 4), item("B.1.6", Dimension.SELF_CARE, 4),
            item("B.1.7", Dimension.SELF_CARE, 4), item("B.1.8", Dimension.SELF_CARE, 4),
            item("B.2.1", Dimension.MOBILITY, 4), item("B.2.2", Dimension.MOBILITY, 4),
            item("B.2.3", Dimension.MOBILITY, 4), item("B.2.4", Dimension.MOBILITY, 3),
            item("B.3.1", Dimension.MENTAL, 4), item("B.3.2", Dimension.MENTAL, 4),
            item("B.3.3", Dimension.MENTAL, 4), item("B.3.4", Dimension.MENTAL, 4),
            item("B.3.5", Dimension.MENTAL, 4), item("B.3.6", Dimension.MENTAL, 4),
            item("B.3.7", Dimension.MENTAL, 1), item("B.3.8", Dimension.MENTAL, 1),
            item("B.3.9", Dimension.MENTAL, 2),
            item("B.4.1", Dimension.PERCEPTION_SOCIAL, 2), item("B.4.2", Dimension.PERCEPTION_SOCIAL, 2),
            item("B.4.3", Dimension.PERCEPTION_SOCIAL, 4), item("B.4.4", Dimension.PERCEPTION_SOCIAL, 3),
            item("B.4.5", Dimension.PERCEPTION_SOCIAL, 4));

    /** B.3.9 意识水平: must be 0 (昏睡/昏迷) when A.5.11 records a coma. */
    public static final String CONSCIOUSNESS = "B.3.9";

    /** The highest total: 90. */
    public static final int MAX_TOTAL = 90;

    private static final Map<String, FormItem> BY_CODE = new LinkedHashMap<>();

    static {
        ITEMS.forEach(i -> BY_CODE.put(i.code(), i));
    }

    private AssessmentForm() {
    }

    private static FormItem item(String code, Dimension dimension, int max) {
        return new FormItem(code, dimension, max);
    }

    public static Optional<FormItem> item(String code) {
        return Optional.ofNullable(code == null ? null : BY_CODE.get(code));
    }

    public static List<FormItem> itemsOf(Dimension dimension) {
        return ITEMS.stream().filter(i -> i.dimension() == dimension).toList();
    }
}
