package org.originbridge.asw.domain;

import java.time.Duration;

/** Port: what the use case reports about itself (timer per outcome, counters). */
public interface VerificationMetrics {
    void completed(Outcome outcome, Duration took);

    VerificationMetrics NONE = (outcome, took) -> { };
}
