package org.yiyang.planning.internal;

import java.util.Arrays;

/**
 * The search's view of a planning problem, as small as it can be made without changing the
 * optimum:
 * <ul>
 * <li>demand already covered, of zero weight, or covered by no candidate is dropped (it cannot
 * change which choice is best);</li>
 * <li>candidates with the same cover set are kept once, and a candidate whose cover set is a strict
 * subset of another's is dropped (swapping it for the dominating one never loses);</li>
 * <li>demand points covered by the same set of candidates are merged into one group whose weight is
 * their sum — in a city most points share their set with their neighbours;</li>
 * <li>weights are scaled to integers ({@code long}) so that incremental bookkeeping is exact.</li>
 * </ul>
 * Both directions of the coverage relation are kept as CSR arrays: candidate → groups and group →
 * candidates, each list ascending.
 */
public final class CompactInstance {

    /** Aggregated demand groups. */
    public final int demandCount;
    /** Weight of each group, scaled by {@link #scale} and rounded. */
    public final long[] weight;
    /** Kept candidates. */
    public final int candidateCount;
    /** Kept candidate → index in the original problem. */
    public final int[] original;
    public final int[] coverStart;
    public final int[] coverDemand;
    public final int[] reachStart;
    public final int[] reachCandidate;
    /** Original weight = scaled weight / scale. */
    public final double scale;
    /** Sum of {@link #weight}: everything the candidates can cover at most. */
    public final long totalWeight;

    private CompactInstance(long[] weight, int[] original, int[] coverStart, int[] coverDemand,
                            int[] reachStart, int[] reachCandidate, double scale) {
        this.demandCount = weight.length;
        this.weight = weight;
        this.candidateCount = original.length;
        this.original = original;
        this.coverStart = coverStart;
        this.coverDemand = coverDemand;
        this.reachStart = reachStart;
        this.reachCandidate = reachCandidate;
        this.scale = scale;
        long sum = 0;
        for (long w : weight) sum += w;
        this.totalWeight = sum;
    }

    /** Builds the compact instance with the dominance reduction on. */
    public static CompactInstance of(double[] weights, boolean[] alreadyCovered, int[] coverStart, int[] coverDemand) {
        return of(weights, alreadyCovered, coverStart, coverDemand, true);
    }

    public static CompactInstance of(double[] weights, boolean[] alreadyCovered, int[] coverStart, int[] coverDemand,
                                     boolean dropDominated) {
        int m0 = weights.length;
        int n0 = coverStart.length - 1;
        double scale = chooseScale(weights, alreadyCovered);

        // 1. demand that matters
        long[] scaled = new long[m0];
        for (int i = 0; i < m0; i++) {
            if (!alreadyCovered[i]) scaled[i] = Math.round(weights[i] * scale);
        }
        int[] cs = new int[n0 + 1];
        int[] cd = new int[coverStart[n0]];
        int size = 0;
        for (int c = 0; c < n0; c++) {
            for (int p = coverStart[c]; p < coverStart[c + 1]; p++) {
                int d = coverDemand[p];
                if (scaled[d] > 0) cd[size++] = d;
            }
            cs[c + 1] = size;
        }

        // 2. one candidate per distinct non-empty cover set
        int[] group = new int[n0];
        intern(cs, cd, n0, group);
        boolean[] groupSeen = new boolean[n0];
        int[] keep = new int[n0];
        int kept = 0;
        for (int c = 0; c < n0; c++) {
            if (cs[c + 1] > cs[c] && !groupSeen[group[c]]) {
                groupSeen[group[c]] = true;
                keep[kept++] = c;
            }
        }
        keep = Arrays.copyOf(keep, kept);

        // 3. merge demand covered by the same candidates
        Level level = aggregate(scaled, m0, cs, cd, keep);

        // 4. drop dominated candidates (on the merged demand: short lists), then merge again
        if (dropDominated) {
            int[] survivors = undominated(level);
            if (survivors.length < level.candidates) {
                int[] original = new int[survivors.length];
                for (int j = 0; j < survivors.length; j++) original[j] = keep[survivors[j]];
                level = aggregate(level.weight, level.weight.length, level.coverStart, level.coverDemand, survivors);
                keep = original;
            }
        }
        return new CompactInstance(level.weight, keep, level.coverStart, level.coverDemand,
                level.reachStart, level.reachCandidate, scale);
    }

