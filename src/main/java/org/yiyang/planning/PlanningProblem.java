package org.yiyang.planning;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A maximal covering location problem: demand points with weights, candidate sites, and for each
 * candidate the demand points it covers. Demand marked as already covered (by existing facilities)
 * counts as covered whatever is chosen. Immutable; build it with {@link #builder()}.
 *
 * <p>Indices are positions: demand {@code 0..demandCount()-1} in the order added, candidates
 * {@code 0..candidateCount()-1} likewise. Candidate ids are the caller's and must be unique.
 */
public final class PlanningProblem {

    private final double[] weights;
    private final boolean[] alreadyCovered;
    private final String[] candidateIds;
    private final int[] coverStart;
    private final int[] coverDemand;

    private PlanningProblem(double[] weights, boolean[] alreadyCovered, String[] candidateIds, int[] coverStart, int[] coverDemand) {
        this.weights = weights;
        this.alreadyCovered = alreadyCovered;
        this.candidateIds = candidateIds;
        this.coverStart = coverStart;
        this.coverDemand = coverDemand;
    }

    public static Builder builder() {
        return new Builder();
    }

    public int demandCount() {
        return weights.length;
    }

    public int candidateCount() {
        return candidateIds.length;
    }

    public double weight(int demand) {
        return weights[demand];
    }

    public boolean alreadyCovered(int demand) {
        return alreadyCovered[demand];
    }

    public String candidateId(int candidate) {
        return candidateIds[candidate];
    }

    /** The demand points the candidate covers, ascending, without repeats. A copy. */
    public int[] coveredBy(int candidate) {
        return Arrays.copyOfRange(coverDemand, coverStart[candidate], coverStart[candidate + 1]);
    }

    /** How many demand points the candidate covers. */
    public int coverSize(int candidate) {
        return coverStart[candidate + 1] - coverStart[candidate];
    }

    /** Sum of all demand weights. */
    public double totalWeight() {
        double sum = 0;
        for (double w : weights) sum += w;
        return sum;
    }

    /** Sum of the weights of demand already covered by existing facilities. */
    public double alreadyCoveredWeight() {
        double sum = 0;
        for (int i = 0; i < weights.length; i++) {
            if (alreadyCovered[i]) sum += weights[i];
        }
        return sum;
    }

    // Raw CSR access for the planner's internals (no copies); not part of the API.
    int[] coverStartArray() {
        return coverStart;
    }

    int[] coverDemandArray() {
        return coverDemand;
    }

    double[] weightArray() {
        return weights;
    }

    boolean[] alreadyCoveredArray() {
        return alreadyCovered;
    }

    /** Collects demand and candidates; {@link #build()} validates everything at once. */
    public static final class Builder {
        private double[] weights = new double[16];
        private boolean[] covered = new boolean[16];
        private int demandCount;
        private final List<String> ids = new ArrayList<>();
        private int[] start = new int[17];
        private int[] data = new int[64];
        private int size;

        private Builder() {
        }

        /** Adds a demand point; returns its index. */
        public int demand(double weight) {
            return demand(weight, false);
        }

        /** Adds a demand point, possibly already covered by an existing facility; returns its index. */
        public int demand(double weight, boolean alreadyCovered) {
            if (!(weight >= 0) || Double.isInfinite(weight)) {
                throw new IllegalArgumentException("demand " + demandCount + ": weight must be a finite number ≥ 0, was " + weight);
            }
            if (demandCount == weights.length) {
                weights = Arrays.copyOf(weights, demandCount * 2);
                covered = Arrays.copyOf(covered, demandCount * 2);
            }
            weights[demandCount] = weight;
            covered[demandCount] = alreadyCovered;
            return demandCount++;
        }

        /**
         * Adds a candidate site covering the given demand points (indices of demand added before
         * or after; checked in {@link #build()}); returns its index.
         */
        public int candidate(String id, int[] coveredDemand) {
            Objects.requireNonNull(id, "candidate id");
            int n = ids.size();
            ids.add(id);
            if (n + 2 > start.length) start = Arrays.copyOf(start, start.length * 2);
            int[] sorted = coveredDemand.clone();
            Arrays.sort(sorted);
            int distinct = 0;
            for (int i = 0; i < sorted.length; i++) {
                if (i == 0 || sorted[i] != sorted[i - 1]) sorted[distinct++] = sorted[i];
            }
            if (size + distinct > data.length) data = Arrays.copyOf(data, Math.max(data.length * 2, size + distinct));
            System.arraycopy(sorted, 0, data, size, distinct);
            size += distinct;
            start[n + 1] = size;
            return n;
        }

        public PlanningProblem build() {
            int n = ids.size();
            Set<String> seen = new HashSet<>();
            for (String id : ids) {
                if (!seen.add(id)) throw new IllegalArgumentException("candidate id " + id + " is not unique");
            }
            for (int i = 0; i < size; i++) {
                if (data[i] < 0 || data[i] >= demandCount) {
                    throw new IllegalArgumentException("a candidate covers demand " + data[i] + ", but there are " + demandCount);
                }
            }
            return new PlanningProblem(Arrays.copyOf(weights, demandCount), Arrays.copyOf(covered, demandCount),
                    ids.toArray(String[]::new), Arrays.copyOf(start, n + 1), Arrays.copyOf(data, size));
        }
    }
}
