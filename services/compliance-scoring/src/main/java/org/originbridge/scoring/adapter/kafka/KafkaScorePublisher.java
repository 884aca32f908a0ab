package org.originbridge.scoring.adapter.kafka;

import java.util.concurrent.ExecutionException;

import org.originbridge.platform.Topics;
import org.originbridge.scoring.domain.ScorePublisher;
import org.originbridge.scoring.domain.SupplierScore;
import org.springframework.kafka.core.KafkaTemplate;

/** Sends a score to {@code supplier-compliance-scores} (key = supplier id) and waits for the broker's ack. */
public class KafkaScorePublisher implements ScorePublisher {

    private final KafkaTemplate<String, Object> template;

    public KafkaScorePublisher(KafkaTemplate<String, Object> template) {
        this.template = template;
    }

    @Override
    public void publish(SupplierScore score) {
        try {
            template.send(Topics.SUPPLIER_COMPLIANCE_SCORES, score.supplierId(), EventMapper.toAvro(score)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending the score of " + score.supplierId(), e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not send the score of " + score.supplierId(), e.getCause());
        }
    }
}
