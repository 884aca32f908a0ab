package org.originbridge.ccpit.adapter.metrics;

import java.util.Locale;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.originbridge.ccpit.domain.EcoIssuance;
import org.originbridge.ccpit.domain.IssuanceMetrics;

/**
 * Timer {@code originbridge.ccpit.requests} and counter {@code originbridge.ccpit.request.outcomes}
 * tagged {@code outcome} (changed, failed, already_known, not_applicable, stale, ...).
 */
public class MicrometerIssuanceMetrics implements IssuanceMetrics {

    static final String REQUESTS = "originbridge.ccpit.requests";
    static final String REQUEST_OUTCOMES = "originbridge.ccpit.request.outcomes";

    private final MeterRegistry meters;
    private final Timer requests;

    public MicrometerIssuanceMetrics(MeterRegistry meters) {
        this.meters = meters;
        this.requests = Timer.builder(REQUESTS).description("Requesting e-CO issuance for an accepted declaration")
                .register(meters);
    }

    @Override
    public <T> T timeRequest(Supplier<T> work) {
        return requests.record(work);
    }

    @Override
    public void requestOutcome(EcoIssuance.Outcome outcome) {
        Counter.builder(REQUEST_OUTCOMES).description("What handling one accepted declaration led to")
                .tag("outcome", outcome.name().toLowerCase(Locale.ROOT)).register(meters).increment();
    }
}
