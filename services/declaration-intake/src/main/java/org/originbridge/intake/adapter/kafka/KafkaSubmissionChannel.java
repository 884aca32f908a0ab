package org.originbridge.intake.adapter.kafka;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.originbridge.intake.config.IntakeProperties;
import org.originbridge.intake.domain.Declaration;
import org.originbridge.intake.domain.SubmissionChannel;
import org.originbridge.intake.domain.SubmissionNotAcknowledged;
import org.originbridge.platform.Topics;
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
            kafka.send(Topics.DECLARATIONS_SUBMITTED, declaration.declarationId(), DeclarationAvroMapper.toEvent(declaration))
                    .get(ackTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SubmissionNotAcknowledged("interrupted while waiting for the broker", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new SubmissionNotAcknowledged("the broker did not acknowledge the declaration within "
                    + ackTimeout.toMillis() + " ms", e);
        }
    }

}
