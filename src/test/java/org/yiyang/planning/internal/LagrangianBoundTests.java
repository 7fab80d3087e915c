package org.yiyang.planning.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class LagrangianBoundTests {

    @Test
    void theBoundIsNeverBelowTheOptimumAndTighterThanTheTrivialOnes() {
        int tighter = 0;
        for (long seed = 1; seed <= 20; seed++) {
            CompactInstance in = SwapSearchTests.randomInstance(seed, 200, 14);
            for (int k = 1; k <= 4; k++) {
                if (k >= in.candidateCount) continue;
                long optimum = optimum(in, k);
                SwapSearch greedy = new SwapSearch(in, k, seed);
                greedy.greedyFill();
                long known = greedy.covered();
                long bound = LagrangianBound.compute(in, k, () -> known, () -> false);
                assertThat(bound).as("seed %d k %d", seed, k).isGreaterThanOrEqualTo(optimum).isLessThanOrEqualTo(in.totalWeight);
                if (bound < Math.min(in.totalWeight, topKCovers(in, k))) tighter++;
            }
        }
        assertThat(tighter).isGreaterThan(20);
    }

    @Test
    void itStopsAtAKnownSolutionThatReachesIt() {
        CompactInstance in = SwapSearchTests.randomInstance(3, 200, 14);
        long optimum = optimum(in, 2);
        long bound = LagrangianBound.compute(in, 2, () -> optimum, () -> false);
        assertThat(bound).isGreaterThanOrEqualTo(optimum);
    }

    private static long topKCovers(CompactInstance in, int k) {
        long[] sizes = new long[in.candidateCount];
        for (int c = 0; c < sizes.length; c++) {
            for (int p = in.coverStart[c]; p < in.coverStart[c + 1]; p++) sizes[c] += in.weight[in.coverDemand[p]];
        }
        Arrays.sort(sizes);
        long sum = 0;
        for (int i = 0; i < k; i++) sum += sizes[sizes.length - 1 - i];
        return sum;
    }

    private static long optimum(CompactInstance in, int k) {
        int n = in.candidateCount;
        long best = 0;
        for (int mask = 0; mask < 1 << n; mask++) {
            if (Integer.bitCount(mask) != k) continue;
            int[] sites = new int[k];
            int s = 0;
            for (int c = 0; c < n; c++) {
                if ((mask & 1 << c) != 0) sites[s++] = c;
            }
            best = Math.max(best, in.coveredWeight(sites));
        }
        return best;
    }
}
