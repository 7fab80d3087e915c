package org.yiyang.planning.internal;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;

/**
 * A solution of k sites on a {@link CompactInstance} with the bookkeeping that makes swap moves
 * cheap, and the searches that use it: greedy construction, best-improvement descent, and
 * simulated annealing.
 *
 * <p>The chosen sites sit in k slots. For every demand group the number of chosen sites covering
 * it ({@code count}) and the sum of their slots ({@code slotSum}) are kept: when the count is 1,
 * the sum <em>is</em> the slot of the only site covering it. From these:
 * <ul>
 * <li>{@code gain[a]}: weight of the uncovered groups candidate {@code a} covers;</li>
 * <li>{@code loss[s]}: weight covered only by the site in slot {@code s};</li>
 * <li>{@code extra[s][a]}: weight covered only by slot {@code s} that {@code a} also covers.</li>
 * </ul>
 * Replacing slot s's site by a changes the covered weight by
 * {@code gain[a] - loss[s] + extra[s][a]}, so the whole k × n swap neighbourhood is evaluated
 * with one pass over {@code extra}. Adding or removing a site touches only the groups it covers
 * and the candidates covering those groups. When k × n is too large for the dense {@code extra}
 * matrix, the extra term is gathered per slot from the groups that slot covers alone.
 */
public final class SwapSearch {

    /** Above this many k × n entries the extra term is gathered sparsely. */
    static final long DENSE_LIMIT = 24_000_000L;
    private static final long NEG = Long.MIN_VALUE / 4;

    private final CompactInstance in;
    private final int k;
    private final int n;
    private final int[] slotSite;
    private final int[] siteSlot;
    private final int[] count;
    private final int[] slotSum;
    private final long[] gain;
    private final long[] loss;
    private final long[] extra;
    private long covered;
    private final SplittableRandom random;

    private final long[] addKey;
    private long sparseValue;
    private final long[] scratch;
    private final int[] touched;
    private long bestCovered = -1;
    private int[] bestSites;
    private long moves;

    public SwapSearch(CompactInstance instance, int k, long seed) {
        this(instance, k, seed, (long) k * instance.candidateCount <= DENSE_LIMIT);
    }

    SwapSearch(CompactInstance instance, int k, long seed, boolean dense) {
        if (k < 1 || k >= instance.candidateCount) {
            throw new IllegalArgumentException("swap search needs 1 ≤ k < candidates (k=" + k + ", candidates=" + instance.candidateCount + ")");
        }
        this.in = instance;
        this.k = k;
        this.n = instance.candidateCount;
        this.slotSite = new int[k];
        Arrays.fill(slotSite, -1);
        this.siteSlot = new int[n];
        Arrays.fill(siteSlot, -1);
        this.count = new int[instance.demandCount];
        this.slotSum = new int[instance.demandCount];
        this.gain = new long[n];
        for (int c = 0; c < n; c++) {
            long g = 0;
            for (int p = in.coverStart[c]; p < in.coverStart[c + 1]; p++) g += in.weight[in.coverDemand[p]];
            gain[c] = g;
        }
        this.loss = new long[k];
        this.extra = dense ? new long[k * n] : null;
        this.random = new SplittableRandom(seed);
        this.addKey = new long[n];
        this.scratch = dense ? null : new long[n];
        this.touched = dense ? null : new int[n];
    }

    public long covered() {
        return covered;
    }

    public int k() {
        return k;
    }

    /** The chosen candidates by slot (-1 for an empty slot). A copy. */
    public int[] sites() {
        return slotSite.clone();
    }

    public long bestCovered() {
        return bestCovered;
    }

    public int[] bestSites() {
        return bestSites == null ? null : bestSites.clone();
    }

    /** Moves made so far (for benchmarks). */
    public long moves() {
        return moves;
    }

    long gain(int candidate) {
        return gain[candidate];
    }

    long loss(int slot) {
        return loss[slot];
    }

    // ------------------------------------------------------------------ elementary moves

