package org.originbridge.intake.adapter.kafka;

import org.originbridge.intake.domain.DeclarationOutcomes;
import org.originbridge.intake.domain.ScreeningVerdict;
import org.originbridge.platform.Topics;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/** Publishes verdicts to coo-declarations-accepted / -rejected, key = declaration id, waiting for the ack. */
@Component
class KafkaDeclarationOutcomes implements DeclarationOutcomes {

    private final KafkaTemplate<String, Object> kafka;

    KafkaDeclarationOutcomes(KafkaTemplate<String, Object> kafka) {
        this.kafka = kafka;
    }

    @Override
    public void publish(ScreeningVerdict verdict) {
        String key = verdict.declaration().declarationId();
        if (verdict instanceof ScreeningVerdict.Accepted accepted) {
            kafka.send(Topics.DECLARATIONS_ACCEPTED, key, DeclarationAvroMapper.toAccepted(accepted)).join();
        } else if (verdict instanceof ScreeningVerdict.Rejected rejected) {
            kafka.send(Topics.DECLARATIONS_REJECTED, key, DeclarationAvroMapper.toRejected(rejected)).join();
        }
    }
}
