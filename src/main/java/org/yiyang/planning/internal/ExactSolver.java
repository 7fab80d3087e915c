package org.yiyang.planning.internal;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPObjective;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPSolverParameters;
import com.google.ortools.linearsolver.MPVariable;
import java.util.Arrays;

/**
 * The exact model, solved by SCIP through OR-Tools:
 * <pre>
 *   maximise  Σ_d w_d y_d
 *   subject to y_d ≤ Σ_{c covers d} x_c   for every demand group d
 *              Σ_c x_c = k
 *              x_c ∈ {0,1},  0 ≤ y_d ≤ 1
 * </pre>
 * The y are continuous: at an optimum each is 1 exactly when some chosen site covers its group.
 * Weights are the compact instance's integers, so an absolute gap below 1 proves optimality.
 * One instance solves one model; {@link #interrupt()} may be called from another thread.
 */
public final class ExactSolver {

    private static volatile Boolean available;
    private static volatile String unavailableReason = "";

    private MPSolver solver;
    private volatile boolean interrupted;

    /** The outcome: sites are kept-candidate indices; bound is on the scaled covered weight. */
    public record Result(int[] sites, long covered, double bound, boolean optimal, String status) {
        public boolean hasSolution() {
            return sites != null;
        }
    }

    /** Loads the native library once; false (with {@link #unavailableReason()}) when it cannot be loaded here. */
    public static boolean available() {
        Boolean known = available;
        if (known != null) return known;
        synchronized (ExactSolver.class) {
            if (available == null) {
                try {
                    NativeLibraries.load();
                    MPSolver probe = MPSolver.createSolver("SCIP");
                    if (probe == null) {
                        unavailableReason = "OR-Tools loaded but has no SCIP backend";
                        available = false;
                    } else {
                        probe.delete();
                        available = true;
                    }
                } catch (Throwable e) {
                    unavailableReason = e.getClass().getSimpleName() + ": " + e.getMessage();
                    available = false;
                }
            }
            return available;
        }
    }

    public static String unavailableReason() {
        return unavailableReason;
    }

    /** Asks a running solve to stop soon (it returns its best solution and bound so far). */
    public synchronized void interrupt() {
        interrupted = true;
        if (solver != null) solver.interruptSolve();
    }

    /**
     * Solves the model for k sites within the time limit, starting from the hint (kept-candidate
     * indices, may be null).
     */
    public Result solve(CompactInstance in, int k, int[] hint, long timeLimitMillis) {
        if (!available()) throw new IllegalStateException("exact solver unavailable: " + unavailableReason);
        int n = in.candidateCount;
        int m = in.demandCount;
        if (k >= n) {
            int[] all = new int[n];
            Arrays.setAll(all, i -> i);
            return new Result(all, in.totalWeight, in.totalWeight, true, "TRIVIAL");
        }
        MPSolver s = MPSolver.createSolver("SCIP");
        try {
            MPVariable[] x = new MPVariable[n];
            for (int c = 0; c < n; c++) x[c] = s.makeBoolVar("x" + c);
            MPVariable[] y = new MPVariable[m];
            MPObjective objective = s.objective();
            for (int d = 0; d < m; d++) {
                y[d] = s.makeNumVar(0, 1, "y" + d);
                objective.setCoefficient(y[d], in.weight[d]);
                MPConstraint row = s.makeConstraint(Double.NEGATIVE_INFINITY, 0);
                row.setCoefficient(y[d], 1);
                for (int p = in.reachStart[d]; p < in.reachStart[d + 1]; p++) {
                    row.setCoefficient(x[in.reachCandidate[p]], -1);
                }
            }
            objective.setMaximization();
            MPConstraint cardinality = s.makeConstraint(k, k);
            for (MPVariable v : x) cardinality.setCoefficient(v, 1);

            if (hint != null && hint.length == k) {
                boolean[] chosen = new boolean[n];
                for (int c : hint) chosen[c] = true;
                boolean[] covered = new boolean[m];
                for (int c : hint) {
                    for (int p = in.coverStart[c]; p < in.coverStart[c + 1]; p++) covered[in.coverDemand[p]] = true;
                }
                MPVariable[] vars = new MPVariable[n + m];
                double[] values = new double[n + m];
                for (int c = 0; c < n; c++) {
                    vars[c] = x[c];
                    values[c] = chosen[c] ? 1 : 0;
                }
                for (int d = 0; d < m; d++) {
                    vars[n + d] = y[d];
                    values[n + d] = covered[d] ? 1 : 0;
                }
                s.setHint(vars, values);
            }
            s.setTimeLimit(Math.max(1, timeLimitMillis));
            s.setSolverSpecificParametersAsString("limits/gap = 0\nlimits/absgap = 0.999\n");
            MPSolverParameters parameters = new MPSolverParameters();
            parameters.setDoubleParam(MPSolverParameters.DoubleParam.RELATIVE_MIP_GAP, 0.0);
            synchronized (this) {
                if (interrupted) return new Result(null, -1, in.totalWeight, false, "INTERRUPTED");
                solver = s;
            }
            MPSolver.ResultStatus status = s.solve(parameters);
            synchronized (this) {
                solver = null;
            }
            if (status != MPSolver.ResultStatus.OPTIMAL && status != MPSolver.ResultStatus.FEASIBLE) {
                return new Result(null, -1, in.totalWeight, false, status.name());
            }
            int[] sites = new int[k];
            int found = 0;
            for (int c = 0; c < n && found < k; c++) {
                if (x[c].solutionValue() > 0.5) sites[found++] = c;
            }
            if (found < k) return new Result(null, -1, in.totalWeight, false, status.name() + " (incomplete)");
            long covered = in.coveredWeight(sites);
            double bound = status == MPSolver.ResultStatus.OPTIMAL ? covered : Math.min(in.totalWeight, objective.bestBound());
            return new Result(sites, covered, bound, status == MPSolver.ResultStatus.OPTIMAL, status.name());
        } finally {
            synchronized (this) {
                solver = null;
            }
            s.delete();
        }
    }
}
