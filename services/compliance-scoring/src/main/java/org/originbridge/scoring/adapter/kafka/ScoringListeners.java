package org.originbridge.scoring.adapter.kafka;

import org.originbridge.events.asw.VerificationCompleted;
import org.originbridge.events.ccpit.IssuanceStatusChanged;
import org.originbridge.events.intake.DeclarationAccepted;
import org.originbridge.events.intake.DeclarationRejected;
import org.originbridge.events.logistics.LogisticsNodeEvent;
import org.originbridge.platform.Topics;
import org.originbridge.scoring.domain.ComplianceScoring;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** One thin listener per subscribed topic: map, call one use case (which times and counts itself). */
@Component
public class ScoringListeners {

    private final ComplianceScoring scoring;

    public ScoringListeners(ComplianceScoring scoring) {
        this.scoring = scoring;
    }

    @KafkaListener(topics = Topics.DECLARATIONS_ACCEPTED)
    void accepted(DeclarationAccepted event) {
        scoring.declarationAccepted(EventMapper.consignment(event));
    }

    @KafkaListener(topics = Topics.DECLARATIONS_REJECTED)
    void rejected(DeclarationRejected event) {
        scoring.declarationRejected(event.getSupplierId(), EventMapper.rejected(event));
    }

    @KafkaListener(topics = Topics.ASW_VERIFICATIONS)
    void verified(VerificationCompleted event) {
        scoring.verificationCompleted(event.getSupplierId(), EventMapper.verification(event));
    }

    @KafkaListener(topics = Topics.ECO_ISSUANCE_STATUS)
    void issuance(IssuanceStatusChanged event) {
        scoring.issuanceChanged(event.getSupplierId(), EventMapper.issuance(event));
    }

    @KafkaListener(topics = Topics.LOGISTICS_NODE_EVENTS)
    void logistics(LogisticsNodeEvent event) {
        scoring.logisticsEvent(EventMapper.observation(event));
    }
}
