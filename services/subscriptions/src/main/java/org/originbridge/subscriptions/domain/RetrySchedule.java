package org.originbridge.subscriptions.domain;

import java.time.Duration;
import java.util.Objects;
import java.util.function.DoubleSupplier;

/**
 * Exponential backoff with full jitter: the wait before attempt n+1 after n failures is uniform in
 * [0, min(maxBackoff, initialBackoff * 2^(n-1))]; after {@code maxAttempts} failures the delivery is dead.
 * Defaults (application.yml): 30 s initial, 1 h cap, 12 attempts, i.e. on average about 3.5 hours of
 * retrying (up to about 7 hours) before the dead-letter list.
 */
public record RetrySchedule(Duration initialBackoff, Duration maxBackoff, int maxAttempts) {

    public RetrySchedule {
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        if (initialBackoff.isNegative() || initialBackoff.isZero() || maxBackoff.compareTo(initialBackoff) < 0
                || maxAttempts < 1) {
            throw new IllegalArgumentException("need 0 < initialBackoff <= maxBackoff and maxAttempts >= 1");
        }
    }

    public boolean exhausted(int failures) {
        return failures >= maxAttempts;
    }

    /** The ceiling of the wait after {@code failures} failures (before jitter). */
    public Duration ceiling(int failures) {
        int doublings = Math.max(0, Math.min(failures - 1, 40));
        long millis = initialBackoff.toMillis();
        for (int i = 0; i < doublings && millis < maxBackoff.toMillis(); i++) {
            millis *= 2;
        }
        return Duration.ofMillis(Math.min(millis, maxBackoff.toMillis()));
    }

    /** The wait after {@code failures} failures; {@code random} gives [0, 1). */
    public Duration delay(int failures, DoubleSupplier random) {
        return Duration.ofMillis((long) (random.getAsDouble() * ceiling(failures).toMillis()));
    }
}
