package org.originbridge.scoring.adapter.kafka;

import org.originbridge.events.asw.VerificationCompleted;
import org.originbridge.events.ccpit.IssuanceStatusChanged;
import org.originbridge.events.consistency.DeclarationConsistencyChecked;
import org.originbridge.events.intake.DeclarationAccepted;
import org.originbridge.events.intake.DeclarationRejected;
import org.originbridge.events.logistics.LogisticsNodeEvent;
import org.originbridge.platform.Topics;
import org.originbridge.scoring.domain.ComplianceScoring;
import java.time.Instant;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.handler.annotation.Header;
import org.springframework.stereotype.Component;

/**
 * One thin listener per subscribed topic: map, call one use case (which times and counts itself). The
 * record's timestamp tells a rebuild's replayed history from live facts.
 */
@Component
public class ScoringListeners {

    private final ComplianceScoring scoring;

    public ScoringListeners(ComplianceScoring scoring) {
        this.scoring = scoring;
    }

    @KafkaListener(topics = Topics.DECLARATIONS_ACCEPTED)
    void accepted(DeclarationAccepted event, @Header(KafkaHeaders.RECEIVED_TIMESTAMP) long loggedAt) {
        scoring.declarationAccepted(EventMapper.consignment(event), Instant.ofEpochMilli(loggedAt));
    }

    @KafkaListener(topics = Topics.DECLARATIONS_REJECTED)
    void rejected(DeclarationRejected event, @Header(KafkaHeaders.RECEIVED_TIMESTAMP) long loggedAt) {
        scoring.declarationRejected(event.getSupplierId(), EventMapper.rejected(event), Instant.ofEpochMilli(loggedAt));
    }

    @KafkaListener(topics = Topics.ASW_VERIFICATIONS)
    void verified(VerificationCompleted event, @Header(KafkaHeaders.RECEIVED_TIMESTAMP) long loggedAt) {
        scoring.verificationCompleted(event.getSupplierId(), EventMapper.verification(event), Instant.ofEpochMilli(loggedAt));
    }

    @KafkaListener(topics = Topics.ECO_ISSUANCE_STATUS)
    void issuance(IssuanceStatusChanged event, @Header(KafkaHeaders.RECEIVED_TIMESTAMP) long loggedAt) {
        scoring.issuanceChanged(event.getSupplierId(), EventMapper.issuance(event), Instant.ofEpochMilli(loggedAt));
    }

    @KafkaListener(topics = Topics.DECLARATION_CONSISTENCY)
    void consistency(DeclarationConsistencyChecked event, @Header(KafkaHeaders.RECEIVED_TIMESTAMP) long loggedAt) {
        scoring.consistencyChecked(event.getSupplierId(), EventMapper.consistency(event), Instant.ofEpochMilli(loggedAt));
    }

    @KafkaListener(topics = Topics.LOGISTICS_NODE_EVENTS)
    void logistics(LogisticsNodeEvent event, @Header(KafkaHeaders.RECEIVED_TIMESTAMP) long loggedAt) {
        scoring.logisticsEvent(EventMapper.observation(event), Instant.ofEpochMilli(loggedAt));
    }
}