    /** Demand groups over a set of candidates (rows of a cover CSR), both directions. */
    private record Level(long[] weight, int candidates, int[] coverStart, int[] coverDemand, int[] reachStart, int[] reachCandidate) {
    }

    /**
     * Merges demand covered by exactly the same of the given candidates (rows {@code cands} of
     * the cover CSR {@code cs/cd}); demand covered by none of them is dropped. Candidates are
     * renumbered by their position in {@code cands}.
     */
    private static Level aggregate(long[] w, int m0, int[] cs, int[] cd, int[] cands) {
        int n = cands.length;
        int[] rs = new int[m0 + 1];
        for (int c : cands) {
            for (int p = cs[c]; p < cs[c + 1]; p++) rs[cd[p] + 1]++;
        }
        for (int i = 0; i < m0; i++) rs[i + 1] += rs[i];
        int[] rc = new int[rs[m0]];
        int[] fill = Arrays.copyOf(rs, m0);
        for (int j = 0; j < n; j++) {
            int c = cands[j];
            for (int p = cs[c]; p < cs[c + 1]; p++) rc[fill[cd[p]]++] = j;
        }
        int[] demandGroup = new int[m0];
        int groups = intern(rs, rc, m0, demandGroup);
        // groups are numbered in first-seen order; empty lists form one group that is dropped
        int[] groupIndex = new int[groups];
        Arrays.fill(groupIndex, -2);
        int[] representative = new int[groups];
        int m = 0;
        for (int i = 0; i < m0; i++) {
            int g = demandGroup[i];
            if (groupIndex[g] == -2) {
                if (rs[i + 1] == rs[i]) {
                    groupIndex[g] = -1;
                } else {
                    groupIndex[g] = m;
                    representative[m] = i;
                    m++;
                }
            }
        }
        long[] weight = new long[m];
        for (int i = 0; i < m0; i++) {
            int g = groupIndex[demandGroup[i]];
            if (g >= 0) weight[g] += w[i];
        }
        int[] reachStart = new int[m + 1];
        for (int g = 0; g < m; g++) {
            int i = representative[g];
            reachStart[g + 1] = reachStart[g] + rs[i + 1] - rs[i];
        }
        int[] reachCandidate = new int[reachStart[m]];
        for (int g = 0; g < m; g++) {
            int i = representative[g];
            System.arraycopy(rc, rs[i], reachCandidate, reachStart[g], rs[i + 1] - rs[i]);
        }
        // candidate → groups (ascending because groups are visited in order)
        int[] coverStart = new int[n + 1];
        for (int x : reachCandidate) coverStart[x + 1]++;
        for (int j = 0; j < n; j++) coverStart[j + 1] += coverStart[j];
        int[] coverDemand = new int[reachCandidate.length];
        int[] pos = Arrays.copyOf(coverStart, n);
        for (int g = 0; g < m; g++) {
            for (int p = reachStart[g]; p < reachStart[g + 1]; p++) coverDemand[pos[reachCandidate[p]]++] = g;
        }
        return new Level(weight, n, coverStart, coverDemand, reachStart, reachCandidate);
    }

    /** Weight of a set of kept candidates, computed from scratch. */
    public long coveredWeight(int[] candidates) {
        boolean[] covered = new boolean[demandCount];
        long sum = 0;
        for (int c : candidates) {
            for (int p = coverStart[c]; p < coverStart[c + 1]; p++) {
                int d = coverDemand[p];
                if (!covered[d]) {
                    covered[d] = true;
                    sum += weight[d];
                }
            }
        }
        return sum;
    }

    /** Number of (candidate, group) pairs: the size of the model. */
    public long nonZeros() {
        return coverDemand.length;
    }

