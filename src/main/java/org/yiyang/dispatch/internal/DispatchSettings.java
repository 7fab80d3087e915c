package org.yiyang.dispatch.internal;

import java.time.Duration;

/**
 * The dispatch settings ({@code yiyang.dispatch.*}): the radius within which caregivers are
 * considered (straight line), how close two travel times must be to count as a tie, how many ranked
 * candidates to return, and the cell size of the spatial index.
 */
public record DispatchSettings(double maxRadiusMeters, Duration tieTolerance, int maxCandidates, double indexCellMeters) {

    public DispatchSettings {
        if (!(maxRadiusMeters > 0)) {
            throw new IllegalArgumentException("yiyang.dispatch.max-radius-m must be positive: " + maxRadiusMeters);
        }
        if (tieTolerance == null || tieTolerance.isNegative()) {
            throw new IllegalArgumentException("yiyang.dispatch.tie-tolerance must not be negative: " + tieTolerance);
        }
        if (maxCandidates < 1) {
            throw new IllegalArgumentException("yiyang.dispatch.max-candidates must be at least 1: " + maxCandidates);
        }
        if (!(indexCellMeters >= 100)) {
            throw new IllegalArgumentException("yiyang.dispatch.index-cell-m must be at least 100: " + indexCellMeters);
        }
    }

    /** 5 km, 60 s, 20 candidates, 1 km cells. */
    public static DispatchSettings defaults() {
        return new DispatchSettings(5_000, Duration.ofSeconds(60), 20, 1_000);
    }

    public DispatchSettings withMaxRadiusMeters(double meters) {
        return new DispatchSettings(meters, tieTolerance, maxCandidates, indexCellMeters);
    }

    public DispatchSettings withTieTolerance(Duration tolerance) {
        return new DispatchSettings(maxRadiusMeters, tolerance, maxCandidates, indexCellMeters);
    }
}
