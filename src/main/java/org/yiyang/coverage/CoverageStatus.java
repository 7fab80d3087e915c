package org.yiyang.coverage;

import java.time.Instant;

/** What the in-memory coverage holds and how long its last full computation took. */
public record CoverageStatus(boolean ready, long elders, long facilities, String travelModel, Instant computedAt,
                             long lastFullComputeMillis, long incrementalUpdates) {
}
