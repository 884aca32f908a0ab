package org.originbridge.ccpit.adapter.kafka;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.originbridge.ccpit.domain.EcoIssuance;
import org.originbridge.events.intake.DeclarationAccepted;
import org.originbridge.platform.Topics;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Accepted declarations -> e-CO requests. Metrics: timer {@code originbridge.ccpit.requests} and
 * counter {@code originbridge.ccpit.request.outcomes} tagged {@code outcome}.
 */
@Component
public class DeclarationListener {

    private final EcoIssuance issuance;
    private final MeterRegistry meters;

    public DeclarationListener(EcoIssuance issuance, MeterRegistry meters) {
        this.issuance = issuance;
        this.meters = meters;
    }

    @KafkaListener(topics = Topics.DECLARATIONS_ACCEPTED)
    void accepted(DeclarationAccepted event) {
        EcoIssuance.Outcome outcome = Timer.builder("originbridge.ccpit.requests")
                .description("Requesting e-CO issuance for an accepted declaration").register(meters)
                .record(() -> issuance.request(DeclarationMapper.toRequest(event)));
        Counter.builder("originbridge.ccpit.request.outcomes").tag("outcome", outcome.name().toLowerCase())
                .register(meters).increment();
    }
}
