package org.yiyang.coverage.internal;

import java.time.LocalDate;
import org.yiyang.elder.LocatedElder;

/**
 * How much an elder counts in weighted coverage: 1, plus {@code disabled} for 失能 (or 重残), plus
 * {@code livingAlone} for 独居, plus {@code advancedAge} for 高龄 (80 and over). With the defaults
 * (1, 0.5, 0.5) a disabled elder of 85 who lives alone counts 3.
 */
public record ElderWeights(double disabled, double livingAlone, double advancedAge) {

    public ElderWeights {
        if (disabled < 0 || livingAlone < 0 || advancedAge < 0) {
            throw new IllegalArgumentException("weights must not be negative");
        }
    }

    public double of(LocatedElder elder, LocalDate today) {
        double w = 1;
        if (elder.disabled()) w += disabled;
        if (elder.livesAlone()) w += livingAlone;
        if (elder.advancedAgeOn(today)) w += advancedAge;
        return w;
    }
}
