package org.yiyang.coverage.internal;

/**
 * How far a service circle reaches: a walk of {@code urbanMinutes} in towns and urban communities,
 * {@code villageMeters} of walking in villages, at {@code walkingSpeedKmh}. Both are limits on the
 * walking time the travel model reports, so with a road network they are measured along the paths.
 */
public record CircleRules(double walkingSpeedKmh, double urbanMinutes, double villageMeters) {

    public CircleRules {
        if (!(walkingSpeedKmh > 0) || !(urbanMinutes > 0) || !(villageMeters > 0)) {
            throw new IllegalArgumentException("walking speed, urban minutes and village metres must be positive");
        }
    }

    public double urbanSeconds() {
        return urbanMinutes * 60;
    }

    public double villageSeconds() {
        return villageMeters / (walkingSpeedKmh / 3.6);
    }

    public double seconds(boolean village) {
        return village ? villageSeconds() : urbanSeconds();
    }

    public double maxSeconds() {
        return Math.max(urbanSeconds(), villageSeconds());
    }
}
