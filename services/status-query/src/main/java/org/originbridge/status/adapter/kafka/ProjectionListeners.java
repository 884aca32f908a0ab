package org.originbridge.status.adapter.kafka;

import org.originbridge.events.asw.VerificationCompleted;
import org.originbridge.events.ccpit.IssuanceStatusChanged;
import org.originbridge.events.intake.DeclarationAccepted;
import org.originbridge.events.intake.DeclarationRejected;
import org.originbridge.events.intake.DeclarationSubmitted;
import org.originbridge.events.logistics.LogisticsNodeEvent;
import org.originbridge.events.scoring.SupplierComplianceScore;
import org.originbridge.events.signing.SigningKeyPublished;
import org.originbridge.platform.Topics;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** One thin listener per public topic: map, apply, done. Failures go to the platform's error handler. */
@Component
public class ProjectionListeners {

    private final ProjectionHandler handler;

    public ProjectionListeners(ProjectionHandler handler) {
        this.handler = handler;
    }

    @KafkaListener(topics = Topics.DECLARATIONS_SUBMITTED)
    void submitted(DeclarationSubmitted event) {
        handler.submitted(event);
    }

    @KafkaListener(topics = Topics.DECLARATIONS_ACCEPTED)
    void accepted(DeclarationAccepted event) {
        handler.accepted(event);
    }

    @KafkaListener(topics = Topics.DECLARATIONS_REJECTED)
    void rejected(DeclarationRejected event) {
        handler.rejected(event);
    }

    @KafkaListener(topics = Topics.ASW_VERIFICATIONS)
    void verified(VerificationCompleted event) {
        handler.verified(event);
    }

    @KafkaListener(topics = Topics.ECO_ISSUANCE_STATUS)
    void issuance(IssuanceStatusChanged event) {
        handler.issuance(event);
    }

    @KafkaListener(topics = Topics.LOGISTICS_NODE_EVENTS)
    void logistics(LogisticsNodeEvent event) {
        handler.logistics(event);
    }

    @KafkaListener(topics = Topics.SUPPLIER_COMPLIANCE_SCORES)
    void score(SupplierComplianceScore event) {
        handler.score(event);
    }

    @KafkaListener(topics = Topics.SIGNING_KEYS)
    void signingKey(SigningKeyPublished event) {
        handler.signingKey(event);
    }
}
