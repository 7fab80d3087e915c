package org.yiyang.planning.internal;

/** The best solution found by any search thread so far (thread-safe). */
public final class Incumbent {

    private volatile long covered = -1;
    private int[] sites;
    private String foundBy = "";

    /** Takes the solution if it covers more than the current one; returns whether it did. */
    public synchronized boolean offer(long coveredWeight, int[] candidates, String by) {
        if (coveredWeight <= covered) return false;
        covered = coveredWeight;
        sites = candidates.clone();
        foundBy = by;
        return true;
    }

    public boolean offer(long coveredWeight, int[] candidates) {
        return offer(coveredWeight, candidates, "anneal");
    }

    public long covered() {
        return covered;
    }

    /** The best candidates (kept-candidate indices of the compact instance), or null. A copy. */
    public synchronized int[] sites() {
        return sites == null ? null : sites.clone();
    }

    public synchronized String foundBy() {
        return foundBy;
    }
}
