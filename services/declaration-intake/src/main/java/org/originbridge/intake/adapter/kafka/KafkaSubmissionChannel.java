package org.originbridge.intake.adapter.kafka;

import java.time.Duration;

import org.originbridge.intake.config.IntakeProperties;
import org.originbridge.origin.declaration.Declaration;
import org.originbridge.intake.domain.SubmissionChannel;
import org.originbridge.intake.domain.SubmissionNotAcknowledged;
import org.originbridge.platform.Topics;
import org.originbridge.platform.kafka.AcknowledgedSend;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/** Publishes a submitted declaration to coo-declarations-submitted, key = declaration id, and waits for the ack. */
@Component
class KafkaSubmissionChannel implements SubmissionChannel {

    private final KafkaTemplate<String, Object> kafka;
    private final Duration ackTimeout;

    KafkaSubmissionChannel(KafkaTemplate<String, Object> kafka, IntakeProperties properties) {
        this.kafka = kafka;
        this.ackTimeout = properties.publishTimeout();
    }

    @Override
    public void submit(Declaration declaration) {
        try {
            AcknowledgedSend.send(kafka, Topics.Catalogue.DECLARATIONS_SUBMITTED, declaration.declarationId(),
                    DeclarationAvroMapper.toEvent(declaration), ackTimeout);
        } catch (AcknowledgedSend.PublishFailedException e) {
            throw new SubmissionNotAcknowledged(e.getMessage(), e);
        }
    }

}
