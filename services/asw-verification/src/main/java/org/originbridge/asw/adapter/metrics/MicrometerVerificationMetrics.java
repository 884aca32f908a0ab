package org.originbridge.asw.adapter.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import org.originbridge.asw.domain.Outcome;
import org.originbridge.asw.domain.VerificationMetrics;

/**
 * {@code originbridge.asw.verifications} timer (use case, ASW call and publish included) and
 * {@code originbridge.asw.outcomes} counter, both tagged with the outcome; {@code originbridge.asw.republished}
 * counts recorded outcomes published again without calling the channel; {@code originbridge.asw.awaiting-issuance}
 * counts Certificates of Origin accepted before their issuance was known.
 */
public class MicrometerVerificationMetrics implements VerificationMetrics {

    private final MeterRegistry meters;

    public MicrometerVerificationMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    @Override
    public void completed(Outcome outcome, Duration took) {
        Timer.builder("originbridge.asw.verifications")
                .description("Verification of one accepted declaration against ASW, publishing included")
                .tag("outcome", outcome.name())
                .register(meters)
                .record(took);
        meters.counter("originbridge.asw.outcomes", "outcome", outcome.name()).increment();
    }

    @Override
    public void republished(Outcome outcome) {
        meters.counter("originbridge.asw.republished", "outcome", outcome.name()).increment();
    }

    @Override
    public void awaitingIssuance() {
        meters.counter("originbridge.asw.awaiting-issuance").increment();
    }
}
