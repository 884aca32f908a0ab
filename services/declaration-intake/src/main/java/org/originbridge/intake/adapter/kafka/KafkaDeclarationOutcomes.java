package org.originbridge.intake.adapter.kafka;

import java.time.Duration;

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
            AcknowledgedSend.send(kafka, Topics.DECLARATIONS_ACCEPTED, key, DeclarationAvroMapper.toAccepted(accepted), timeout);
        } else if (verdict instanceof ScreeningVerdict.Rejected rejected) {
            AcknowledgedSend.send(kafka, Topics.DECLARATIONS_REJECTED, key, DeclarationAvroMapper.toRejected(rejected), timeout);
        }
    }
}
