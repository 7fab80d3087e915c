package org.yiyang.planning.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CompactInstanceTests {

    @Test
    void demandWithTheSameCandidatesIsMergedAndIrrelevantDemandDropped() {
        // demand 0,1 covered by {A,B}; 2 by {B}; 3 already covered; 4 by nobody; 5 weight 0
        double[] w = {2, 3, 5, 7, 11, 0};
        boolean[] already = {false, false, false, true, false, false};
        int[] start = {0, 3, 7};
        int[] data = {0, 1, 3, /* B */ 0, 1, 2, 5};
        CompactInstance in = CompactInstance.of(w, already, start, data, false);
        assertThat(in.candidateCount).isEqualTo(2);
        assertThat(in.demandCount).isEqualTo(2); // {0,1} merged, {2}
        assertThat(Arrays.stream(in.weight).sorted().toArray()).containsExactly(5, 5);
        assertThat(in.totalWeight).isEqualTo(10);
    }

    @Test
    void duplicateAndDominatedCandidatesAreDropped() {
        double[] w = {1, 1, 1, 1};
        boolean[] already = new boolean[4];
        // A={0,1} B={0,1} (duplicate) C={0,1,2} (dominates A,B) D={3} E={} (useless)
        int[] start = {0, 2, 4, 7, 8, 8};
        int[] data = {0, 1, 0, 1, 0, 1, 2, 3};
        CompactInstance in = CompactInstance.of(w, already, start, data, true);
        assertThat(in.original).containsExactly(2, 3);
        CompactInstance kept = CompactInstance.of(w, already, start, data, false);
        assertThat(kept.original).containsExactly(0, 2, 3);
    }

    @Test
    void reductionKeepsTheBestCoverageForEveryK() {
        for (long seed = 1; seed <= 30; seed++) {
            SplittableRandom r = new SplittableRandom(seed);
            int m = 12;
            int n = 9;
            double[] w = new double[m];
            boolean[] already = new boolean[m];
            for (int i = 0; i < m; i++) {
                w[i] = r.nextInt(4);
                already[i] = r.nextInt(6) == 0;
            }
            int[] start = new int[n + 1];
            int[] data = new int[m * n];
            int size = 0;
            for (int c = 0; c < n; c++) {
                for (int i = 0; i < m; i++) {
                    if (r.nextInt(4) == 0) data[size++] = i;
                }
                start[c + 1] = size;
            }
            data = Arrays.copyOf(data, size);
            CompactInstance in = CompactInstance.of(w, already, start, data, true);
            for (int k = 1; k <= 4; k++) {
                assertThat(bestByEnumeration(in, k)).as("seed %d k %d", seed, k)
                        .isEqualTo(bestOriginal(w, already, start, data, n, k));
            }
        }
    }

    @Test
    void fractionalWeightsAreScaledToIntegers() {
        double[] w = {0.25, 1.5, 2};
        CompactInstance in = CompactInstance.of(w, new boolean[3], new int[] {0, 1, 3}, new int[] {0, 1, 2}, true);
        assertThat(in.scale).isEqualTo(100);
        assertThat(in.totalWeight).isEqualTo(375);
    }

    private static long bestByEnumeration(CompactInstance in, int k) {
        int n = in.candidateCount;
        if (n <= k) {
            int[] all = new int[n];
            Arrays.setAll(all, i -> i);
            return in.coveredWeight(all);
        }
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

    private static long bestOriginal(double[] w, boolean[] already, int[] start, int[] data, int n, int k) {
        long best = 0;
        for (int mask = 0; mask < 1 << n; mask++) {
            if (Integer.bitCount(mask) != Math.min(k, n)) continue;
            boolean[] covered = new boolean[w.length];
            long sum = 0;
            for (int c = 0; c < n; c++) {
                if ((mask & 1 << c) == 0) continue;
                for (int p = start[c]; p < start[c + 1]; p++) {
                    int d = data[p];
                    if (!covered[d] && !already[d]) {
                        covered[d] = true;
                        sum += (long) w[d];
                    }
                }
            }
            best = Math.max(best, sum);
        }
        return best;
    }
}
