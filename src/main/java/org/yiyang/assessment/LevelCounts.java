package org.yiyang.assessment;

import java.util.List;

/**
 * Elders by current ability level per child region of a region: each row counts the elders whose
 * latest GB/T 42195 level is 0..4, and those with only an MZ/T 039 result.
 */
public record LevelCounts(String regionCode, List<Row> rows, Row total) {

    public record Row(String regionCode, String regionName, long[] byLevel, long legacyOnly) {

        public long assessed() {
            long sum = 0;
            for (long n : byLevel) sum += n;
            return sum;
        }

        public long level(int code) {
            return byLevel[code];
        }
    }
}
