package org.originbridge.intake.adapter.metrics;

import java.util.function.Supplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.originbridge.intake.domain.IntakeMetrics;
import org.springframework.stereotype.Component;

/**
 * {@code originbridge.intake.declarations{outcome=accepted|rejected|invalid, source=...}} counters and the
 * {@code originbridge.intake.screening} timer.
 */
@Component
public class MicrometerIntakeMetrics implements IntakeMetrics {

    public static final String OUTCOMES = "originbridge.intake.declarations";
    public static final String SCREENING = "originbridge.intake.screening";

    private final MeterRegistry registry;
    private final Timer screening;
    private final Counter accepted;
    private final Counter rejected;

    public MicrometerIntakeMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.screening = Timer.builder(SCREENING).description("Annex 3B validation + origin pre-check + publishing the verdict")
                .register(registry);
        this.accepted = outcome("accepted", "screening");
        this.rejected = outcome("rejected", "screening");
    }

    @Override
    public <T> T timeScreening(Supplier<T> work) {
        return screening.record(work);
    }

    @Override
    public void accepted() {
        accepted.increment();
    }

    @Override
    public void rejected() {
        rejected.increment();
    }

    @Override
    public void invalid(String source) {
        outcome("invalid", source).increment();
    }

    private Counter outcome(String outcome, String source) {
        return Counter.builder(OUTCOMES).description("Declarations by outcome")
                .tag("outcome", outcome).tag("source", source).register(registry);
    }
}
