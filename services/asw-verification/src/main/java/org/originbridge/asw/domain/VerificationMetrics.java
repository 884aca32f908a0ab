package org.originbridge.asw.domain;

import java.time.Duration;

/** Port: what the use case reports about itself (timer per outcome, counters). */
public interface VerificationMetrics {
    void completed(Outcome outcome, Duration took);

    /** A recorded outcome published again for a redelivered or replayed record (ASW not called). */
    default void republished(Outcome outcome) {
    }

    VerificationMetrics NONE = (outcome, took) -> { };
}
