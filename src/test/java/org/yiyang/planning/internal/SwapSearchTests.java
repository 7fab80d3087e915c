package org.yiyang.planning.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The swap bookkeeping (counts, gains, losses, the extra term) must agree with recomputing the
 * covered weight from scratch, after any sequence of moves, in the dense and the sparse variant.
 */
class SwapSearchTests {

    /** A random instance: demand with whole weights, candidates covering random nearby demand. */
    static CompactInstance randomInstance(long seed, int demand, int candidates) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] weights = new double[demand];
        boolean[] already = new boolean[demand];
        for (int i = 0; i < demand; i++) {
            weights[i] = 1 + r.nextInt(20);
            already[i] = r.nextInt(15) == 0;
        }
        int[] start = new int[candidates + 1];
        int[] data = new int[candidates * 40];
        int size = 0;
        for (int c = 0; c < candidates; c++) {
            int centre = r.nextInt(demand);
            int count = r.nextInt(25);
            int[] list = new int[count];
            for (int i = 0; i < count; i++) list[i] = Math.floorMod(centre + r.nextInt(61) - 30, demand);
            list = Arrays.stream(list).distinct().sorted().toArray();
            System.arraycopy(list, 0, data, size, list.length);
            size += list.length;
            start[c + 1] = size;
        }
        return CompactInstance.of(weights, already, start, Arrays.copyOf(data, size));
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void swapDeltasEqualRecomputationAfterRandomMoves(boolean dense) {
        for (long seed = 1; seed <= 25; seed++) {
            CompactInstance in = randomInstance(seed, 300, 80);
            int k = 2 + (int) (seed % 7);
            SwapSearch s = new SwapSearch(in, k, seed, dense);
            s.greedyFill();
            SplittableRandom r = new SplittableRandom(seed * 7);
            for (int step = 0; step < 40; step++) {
                assertThat(s.covered()).isEqualTo(s.recomputeCovered());
                for (int slot = 0; slot < k; slot++) {
                    for (int a = 0; a < in.candidateCount; a++) {
                        if (contains(s.sites(), a)) continue;
                        assertThat(s.swapDelta(slot, a)).as("seed %d step %d slot %d candidate %d", seed, step, slot, a)
                                .isEqualTo(s.recomputeSwapDelta(slot, a));
                    }
                }
                int slot = r.nextInt(k);
                int a;
                do {
                    a = r.nextInt(in.candidateCount);
                } while (contains(s.sites(), a));
                long predicted = s.covered() + s.swapDelta(slot, a);
                s.swap(slot, a);
                assertThat(s.covered()).isEqualTo(predicted);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void gainsAndLossesMatchTheirDefinitions(boolean dense) {
        CompactInstance in = randomInstance(99, 400, 100);
        SwapSearch s = new SwapSearch(in, 6, 3, dense);
        s.greedyFill();
        SplittableRandom r = new SplittableRandom(5);
        for (int step = 0; step < 30; step++) {
            int[] sites = s.sites();
            int[] count = new int[in.demandCount];
            for (int c : sites) {
                for (int p = in.coverStart[c]; p < in.coverStart[c + 1]; p++) count[in.coverDemand[p]]++;
            }
            for (int a = 0; a < in.candidateCount; a++) {
                if (contains(sites, a)) continue;
                long gain = 0;
                for (int p = in.coverStart[a]; p < in.coverStart[a + 1]; p++) {
                    if (count[in.coverDemand[p]] == 0) gain += in.weight[in.coverDemand[p]];
                }
                assertThat(s.gain(a)).isEqualTo(gain);
            }
            for (int slot = 0; slot < sites.length; slot++) {
                long loss = 0;
                int c = sites[slot];
                for (int p = in.coverStart[c]; p < in.coverStart[c + 1]; p++) {
                    if (count[in.coverDemand[p]] == 1) loss += in.weight[in.coverDemand[p]];
                }
                assertThat(s.loss(slot)).isEqualTo(loss);
            }
            int a;
            do {
                a = r.nextInt(in.candidateCount);
            } while (contains(sites, a));
            s.swap(r.nextInt(sites.length), a);
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void descentEndsInASwapLocalOptimum(boolean dense) {
        for (long seed = 1; seed <= 10; seed++) {
            CompactInstance in = randomInstance(seed, 300, 60);
            SwapSearch s = new SwapSearch(in, 5, seed, dense);
            s.greedyFill();
            long greedy = s.covered();
            s.descend(() -> false);
            assertThat(s.covered()).isGreaterThanOrEqualTo(greedy).isEqualTo(s.recomputeCovered());
            for (int slot = 0; slot < 5; slot++) {
                for (int a = 0; a < in.candidateCount; a++) {
                    if (!contains(s.sites(), a)) assertThat(s.recomputeSwapDelta(slot, a)).isLessThanOrEqualTo(0);
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void annealingKeepsItsBestConsistentAndShared(boolean dense) {
        CompactInstance in = randomInstance(7, 500, 120);
        SwapSearch s = new SwapSearch(in, 8, 11, dense);
        s.greedyFill();
        long[] budget = {System.nanoTime() + 150_000_000L};
        Incumbent shared = new Incumbent();
        s.anneal(() -> System.nanoTime() > budget[0], shared, 50_000_000L);
        assertThat(in.coveredWeight(s.bestSites())).isEqualTo(s.bestCovered());
        assertThat(s.covered()).isEqualTo(s.recomputeCovered());
        assertThat(shared.covered()).isEqualTo(s.bestCovered());
    }

    private static boolean contains(int[] sites, int c) {
        for (int s : sites) {
            if (s == c) return true;
        }
        return false;
    }
}
