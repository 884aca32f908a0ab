package org.originbridge.platform.resilience;

import java.time.Duration;

/**
 * Retry and circuit-breaker settings of one external system.
 *
 * @param maxAttempts          attempts per call, the first included
 * @param initialBackoff       wait before the first retry; doubles each time
 * @param maxBackoff           cap of the wait between retries
 * @param failureRateThreshold percent of failed calls in the window that opens the breaker
 * @param slidingWindowSize    calls in the breaker's window
 * @param openStateWait        how long the breaker stays open before letting trial calls through
 */
public record ExternalCallSettings(int maxAttempts, Duration initialBackoff, Duration maxBackoff,
        float failureRateThreshold, int slidingWindowSize, Duration openStateWait) {

    public static ExternalCallSettings defaults() {
        return new ExternalCallSettings(4, Duration.ofMillis(200), Duration.ofSeconds(3), 50f, 20, Duration.ofSeconds(15));
    }
}
