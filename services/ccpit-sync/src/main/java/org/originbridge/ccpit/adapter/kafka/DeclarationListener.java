package org.originbridge.ccpit.adapter.kafka;

import org.originbridge.ccpit.domain.EcoIssuance;
import org.originbridge.events.intake.DeclarationAccepted;
import org.originbridge.platform.Topics;
import org.originbridge.platform.kafka.CallsExternalSystem;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Thin: accepted declaration -> e-CO request at its issuing authority. The use case times and counts itself. */
@Component
public class DeclarationListener {

    private final EcoIssuance issuance;

    public DeclarationListener(EcoIssuance issuance) {
        this.issuance = issuance;
    }

    @KafkaListener(id = "ccpit-sync-accepted", idIsGroup = false, topics = Topics.DECLARATIONS_ACCEPTED)
    @CallsExternalSystem({"ccpit", "vn-moit"})
    void accepted(DeclarationAccepted event) {
        issuance.request(DeclarationMapper.toRequest(event));
    }
}
