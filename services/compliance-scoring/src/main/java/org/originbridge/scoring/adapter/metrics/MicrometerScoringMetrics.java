package org.originbridge.scoring.adapter.metrics;

import java.util.Locale;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.originbridge.scoring.domain.ComplianceScoring.Outcome;
import org.originbridge.scoring.domain.ScoringMetrics;

/**
 * Timer {@code originbridge.scoring.events} and counter {@code originbridge.scoring.outcomes}, both
 * tagged {@code event}; the counter also {@code outcome} (emitted, unchanged, resent, parked).
 */
public class MicrometerScoringMetrics implements ScoringMetrics {

    static final String EVENTS = "originbridge.scoring.events";
    static final String OUTCOMES = "originbridge.scoring.outcomes";

    private final MeterRegistry meters;

    public MicrometerScoringMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    @Override
    public Outcome measure(String fact, Supplier<Outcome> work) {
        Outcome outcome = Timer.builder(EVENTS).description("Recording one fact and rescoring")
                .tag("event", fact).register(meters).record(work);
        Counter.builder(OUTCOMES).description("What each fact led to")
                .tag("event", fact).tag("outcome", outcome.name().toLowerCase(Locale.ROOT)).register(meters).increment();
        return outcome;
    }
}
