package org.originbridge.asw.domain;

import java.time.Duration;

/** Port: what the use case reports about itself (timer per outcome, counters). */
public interface VerificationMetrics {
    void completed(Outcome outcome, Duration took);

    /** A recorded outcome published again for a redelivered or replayed record (the channel not called). */
    default void republished(Outcome outcome) {
    }

    /** A Certificate of Origin accepted before its issuance is known: it waits for the ISSUED status. */
    default void awaitingIssuance() {
    }

    VerificationMetrics NONE = (outcome, took) -> { };
}