    /** Puts candidate c into the empty slot. */
    void add(int slot, int c) {
        if (slotSite[slot] >= 0 || siteSlot[c] >= 0) throw new IllegalStateException("slot " + slot + " or site " + c + " taken");
        slotSite[slot] = c;
        siteSlot[c] = slot;
        long[] w = in.weight;
        int[] rs = in.reachStart;
        int[] rc = in.reachCandidate;
        for (int p = in.coverStart[c]; p < in.coverStart[c + 1]; p++) {
            int d = in.coverDemand[p];
            long wd = w[d];
            int before = count[d];
            if (before == 0) {
                covered += wd;
                loss[slot] += wd;
                if (extra != null) {
                    int row = slot * n;
                    for (int q = rs[d]; q < rs[d + 1]; q++) {
                        int b = rc[q];
                        gain[b] -= wd;
                        extra[row + b] += wd;
                    }
                } else {
                    for (int q = rs[d]; q < rs[d + 1]; q++) gain[rc[q]] -= wd;
                }
            } else if (before == 1) {
                int other = slotSum[d];
                loss[other] -= wd;
                if (extra != null) {
                    int row = other * n;
                    for (int q = rs[d]; q < rs[d + 1]; q++) extra[row + rc[q]] -= wd;
                }
            }
            count[d] = before + 1;
            slotSum[d] += slot;
        }
    }

    /** Empties the slot. */
    void remove(int slot) {
        int c = slotSite[slot];
        if (c < 0) throw new IllegalStateException("slot " + slot + " is empty");
        long[] w = in.weight;
        int[] rs = in.reachStart;
        int[] rc = in.reachCandidate;
        for (int p = in.coverStart[c]; p < in.coverStart[c + 1]; p++) {
            int d = in.coverDemand[p];
            long wd = w[d];
            int before = count[d];
            if (before == 1) {
                covered -= wd;
                loss[slot] -= wd;
                if (extra != null) {
                    int row = slot * n;
                    for (int q = rs[d]; q < rs[d + 1]; q++) {
                        int b = rc[q];
                        gain[b] += wd;
                        extra[row + b] -= wd;
                    }
                } else {
                    for (int q = rs[d]; q < rs[d + 1]; q++) gain[rc[q]] += wd;
                }
            } else if (before == 2) {
                int other = slotSum[d] - slot;
                loss[other] += wd;
                if (extra != null) {
                    int row = other * n;
                    for (int q = rs[d]; q < rs[d + 1]; q++) extra[row + rc[q]] += wd;
                }
            }
            count[d] = before - 1;
            slotSum[d] -= slot;
        }
        slotSite[slot] = -1;
        siteSlot[c] = -1;
    }

    /** Replaces the site in the slot by candidate a. */
    void swap(int slot, int a) {
        remove(slot);
        add(slot, a);
        moves++;
    }

    /** Change of the covered weight if slot's site were replaced by a, from the bookkeeping. */
    long swapDelta(int slot, int a) {
        return gain[a] - loss[slot] + extraOf(slot, a);
    }

    private long extraOf(int slot, int a) {
        if (extra != null) return extra[slot * n + a];
        long sum = 0;
        for (int p = in.coverStart[a]; p < in.coverStart[a + 1]; p++) {
            int d = in.coverDemand[p];
            if (count[d] == 1 && slotSum[d] == slot) sum += in.weight[d];
        }
        return sum;
    }

    /** Loads a full solution (the slots are emptied first). */
    public void load(int[] sites) {
        if (sites.length != k) throw new IllegalArgumentException("need " + k + " sites, got " + sites.length);
        for (int s = 0; s < k; s++) {
            if (slotSite[s] >= 0) remove(s);
        }
        for (int s = 0; s < k; s++) add(s, sites[s]);
        recordIfBest();
    }

    // ------------------------------------------------------------------ construction and descent

    /** Fills the empty slots greedily: each time the candidate adding the most (ties at random). */
    public void greedyFill() {
        for (int s = 0; s < k; s++) {
            if (slotSite[s] >= 0) continue;
            int best = -1;
            long bestGain = -1;
            int ties = 0;
            for (int c = 0; c < n; c++) {
                if (siteSlot[c] >= 0) continue;
                long g = gain[c];
                if (g > bestGain) {
                    bestGain = g;
                    best = c;
                    ties = 1;
                } else if (g == bestGain && random.nextInt(++ties) == 0) {
                    best = c;
                }
            }
            add(s, best);
        }
        recordIfBest();
    }

