package org.originbridge.asw.adapter.kafka;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.originbridge.asw.domain.VerifyDeclaration;
import org.originbridge.events.intake.DeclarationAccepted;
import org.originbridge.platform.Topics;
import org.originbridge.platform.kafka.CallsExternalSystem;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Thin: map the accepted declaration, verify it. Failures go to the platform's error handler. */
@Component
public class AcceptedDeclarationListener {

    private final VerifyDeclaration verifyDeclaration;

    public AcceptedDeclarationListener(VerifyDeclaration verifyDeclaration) {
        this.verifyDeclaration = verifyDeclaration;
    }

    @KafkaListener(id = "asw-verification-accepted", idIsGroup = false, topics = Topics.DECLARATIONS_ACCEPTED)
    @CallsExternalSystem("asw")
    public void onAccepted(ConsumerRecord<String, DeclarationAccepted> record) {
        verifyDeclaration.verify(DeclarationMapper.toDomain(record.key(), record.value()));
    }
}
