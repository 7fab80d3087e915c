package org.yiyang.planning;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.yiyang.planning.internal.CompactInstance;
import org.yiyang.planning.internal.ExactSolver;
import org.yiyang.planning.internal.Incumbent;
import org.yiyang.planning.internal.LagrangianBound;
import org.yiyang.planning.internal.SwapSearch;

/**
 * Chooses k sites that cover the most weight (the maximal covering location problem).
 *
 * <p>{@link #plan} uses the whole time limit unless it proves the optimum earlier: a greedy start
 * and swap descent, then simulated annealing threads over swap moves, and — when the instance is
 * small enough and the native library loads — SCIP on the exact model in one of the threads; a
 * Lagrangian bound is computed alongside for a tenth of the budget. The best solution of all is
 * returned with the best bound known. {@link #solveExactly} runs SCIP alone.
 *
 * <p>Thread-safe and stateless: one planner may serve many calls.
 */
public final class SitePlanner {

    /**
     * How the planner uses the machine.
     *
     * @param threads            search threads (SCIP takes one of them when it runs)
     * @param exactSolver        run SCIP in the portfolio when the instance is small enough
     * @param exactNonZeroLimit  largest model (candidate × demand-group pairs after reduction) given to SCIP in the portfolio
     * @param seed               seed of the searches' random choices
     */
    public record Settings(int threads, boolean exactSolver, long exactNonZeroLimit, long seed) {
        public Settings {
            if (threads < 1) throw new IllegalArgumentException("threads must be ≥ 1");
        }

        /** All available cores, SCIP included for models up to 400,000 pairs. */
        public static Settings defaults() {
            return new Settings(Runtime.getRuntime().availableProcessors(), true, 400_000L, 1L);
        }

        public Settings withThreads(int t) {
            return new Settings(t, exactSolver, exactNonZeroLimit, seed);
        }

        public Settings withSeed(long s) {
            return new Settings(threads, exactSolver, exactNonZeroLimit, s);
        }

        /** Heuristic search only (no SCIP in the portfolio). */
        public Settings heuristicOnly() {
            return new Settings(threads, false, exactNonZeroLimit, seed);
        }
    }

    private final Settings settings;

    public SitePlanner() {
        this(Settings.defaults());
    }

    public SitePlanner(Settings settings) {
        this.settings = settings;
    }

    /** Whether SCIP can run on this machine (loads the native library on first call). */
    public static boolean exactSolverAvailable() {
        return ExactSolver.available();
    }

    /** Why SCIP cannot run here (empty when it can). */
    public static String exactSolverUnavailableReason() {
        ExactSolver.available();
        return ExactSolver.unavailableReason();
    }