    /** Best-improvement swap descent to a local optimum (or until stopped). */
    public void descend(BooleanSupplier stop) {
        while (!stop.getAsBoolean()) {
            long move = bestMove();
            if (move == Long.MIN_VALUE) break;
            int slot = (int) (move >>> 32);
            int a = (int) move;
            if (swapDelta(slot, a) <= 0) break;
            swap(slot, a);
        }
        recordIfBest();
    }

    // ------------------------------------------------------------------ simulated annealing

    private static final int GLOBAL_EVERY = 8;
    private int[] neighbourStart;
    private int[] neighbours;

    /** Candidates sharing at least one demand group with each candidate (built once, on demand). */
    private void buildNeighbours() {
        if (neighbourStart != null) return;
        int[] mark = new int[n];
        Arrays.fill(mark, -1);
        int[] start = new int[n + 1];
        int[] data = new int[Math.max(16, n * 8)];
        int size = 0;
        // at most ~40 million entries in all: on huge dense instances each list keeps its first part
        int perCandidate = (int) Math.max(64, 40_000_000L / n);
        for (int c = 0; c < n; c++) {
            mark[c] = c;
            int listStart = size;
            scan:
            for (int p = in.coverStart[c]; p < in.coverStart[c + 1]; p++) {
                int d = in.coverDemand[p];
                for (int q = in.reachStart[d]; q < in.reachStart[d + 1]; q++) {
                    int b = in.reachCandidate[q];
                    if (mark[b] == c) continue;
                    if (size - listStart >= perCandidate) break scan;
                    mark[b] = c;
                    if (size == data.length) data = Arrays.copyOf(data, data.length * 2);
                    data[size++] = b;
                }
            }
            start[c + 1] = size;
        }
        neighbourStart = start;
        neighbours = Arrays.copyOf(data, size);
    }

    /**
     * Simulated annealing over swap moves until {@code stop} says so: a random slot, and a
     * candidate sharing demand with its site (one proposal in {@value #GLOBAL_EVERY}: any
     * candidate); the delta is read from the bookkeeping in O(1), so rejected proposals cost
     * almost nothing. The temperature falls geometrically over a cycle of {@code cycleNanos}, from
     * the typical loss of a neighbouring swap to a two-thousandth of it; each cycle ends with a
     * descent and the next starts from the best solution (this thread's or, half the time, the
     * best of all threads). New bests go to {@code shared}.
     */
    public void anneal(BooleanSupplier stop, Incumbent shared, long cycleNanos) {
        buildNeighbours();
        recordIfBest();
        double t0 = startTemperature();
        double tEnd = Math.max(0.5, t0 / 2000);
        double logRatio = Math.log(tEnd / t0);
        long cycleStart = System.nanoTime();
        double temperature = t0;
        for (int step = 0; ; step++) {
            if ((step & 255) == 0) {
                if (stop.getAsBoolean()) return;
                long now = System.nanoTime();
                double progress = (now - cycleStart) / (double) cycleNanos;
                if (progress >= 1) {
                    descend(stop);
                    publish(shared);
                    int[] restart = bestSites;
                    if (shared != null && random.nextBoolean()) {
                        int[] global = shared.sites();
                        if (global != null && global.length == k) restart = global;
                    }
                    load(restart);
                    cycleStart = System.nanoTime();
                    progress = 0;
                }
                temperature = t0 * Math.exp(logRatio * progress);
            }
            int slot = random.nextInt(k);
            int a = proposal(slotSite[slot]);
            if (siteSlot[a] >= 0) continue;
            long delta = swapDelta(slot, a);
            if (delta >= 0 || random.nextDouble() < Math.exp(delta / temperature)) {
                swap(slot, a);
                step |= 255; // a swap costs as much as many proposals: look at the clock next time round
                if (covered > bestCovered) {
                    recordIfBest();
                    publish(shared);
                }
            }
        }
    }

    private void publish(Incumbent shared) {
        if (shared != null && bestCovered > shared.covered()) shared.offer(bestCovered, bestSites);
    }

