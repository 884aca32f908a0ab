package org.originbridge.intake.adapter.kafka;

import java.time.Duration;

import org.apache.kafka.common.errors.RecordTooLargeException;
import org.originbridge.intake.config.IntakeProperties;
import org.originbridge.intake.domain.DeclarationOutcomes;
import org.originbridge.intake.domain.ScreeningVerdict;
import org.originbridge.platform.Topics;
import org.originbridge.platform.kafka.AcknowledgedSend;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Publishes verdicts to coo-declarations-accepted / -rejected, key = declaration id, waiting (at most
 * the publish timeout) for the ack so a failed send fails the record instead of losing the verdict.
 * A rejection is always publishable: its problems are capped by screening, and when the copy of the
 * submitted declaration makes it too large for the topic, it is published without the copy.
 */
@Component
class KafkaDeclarationOutcomes implements DeclarationOutcomes {

    private final KafkaTemplate<String, Object> kafka;
    private final Duration timeout;

    KafkaDeclarationOutcomes(KafkaTemplate<String, Object> kafka, IntakeProperties properties) {
        this.kafka = kafka;
        this.timeout = properties.publishTimeout();
    }

    @Override
    public void publish(ScreeningVerdict verdict) {
        String key = verdict.declaration().declarationId();
        if (verdict instanceof ScreeningVerdict.Accepted accepted) {
            AcknowledgedSend.send(kafka, Topics.Catalogue.DECLARATIONS_ACCEPTED, key, DeclarationAvroMapper.toAccepted(accepted), timeout);
        } else if (verdict instanceof ScreeningVerdict.Rejected rejected) {
            try {
                AcknowledgedSend.send(kafka, Topics.Catalogue.DECLARATIONS_REJECTED, key, DeclarationAvroMapper.toRejected(rejected),
                        timeout);
            } catch (AcknowledgedSend.PublishFailedException e) {
                if (!tooLarge(e)) {
                    throw e;
                }
                AcknowledgedSend.send(kafka, Topics.Catalogue.DECLARATIONS_REJECTED, key,
                        DeclarationAvroMapper.toRejected(rejected, false), timeout);
            }
        }
    }

    private static boolean tooLarge(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof RecordTooLargeException) {
                return true;
            }
        }
        return false;
    }
}
