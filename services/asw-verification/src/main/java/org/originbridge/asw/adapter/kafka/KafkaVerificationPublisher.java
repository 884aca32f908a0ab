package org.originbridge.asw.adapter.kafka;

import java.time.Duration;

import org.originbridge.asw.domain.VerificationPublisher;
import org.originbridge.asw.domain.VerificationResult;
import org.originbridge.platform.Topics;
import org.originbridge.platform.kafka.AcknowledgedSend;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Publishes to {@code asw-verifications}, key = declaration id, and waits for the broker's
 * acknowledgement so that the input offset is committed only after the output is durable.
 */
public class KafkaVerificationPublisher implements VerificationPublisher {

    private final KafkaTemplate<String, Object> template;
    private final Duration timeout;

    public KafkaVerificationPublisher(KafkaTemplate<String, Object> template, Duration timeout) {
        this.template = template;
        this.timeout = timeout;
    }

    @Override
    public void publish(VerificationResult result) {
        AcknowledgedSend.send(template, Topics.Catalogue.ASW_VERIFICATIONS, result.declarationId(),
                VerificationCompletedMapper.toAvro(result), timeout);
    }
}