    /** A quarter of the sampled neighbouring swaps from here lose less than this. */
    private double startTemperature() {
        long[] sample = new long[256];
        int got = 0;
        for (int t = 0; t < 4096 && got < sample.length; t++) {
            int slot = random.nextInt(k);
            int a = proposal(slotSite[slot]);
            if (siteSlot[a] >= 0) continue;
            long delta = swapDelta(slot, a);
            if (delta < 0) sample[got++] = -delta;
        }
        Arrays.sort(sample, 0, got);
        return got == 0 ? 1 : Math.max(1, sample[got / 4]);
    }

    private int proposal(int site) {
        if (random.nextInt(GLOBAL_EVERY) == 0) return random.nextInt(n);
        int from = neighbourStart[site];
        int to = neighbourStart[site + 1];
        if (to == from) return random.nextInt(n);
        return neighbours[from + random.nextInt(to - from)];
    }

    /**
     * The best swap, packed as {@code slot << 32 | candidate} (ties broken at random), or
     * {@code Long.MIN_VALUE} when every candidate is chosen.
     */
    long bestMove() {
        long best = NEG;
        int bestSlot = -1;
        int bestA = -1;
        int ties = 0;
        for (int a = 0; a < n; a++) addKey[a] = siteSlot[a] >= 0 ? NEG : gain[a];
        for (int s = 0; s < k; s++) {
            long base = -loss[s];
            if (extra != null) {
                int row = s * n;
                for (int a = 0; a < n; a++) {
                    long v = addKey[a] + extra[row + a] + base;
                    if (v < best) continue;
                    if (v > best) {
                        best = v;
                        bestSlot = s;
                        bestA = a;
                        ties = 1;
                    } else if (random.nextInt(++ties) == 0) {
                        bestSlot = s;
                        bestA = a;
                    }
                }
            } else {
                int a = sparseBestForSlot(s);
                if (a < 0) continue;
                long v = sparseValue + base;
                if (v > best) {
                    best = v;
                    bestSlot = s;
                    bestA = a;
                    ties = 1;
                } else if (v == best && random.nextInt(++ties) == 0) {
                    bestSlot = s;
                    bestA = a;
                }
            }
        }
        if (bestSlot < 0 || best <= NEG / 2) return Long.MIN_VALUE;
        return ((long) bestSlot << 32) | bestA;
    }

    /**
     * Best {@code gain[a] + extra[s][a]} for one slot without the dense matrix: the extra term is
     * non-zero only for candidates covering a group the slot covers alone, so those are gathered;
     * every other candidate's value is its gain, whose maximum is found in the same scan.
     */
    private int sparseBestForSlot(int s) {
        int site = slotSite[s];
        int touchedCount = 0;
        int[] rs = in.reachStart;
        int[] rc = in.reachCandidate;
        for (int p = in.coverStart[site]; p < in.coverStart[site + 1]; p++) {
            int d = in.coverDemand[p];
            if (count[d] != 1) continue;
            long wd = in.weight[d];
            for (int q = rs[d]; q < rs[d + 1]; q++) {
                int b = rc[q];
                if (scratch[b] == 0) touched[touchedCount++] = b;
                scratch[b] += wd;
            }
        }
        long best = NEG;
        int bestA = -1;
        int ties = 0;
        for (int a = 0; a < n; a++) {
            if (siteSlot[a] >= 0) continue;
            long v = gain[a] + scratch[a];
            if (v > best) {
                best = v;
                bestA = a;
                ties = 1;
            } else if (v == best && random.nextInt(++ties) == 0) {
                bestA = a;
            }
        }
        for (int t = 0; t < touchedCount; t++) scratch[touched[t]] = 0;
        sparseValue = best;
        return bestA;
    }

    private void recordIfBest() {
        for (int s = 0; s < k; s++) {
            if (slotSite[s] < 0) return;
        }
        if (covered > bestCovered) {
            bestCovered = covered;
            bestSites = slotSite.clone();
        }
    }

    /** Recomputes the covered weight from scratch (for checks). */
    long recomputeCovered() {
        int[] sites = Arrays.stream(slotSite).filter(c -> c >= 0).toArray();
        return in.coveredWeight(sites);
    }

    /** The swap delta recomputed from scratch (for checks). */
    long recomputeSwapDelta(int slot, int a) {
        int[] after = slotSite.clone();
        after[slot] = a;
        int[] sites = Arrays.stream(after).filter(c -> c >= 0).toArray();
        return in.coveredWeight(sites) - recomputeCovered();
    }
}
