package org.yiyang.subsidy;

/** What a recompute did: elders evaluated, results written (new or changed), yes/no changes published, time taken. */
public record RecomputeSummary(long elders, long resultsWritten, long eligibilityChanges, long millis) {
}
