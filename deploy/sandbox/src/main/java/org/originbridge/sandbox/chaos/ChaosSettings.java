package org.originbridge.sandbox.chaos;

import java.time.Duration;

/**
 * The chaos in force: latency window, share of requests answered 503, and a global request
 * rate (0 = unlimited). Immutable; {@link ChaosControl} swaps whole instances.
 */
public record ChaosSettings(Duration latencyMin, Duration latencyMax, double failureRate, long rateLimitPerSecond) {

    public ChaosSettings {
        if (latencyMin.isNegative() || latencyMax.compareTo(latencyMin) < 0) {
            throw new IllegalArgumentException("latency must satisfy 0 <= min <= max");
        }
        if (failureRate < 0 || failureRate > 1 || Double.isNaN(failureRate)) {
            throw new IllegalArgumentException("failureRate must be between 0 and 1");
        }
        if (rateLimitPerSecond < 0) {
            throw new IllegalArgumentException("rateLimitPerSecond must be >= 0 (0 = unlimited)");
        }
    }

    public boolean rateLimited() {
        return rateLimitPerSecond > 0;
    }
}
