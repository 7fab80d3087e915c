package org.yiyang.subsidy;

import java.util.List;
import java.util.Map;

/**
 * How many active elders are eligible for each benefit, in a region and in each of its child
 * regions. {@code eligible} maps benefit codes to counts.
 */
public record EligibilityCounts(String regionCode, long elders, Map<String, Long> eligible, List<Row> children) {

    public record Row(String regionCode, long elders, Map<String, Long> eligible) {
    }
}