    /** A scale 10^d (d ≤ 6) that makes every weight an integer, and keeps sums exact in a double. */
    static double chooseScale(double[] weights, boolean[] alreadyCovered) {
        double total = 0;
        for (int i = 0; i < weights.length; i++) {
            if (!alreadyCovered[i]) total += weights[i];
        }
        double limit = 0x1p52;
        double scale = 1;
        for (int d = 0; d <= 6; d++, scale *= 10) {
            if (total * scale > limit) break;
            if (allIntegral(weights, alreadyCovered, scale)) return scale;
        }
        // not integral at 6 decimals (or too large): the finest scale that keeps sums exact
        return total <= 0 ? 1 : Math.min(1e6, limit / total);
    }

    private static boolean allIntegral(double[] weights, boolean[] alreadyCovered, double scale) {
        for (int i = 0; i < weights.length; i++) {
            if (alreadyCovered[i]) continue;
            double v = weights[i] * scale;
            if (Math.abs(v - Math.rint(v)) > 1e-9 * Math.max(1, v)) return false;
        }
        return true;
    }

    /**
     * The candidates (ascending) whose cover set is not a strict subset of another's (sets are
     * distinct here). A dominator must cover the candidate's rarest group, so only those are
     * checked; the work is capped so that dense instances do not stall here.
     */
    private static int[] undominated(Level level) {
        int n = level.candidates;
        int[] cs = level.coverStart;
        int[] cd = level.coverDemand;
        int[] rs = level.reachStart;
        int[] rc = level.reachCandidate;
        boolean[] dominated = new boolean[n];
        long budget = 200_000_000L;
        int dropped = 0;
        for (int c = 0; c < n && budget > 0; c++) {
            if (cs[c + 1] == cs[c]) continue;
            int rarest = cd[cs[c]];
            for (int p = cs[c]; p < cs[c + 1]; p++) {
                int d = cd[p];
                if (rs[d + 1] - rs[d] < rs[rarest + 1] - rs[rarest]) rarest = d;
            }
            int len = cs[c + 1] - cs[c];
            for (int q = rs[rarest]; q < rs[rarest + 1]; q++) {
                int other = rc[q];
                if (other == c || cs[other + 1] - cs[other] <= len) continue;
                budget -= cs[other + 1] - cs[other];
                if (isSubset(cd, cs[c], cs[c + 1], cs[other], cs[other + 1])) {
                    dominated[c] = true;
                    dropped++;
                    break;
                }
            }
        }
        int[] result = new int[n - dropped];
        int r = 0;
        for (int c = 0; c < n; c++) {
            if (!dominated[c]) result[r++] = c;
        }
        return result;
    }

    private static boolean isSubset(int[] data, int aFrom, int aTo, int bFrom, int bTo) {
        int b = bFrom;
        for (int a = aFrom; a < aTo; a++) {
            int x = data[a];
            while (b < bTo && data[b] < x) b++;
            if (b == bTo || data[b] != x) return false;
            b++;
        }
        return true;
    }

    /**
     * Numbers the distinct rows of a CSR matrix (rows equal element for element get the same
     * number, in first-seen order); returns how many distinct rows there are.
     */
    static int intern(int[] start, int[] data, int rows, int[] groupOut) {
        int capacity = Integer.highestOneBit(Math.max(4, rows * 2 - 1)) << 1;
        int mask = capacity - 1;
        int[] slotRow = new int[capacity];
        Arrays.fill(slotRow, -1);
        long[] slotHash = new long[capacity];
        int groups = 0;
        for (int r = 0; r < rows; r++) {
            long h = hash(data, start[r], start[r + 1]);
            int slot = (int) h & mask;
            while (true) {
                int other = slotRow[slot];
                if (other < 0) {
                    slotRow[slot] = r;
                    slotHash[slot] = h;
                    groupOut[r] = groups++;
                    break;
                }
                if (slotHash[slot] == h && Arrays.equals(data, start[r], start[r + 1], data, start[other], start[other + 1])) {
                    groupOut[r] = groupOut[other];
                    break;
                }
                slot = (slot + 1) & mask;
            }
        }
        return groups;
    }

    private static long hash(int[] data, int from, int to) {
        long h = 0x9E3779B97F4A7C15L * (to - from + 1);
        for (int p = from; p < to; p++) {
            h = (h ^ data[p]) * 0xBF58476D1CE4E5B9L;
            h ^= h >>> 29;
        }
        h ^= h >>> 32;
        h *= 0x94D049BB133111EBL;
        h ^= h >>> 29;
        return h;
    }
}
