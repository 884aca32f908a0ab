package org.originbridge.scoring.adapter.kafka;

import java.time.Duration;

import org.originbridge.platform.Topics;
import org.originbridge.platform.kafka.AcknowledgedSend;
import org.originbridge.scoring.domain.ScorePublisher;
import org.originbridge.scoring.domain.SupplierScore;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Sends a score to {@code supplier-compliance-scores} (key = supplier id) and waits at most {@code timeout}
 * for the broker's ack: a failed or timed-out send throws, so the record is retried, then dead-lettered.
 */
public class KafkaScorePublisher implements ScorePublisher {

    private final KafkaTemplate<String, Object> template;
    private final Duration timeout;

    public KafkaScorePublisher(KafkaTemplate<String, Object> template, Duration timeout) {
        this.template = template;
        this.timeout = timeout;
    }

    @Override
    public void publish(SupplierScore score) {
        AcknowledgedSend.send(template, Topics.Catalogue.SUPPLIER_COMPLIANCE_SCORES, score.supplierId(), EventMapper.toAvro(score), timeout);
    }
}
