package org.yiyang.planning.internal;

import java.util.Arrays;
import java.util.PriorityQueue;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/**
 * An upper bound on the weight k sites can cover, by Lagrangian relaxation of the coverage
 * constraints {@code y_d ≤ Σ_{c covers d} x_c} with multipliers {@code 0 ≤ λ_d ≤ w_d}:
 * <pre>
 *   L(λ) = Σ_d max(0, w_d − λ_d) + (sum of the k largest Σ_{d ∈ cover(c)} λ_d)
 * </pre>
 * Every L(λ) bounds the optimum from above; subgradient steps (Held–Karp–Crowder step size,
 * halved when the bound stalls) bring it down towards the LP bound. Each step costs one pass over
 * the coverage pairs.
 */
public final class LagrangianBound {

    private LagrangianBound() {
    }

    /**
     * The best (lowest) bound found, in the instance's scaled units, rounded down: covered weights
     * are integers there. Stops when {@code stop} says so, when the bound reaches
     * {@code lowerBound} (the best known solution: then that solution is optimal), or when the
     * steps become too small to matter.
     */
    public static long compute(CompactInstance in, int k, LongSupplier lowerBound, BooleanSupplier stop) {
        int m = in.demandCount;
        int n = in.candidateCount;
        if (k >= n) return in.totalWeight;
        double[] lambda = new double[m];
        // start: each group's weight shared among the candidates that cover it
        for (int d = 0; d < m; d++) lambda[d] = (double) in.weight[d] / (in.reachStart[d + 1] - in.reachStart[d]);
        double[] cost = new double[n];
        int[] count = new int[m];
        int[] chosen = new int[k];
        double best = Double.POSITIVE_INFINITY;
        double mu = 2;
        int stalled = 0;
        for (int iteration = 0; iteration < 1_000_000 && mu > 1e-6 && !stop.getAsBoolean(); iteration++) {
            double value = 0;
            for (int d = 0; d < m; d++) {
                if (lambda[d] < in.weight[d]) value += in.weight[d] - lambda[d];
            }
            for (int c = 0; c < n; c++) {
                double sum = 0;
                for (int p = in.coverStart[c]; p < in.coverStart[c + 1]; p++) sum += lambda[in.coverDemand[p]];
                cost[c] = sum;
            }
            topK(cost, k, chosen);
            for (int c : chosen) value += cost[c];
            if (best == Double.POSITIVE_INFINITY || value < best - 1e-9 * Math.max(1, best)) {
                best = value;
                stalled = 0;
            } else if (++stalled >= 30) {
                mu /= 2;
                stalled = 0;
            }
            long lower = lowerBound.getAsLong();
            if (rounded(best) <= lower) break;

            Arrays.fill(count, 0);
            for (int c : chosen) {
                for (int p = in.coverStart[c]; p < in.coverStart[c + 1]; p++) count[in.coverDemand[p]]++;
            }
            double norm = 0;
            for (int d = 0; d < m; d++) {
                int g = count[d] - (lambda[d] < in.weight[d] ? 1 : 0);
                norm += (double) g * g;
            }
            if (norm == 0) break; // λ is optimal: the bound cannot go lower
            double step = mu * Math.max(1, value - lower) / norm;
            for (int d = 0; d < m; d++) {
                int g = count[d] - (lambda[d] < in.weight[d] ? 1 : 0);
                if (g != 0) lambda[d] = Math.max(0, Math.min(in.weight[d], lambda[d] - step * g));
            }
        }
        return best == Double.POSITIVE_INFINITY ? in.totalWeight : Math.min(in.totalWeight, rounded(best));
    }

    /** Rounds down, with a margin far above the rounding error of the sums. */
    private static long rounded(double bound) {
        return (long) Math.floor(bound * (1 + 1e-9) + 1e-6);
    }

    /** Indices of the k largest values (any order). */
    private static void topK(double[] values, int k, int[] out) {
        PriorityQueue<Integer> heap = new PriorityQueue<>(k + 1, (a, b) -> Double.compare(values[a], values[b]));
        for (int i = 0; i < values.length; i++) {
            if (heap.size() < k) {
                heap.add(i);
            } else if (values[i] > values[heap.peek()]) {
                heap.poll();
                heap.add(i);
            }
        }
        for (int i = 0; i < k; i++) out[i] = heap.poll();
    }
}
