package org.originbridge.scoring.adapter.kafka;

import java.util.function.Supplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.originbridge.events.asw.VerificationCompleted;
import org.originbridge.events.ccpit.IssuanceStatusChanged;
import org.originbridge.events.intake.DeclarationAccepted;
import org.originbridge.events.intake.DeclarationRejected;
import org.originbridge.events.logistics.LogisticsNodeEvent;
import org.originbridge.platform.Topics;
import org.originbridge.scoring.domain.ComplianceScoring;
import org.originbridge.scoring.domain.ComplianceScoring.Outcome;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * One thin listener per subscribed topic: map, call the use case, count the outcome.
 * Metrics: timer {@code originbridge.scoring.events} and counter {@code originbridge.scoring.outcomes},
 * both tagged {@code event}; the counter also {@code outcome} (emitted, unchanged, resent, parked).
 */
@Component
public class ScoringListeners {

    private final ComplianceScoring scoring;
    private final MeterRegistry meters;

    public ScoringListeners(ComplianceScoring scoring, MeterRegistry meters) {
        this.scoring = scoring;
        this.meters = meters;
    }

    @KafkaListener(topics = Topics.DECLARATIONS_ACCEPTED)
    void accepted(DeclarationAccepted event) {
        measure("declaration-accepted", () -> scoring.declarationAccepted(EventMapper.consignment(event)));
    }

    @KafkaListener(topics = Topics.DECLARATIONS_REJECTED)
    void rejected(DeclarationRejected event) {
        measure("declaration-rejected", () -> scoring.declarationRejected(event.getSupplierId(), EventMapper.rejected(event)));
    }

    @KafkaListener(topics = Topics.ASW_VERIFICATIONS)
    void verified(VerificationCompleted event) {
        measure("asw-verification", () -> scoring.verificationCompleted(event.getSupplierId(), EventMapper.verification(event)));
    }

    @KafkaListener(topics = Topics.ECO_ISSUANCE_STATUS)
    void issuance(IssuanceStatusChanged event) {
        measure("eco-issuance", () -> scoring.issuanceChanged(event.getSupplierId(), EventMapper.issuance(event)));
    }

    @KafkaListener(topics = Topics.LOGISTICS_NODE_EVENTS)
    void logistics(LogisticsNodeEvent event) {
        measure("logistics-node-event", () -> scoring.logisticsEvent(EventMapper.observation(event)));
    }

    private void measure(String event, Supplier<Outcome> useCase) {
        Outcome outcome = Timer.builder("originbridge.scoring.events").description("Recording one fact and rescoring")
                .tag("event", event).register(meters).record(useCase);
        Counter.builder("originbridge.scoring.outcomes").description("What each fact led to")
                .tag("event", event).tag("outcome", outcome.name().toLowerCase()).register(meters).increment();
    }
}
