package org.originbridge.logistics.adapter.metrics;

import java.time.Duration;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.originbridge.logistics.domain.IngestionMetrics;
import org.springframework.stereotype.Component;

/**
 * {@code originbridge.logistics.events} (counter, tags channel and outcome) and
 * {@code originbridge.logistics.ingest} (timer per request, callback or poll batch).
 */
@Component
public class MicrometerIngestionMetrics implements IngestionMetrics {

    private final MeterRegistry registry;

    public MicrometerIngestionMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void events(Channel channel, Outcome outcome, int events) {
        Counter.builder("originbridge.logistics.events")
                .description("Logistics events (or unreadable messages) per channel and outcome")
                .tag("channel", channel.tag()).tag("outcome", outcome.tag())
                .register(registry).increment(events);
    }

    @Override
    public void ingest(Channel channel, Outcome outcome, Duration elapsed) {
        Timer.builder("originbridge.logistics.ingest")
                .description("Validation, normalisation and publication of one ingest")
                .tag("channel", channel.tag()).tag("outcome", outcome.tag())
                .register(registry).record(elapsed);
    }
}
