package org.yiyang.planning.internal;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;

/**
 * A solution of k sites on a {@link CompactInstance} with the bookkeeping that makes swap moves
 * cheap, and the searches that use it: greedy construction, descent, and tabu search with
 * iterated perturbation.
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
    static final boolean DEBUG = Boolean.getBoolean("planning.debug");

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

    // tabu search state
    private final long[] addTabuUntil;
    private final long[] dropTabuUntil;
    private final long[] addKey;
    private final int[] tabuAdds;
    private long sparseValue;
    private final long[] scratch;
    private final int[] touched;
    private long iteration;
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
        this.addTabuUntil = new long[n];
        this.dropTabuUntil = new long[n];
        this.addKey = new long[n];
        this.tabuAdds = new int[n];
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
        iteration = Long.MAX_VALUE / 2; // nothing is tabu in a plain descent
        Arrays.fill(addTabuUntil, 0);
        Arrays.fill(dropTabuUntil, 0);
        while (!stop.getAsBoolean()) {
            long move = bestMove(covered);
            if (move == Long.MIN_VALUE) break;
            int slot = (int) (move >>> 32);
            int a = (int) move;
            if (swapDelta(slot, a) <= 0) break;
            swap(slot, a);
        }
        iteration = 0;
        recordIfBest();
    }

    // ------------------------------------------------------------------ tabu search

    /** How the tabu search behaves; the defaults are tuned on city-like instances. */
    public record Tuning(int dropTenureMax, int addTenureMin, int addTenureSpread, int stallIterations, double restartFromBest) {
        public static Tuning forInstance(int k, int n) {
            int dropMax = Math.max(1, Math.min(10, k / 3));
            int addMin = Math.max(2, Math.min(10, (n - k) / 20));
            int addSpread = Math.max(2, Math.min(30, (n - k) / 10));
            int stall = Math.max(200, Math.min(5_000, 20 * k));
            if (System.getProperty("planning.tuning") != null) {
                String[] t = System.getProperty("planning.tuning").split(",");
                return new Tuning(Integer.parseInt(t[0]), Integer.parseInt(t[1]), Integer.parseInt(t[2]), Integer.parseInt(t[3]), Double.parseDouble(t[4]));
            }
            return new Tuning(dropMax, addMin, addSpread, stall, 0.8);
        }
    }

    /**
     * Tabu search over swap moves from the current solution, with perturbation of the best solution
     * when it stalls, until {@code stop} says so. Calls {@code onImprovement} with each new best.
     */
    public void tabuSearch(Tuning tuning, BooleanSupplier stop, Incumbent shared) {
        recordIfBest();
        long lastImprovement = 0;
        iteration = 1;
        Arrays.fill(addTabuUntil, 0);
        Arrays.fill(dropTabuUntil, 0);
        while (!stop.getAsBoolean()) {
            long move = bestMove(bestCovered);
            if (move == Long.MIN_VALUE) {
                // everything tabu: let the tabu lists expire
                Arrays.fill(addTabuUntil, 0);
                Arrays.fill(dropTabuUntil, 0);
                move = bestMove(bestCovered);
                if (move == Long.MIN_VALUE) return;
            }
            int slot = (int) (move >>> 32);
            int a = (int) move;
            int removed = slotSite[slot];
            swap(slot, a);
            addTabuUntil[removed] = iteration + tuning.addTenureMin() + random.nextInt(tuning.addTenureSpread() + 1);
            dropTabuUntil[a] = iteration + 1 + random.nextInt(tuning.dropTenureMax());
            iteration++;
            if (covered > bestCovered) {
                recordIfBest();
                lastImprovement = iteration;
                if (shared != null) shared.offer(covered, bestSites);
            } else if (iteration - lastImprovement > tuning.stallIterations()) {
                int[] restart = bestSites;
                if (shared != null && random.nextDouble() < 0.5) {
                    int[] global = shared.sites();
                    if (global != null && global.length == k) restart = global;
                }
                if (random.nextDouble() < tuning.restartFromBest()) {
                    load(restart);
                }
                long before = covered;
                perturb(1 + random.nextInt(Math.max(1, Math.min(k, 2 + k / 8))));
                if (DEBUG) System.err.printf("restart it=%d best=%d from=%d after=%d%n", iteration, bestCovered, before, covered);
                Arrays.fill(addTabuUntil, 0);
                Arrays.fill(dropTabuUntil, 0);
                lastImprovement = iteration;
            }
        }
    }

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
        for (int c = 0; c < n; c++) {
            mark[c] = c;
            for (int p = in.coverStart[c]; p < in.coverStart[c + 1]; p++) {
                int d = in.coverDemand[p];
                for (int q = in.reachStart[d]; q < in.reachStart[d + 1]; q++) {
                    int b = in.reachCandidate[q];
                    if (mark[b] == c) continue;
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
     * Simulated annealing over swap moves: a random slot, and a candidate sharing demand with its
     * site (or, now and then, any candidate); the delta is read from the bookkeeping in O(1).
     * Cools geometrically over cycles of {@code cycleNanos}, each starting from the best known solution.
     */
    public void anneal(BooleanSupplier stop, Incumbent shared, long cycleNanos) {
        buildNeighbours();
        recordIfBest();
        // temperature scale: typical worsening of a neighbour swap from here
        long[] sample = new long[256];
        int got = 0;
        for (int t = 0; t < 4096 && got < sample.length; t++) {
            int slot = random.nextInt(k);
            int a = proposal(slotSite[slot]);
            if (a < 0 || siteSlot[a] >= 0) continue;
            long delta = swapDelta(slot, a);
            if (delta < 0) sample[got++] = -delta;
        }
        Arrays.sort(sample, 0, got);
        double t0 = got == 0 ? 1 : Math.max(1, sample[got / 4]);
        double tEnd = Math.max(0.5, t0 / 2000);
        long cycleStart = System.nanoTime();
        int step = 0;
        while (true) {
            if ((step++ & 255) == 0 && stop.getAsBoolean()) return;
            long now = System.nanoTime();
            double progress = (now - cycleStart) / (double) cycleNanos;
            if (progress >= 1) {
                int[] restart = bestSites;
                if (shared != null) {
                    int[] global = shared.sites();
                    if (global != null && global.length == k && random.nextBoolean()) restart = global;
                }
                load(restart);
                cycleStart = now;
                progress = 0;
            }
            double temperature = t0 * Math.pow(tEnd / t0, progress);
            int slot = random.nextInt(k);
            int a = proposal(slotSite[slot]);
            if (a < 0 || siteSlot[a] >= 0) continue;
            long delta = swapDelta(slot, a);
            if (delta >= 0 || random.nextDouble() < Math.exp(delta / temperature)) {
                swap(slot, a);
                if (covered > bestCovered) {
                    recordIfBest();
                    if (shared != null) shared.offer(covered, bestSites);
                }
            }
        }
    }

    private int proposal(int site) {
        if (random.nextInt(8) == 0) return random.nextInt(n);
        int from = neighbourStart[site];
        int to = neighbourStart[site + 1];
        if (to == from) return random.nextInt(n);
        return neighbours[from + random.nextInt(to - from)];
    }

    /** Replaces {@code strength} random sites, each by one of the few best-gaining candidates. */
    void perturb(int strength) {
        for (int i = 0; i < strength; i++) {
            int slot = random.nextInt(k);
            int old = slotSite[slot];
            remove(slot);
            // one of the 4 best candidates by gain, the removed one excluded
            int[] top = new int[4];
            Arrays.fill(top, -1);
            for (int c = 0; c < n; c++) {
                if (siteSlot[c] >= 0 || c == old) continue;
                for (int t = 0; t < top.length; t++) {
                    if (top[t] < 0 || gain[c] > gain[top[t]]) {
                        System.arraycopy(top, t, top, t + 1, top.length - t - 1);
                        top[t] = c;
                        break;
                    }
                }
            }
            int filled = 0;
            while (filled < top.length && top[filled] >= 0) filled++;
            int pick = filled == 0 ? old : top[random.nextInt(filled)];
            add(slot, pick);
            moves++;
        }
    }

    /**
     * The best admissible swap, packed as {@code slot << 32 | candidate}, or {@code Long.MIN_VALUE}
     * if none. A swap is admissible when neither side is tabu, or when it would beat {@code aspiration}.
     */
    long bestMove(long aspiration) {
        long now = iteration;
        int tabuCount = 0;
        for (int a = 0; a < n; a++) {
            if (siteSlot[a] >= 0) {
                addKey[a] = NEG;
            } else if (addTabuUntil[a] > now) {
                addKey[a] = NEG;
                tabuAdds[tabuCount++] = a;
            } else {
                addKey[a] = gain[a];
            }
        }
        long best = NEG / 2;
        int bestSlot = -1;
        int bestA = -1;
        int ties = 0;
        long needed = aspiration - covered; // a tabu move must gain more than this
        for (int s = 0; s < k; s++) {
            boolean slotTabu = dropTabuUntil[slotSite[s]] > now;
            long base = -loss[s];
            if (extra != null) {
                int row = s * n;
                if (!slotTabu) {
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
                    // aspiration: a tabu candidate that would give a new best
                    for (int t = 0; t < tabuCount; t++) {
                        int a = tabuAdds[t];
                        long v = gain[a] + extra[row + a] + base;
                        if (v > needed && v > best) {
                            best = v;
                            bestSlot = s;
                            bestA = a;
                            ties = 1;
                        }
                    }
                } else {
                    for (int a = 0; a < n; a++) {
                        if (siteSlot[a] >= 0) continue;
                        long v = gain[a] + extra[row + a] + base;
                        if (v > needed && v > best) {
                            best = v;
                            bestSlot = s;
                            bestA = a;
                            ties = 1;
                        }
                    }
                }
            } else {
                int a = sparseBestForSlot(s, slotTabu, needed);
                if (a >= 0) {
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
        }
        if (bestSlot < 0) return Long.MIN_VALUE;
        return ((long) bestSlot << 32) | bestA;
    }

    /**
     * Best {@code gain[a] + extra[s][a]} for one slot without the dense matrix: the extra term is
     * non-zero only for candidates covering a group the slot covers alone, so those are gathered;
     * every other candidate's value is its gain, whose maximum is found in the same scan.
     */
    private int sparseBestForSlot(int s, boolean slotTabu, long needed) {
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
        long base = -loss[s];
        long best = NEG;
        int bestA = -1;
        int ties = 0;
        for (int a = 0; a < n; a++) {
            if (siteSlot[a] >= 0) continue;
            long v = gain[a] + scratch[a];
            boolean tabu = slotTabu || addKey[a] == NEG;
            if (tabu && v + base <= needed) continue;
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