    /**
     * Chooses k sites (all candidates if there are no more than k) within the time limit; stops
     * earlier when the choice is proven optimal.
     */
    public SitePlan plan(PlanningProblem problem, int k, Duration timeLimit) {
        long started = System.nanoTime();
        long deadline = started + Math.max(0, timeLimit.toNanos());
        requireK(k);
        CompactInstance in = compact(problem);
        if (k >= in.candidateCount) {
            return toPlan(problem, in, allCandidates(in), k, in.totalWeight, true, started);
        }
        long trivialBound = trivialBound(in, k);

        Incumbent incumbent = new Incumbent();
        SwapSearch first = new SwapSearch(in, k, settings.seed());
        first.greedyFill();
        first.descend(() -> System.nanoTime() >= deadline);
        incumbent.offer(first.bestCovered(), first.bestSites(), "greedy+descent");
        if (incumbent.covered() >= trivialBound || System.nanoTime() >= deadline) {
            return toPlan(problem, in, incumbent.sites(), k, trivialBound, incumbent.covered() >= trivialBound, started);
        }

        AtomicBoolean stop = new AtomicBoolean();
        CountDownLatch finished = new CountDownLatch(1);
        // the best upper bound known (scaled units): reaching it proves optimality
        AtomicLong bound = new AtomicLong(trivialBound);
        long boundUntil = System.nanoTime() + Math.max(50_000_000L, (deadline - System.nanoTime()) / 10);
        Thread.ofPlatform().daemon().name("site-planner-bound").start(() -> {
            long b = LagrangianBound.compute(in, k, incumbent::covered,
                    () -> stop.get() || System.nanoTime() >= Math.min(deadline, boundUntil));
            bound.accumulateAndGet(b, Math::min);
            if (incumbent.covered() >= bound.get()) finished.countDown();
        });
        boolean runExact = settings.exactSolver() && in.nonZeros() <= settings.exactNonZeroLimit() && settings.threads() >= 1;
        int searchThreads = Math.max(1, runExact ? settings.threads() - 1 : settings.threads());
        List<Thread> threads = new ArrayList<>();
        AtomicReference<ExactSolver.Result> exactResult = new AtomicReference<>();
        ExactSolver exact = new ExactSolver();
        Thread exactThread = null;
        if (runExact) {
            int[] hint = incumbent.sites();
            exactThread = Thread.ofPlatform().daemon().name("site-planner-scip").start(() -> {
                try {
                    if (!ExactSolver.available()) return;
                    long millis = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                    if (millis <= 0 || stop.get()) return;
                    ExactSolver.Result r = exact.solve(in, k, hint, millis);
                    exactResult.set(r);
                    if (r.hasSolution()) incumbent.offer(r.covered(), r.sites(), "scip");
                    if (r.optimal()) finished.countDown();
                } catch (RuntimeException | LinkageError e) {
                    // the heuristic result stands; the exact bound is simply not known
                }
            });
        }
        int[] start = incumbent.sites();
        // annealing cycles: a fifth of the budget, between 20 ms and 8 s
        long cycle = Math.max(20_000_000L, Math.min(8_000_000_000L, (deadline - System.nanoTime()) / 5));
        for (int t = 0; t < searchThreads; t++) {
            int index = t;
            threads.add(Thread.ofPlatform().daemon().name("site-planner-anneal-" + t).start(() -> {
                SwapSearch search = index == 0 ? first : new SwapSearch(in, k, settings.seed() * 31 + index);
                if (index > 0) search.load(start);
                search.anneal(() -> stop.get() || System.nanoTime() >= deadline || incumbent.covered() >= bound.get(),
                        incumbent, cycle);
                if (incumbent.covered() >= bound.get()) finished.countDown();
            }));
        }
        try {
            finished.await(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        stop.set(true);
        exact.interrupt();
        for (Thread t : threads) joinQuietly(t, 2_000);
        if (exactThread != null) joinQuietly(exactThread, 100);

        ExactSolver.Result r = exactResult.get();
        long best = incumbent.covered();
        double upper = bound.get();
        boolean optimal = best >= upper;
        if (r != null) {
            upper = Math.min(upper, Math.max(r.bound(), best));
            optimal |= r.optimal() && best >= r.covered();
        }
        return toPlan(problem, in, incumbent.sites(), k, optimal ? best : upper, optimal, started);
    }

    /**
     * Solves with SCIP alone (no heuristic beyond a greedy hint). The plan says whether the time
     * limit sufficed to prove optimality. Throws {@link IllegalStateException} if SCIP cannot run here.
     */
    public SitePlan solveExactly(PlanningProblem problem, int k, Duration timeLimit) {
        long started = System.nanoTime();
        requireK(k);
        if (!ExactSolver.available()) {
            throw new IllegalStateException("SCIP (OR-Tools) is not available: " + ExactSolver.unavailableReason());
        }
        CompactInstance in = compact(problem);
        if (k >= in.candidateCount) {
            return toPlan(problem, in, allCandidates(in), k, in.totalWeight, true, started);
        }
        SwapSearch greedy = new SwapSearch(in, k, settings.seed());
        greedy.greedyFill();
        long millis = Math.max(1, timeLimit.toMillis() - TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        ExactSolver.Result r = new ExactSolver().solve(in, k, greedy.bestSites(), millis);
        int[] sites = r.hasSolution() && r.covered() >= greedy.bestCovered() ? r.sites() : greedy.bestSites();
        long covered = Math.max(r.hasSolution() ? r.covered() : -1, greedy.bestCovered());
        return toPlan(problem, in, sites, k, r.optimal() ? covered : Math.max(covered, r.bound()), r.optimal(), started);
    }

    /**
     * Evaluates a given choice of candidates: ordered as in a plan, with marginal gains. No bound
     * is claimed (the upper bound is the total weight).
     */
    public SitePlan evaluate(PlanningProblem problem, int[] candidates) {
        long started = System.nanoTime();
        for (int c : candidates) {
            if (c < 0 || c >= problem.candidateCount()) throw new IllegalArgumentException("no candidate " + c);
        }
        int[] distinct = Arrays.stream(candidates).distinct().toArray();
        return ordered(problem, distinct, problem.totalWeight(), false, started);
    }

    // ------------------------------------------------------------------ helpers

    private static void requireK(int k) {
        if (k < 0) throw new IllegalArgumentException("k must be ≥ 0, was " + k);
    }

    private static CompactInstance compact(PlanningProblem problem) {
        return CompactInstance.of(problem.weightArray(), problem.alreadyCoveredArray(),
                problem.coverStartArray(), problem.coverDemandArray());
    }

    private static int[] allCandidates(CompactInstance in) {
        int[] all = new int[in.candidateCount];
        Arrays.setAll(all, i -> i);
        return all;
    }

    /** No k sites cover more than the k largest single covers, nor more than everything. */
    private static long trivialBound(CompactInstance in, int k) {
        long[] sizes = new long[in.candidateCount];
        for (int c = 0; c < in.candidateCount; c++) {
            long g = 0;
            for (int p = in.coverStart[c]; p < in.coverStart[c + 1]; p++) g += in.weight[in.coverDemand[p]];
            sizes[c] = g;
        }
        Arrays.sort(sizes);
        long sum = 0;
        for (int i = 0; i < k && i < sizes.length; i++) sum += sizes[sizes.length - 1 - i];
        return Math.min(sum, in.totalWeight);
    }

    private static void joinQuietly(Thread t, long millis) {
        try {
            t.join(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Maps a compact solution back to the problem: original candidates, topped up to k with
     * candidates that add nothing (when fewer kept candidates exist), then ordered with gains.
     */
    private static SitePlan toPlan(PlanningProblem problem, CompactInstance in, int[] compactSites, int k,
                                   double boundScaled, boolean optimal, long started) {
        int wanted = Math.min(k, problem.candidateCount());
        boolean[] taken = new boolean[problem.candidateCount()];
        int[] chosen = new int[wanted];
        int size = 0;
        for (int c : compactSites) {
            int original = in.original[c];
            if (!taken[original] && size < wanted) {
                taken[original] = true;
                chosen[size++] = original;
            }
        }
        if (size < wanted) {
            // fillers: the largest covers first (they add nothing to the covered weight)
            Integer[] rest = new Integer[problem.candidateCount()];
            for (int c = 0; c < rest.length; c++) rest[c] = c;
            Arrays.sort(rest, (a, b) -> Integer.compare(problem.coverSize(b), problem.coverSize(a)));
            for (int i = 0; i < rest.length && size < wanted; i++) {
                if (!taken[rest[i]]) {
                    taken[rest[i]] = true;
                    chosen[size++] = rest[i];
                }
            }
        }
        double bound = boundScaled / in.scale + problem.alreadyCoveredWeight();
        return ordered(problem, chosen, bound, optimal, started);
    }

    /** Orders the sites greedily by marginal gain on the original weights. */
    private static SitePlan ordered(PlanningProblem problem, int[] chosen, double bound, boolean optimal, long started) {
        double[] w = problem.weightArray();
        int[] cs = problem.coverStartArray();
        int[] cd = problem.coverDemandArray();
        boolean[] covered = problem.alreadyCoveredArray().clone();
        double already = problem.alreadyCoveredWeight();
        double total = already;
        boolean[] placed = new boolean[chosen.length];
        List<PlannedSite> sites = new ArrayList<>(chosen.length);
        for (int step = 0; step < chosen.length; step++) {
            int best = -1;
            double bestGain = -1;
            for (int i = 0; i < chosen.length; i++) {
                if (placed[i]) continue;
                int c = chosen[i];
                double g = 0;
                for (int p = cs[c]; p < cs[c + 1]; p++) {
                    if (!covered[cd[p]]) g += w[cd[p]];
                }
                if (g > bestGain) {
                    bestGain = g;
                    best = i;
                }
            }
            placed[best] = true;
            int c = chosen[best];
            for (int p = cs[c]; p < cs[c + 1]; p++) covered[cd[p]] = true;
            total += bestGain;
            sites.add(new PlannedSite(c, problem.candidateId(c), bestGain));
        }
        double upper = optimal ? total : Math.max(total, bound);
        return new SitePlan(sites, total, already, problem.totalWeight(), upper, optimal,
                Duration.ofNanos(System.nanoTime() - started));
    }
}
