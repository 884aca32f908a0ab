package org.originbridge.ccpit.adapter.kafka;

import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.originbridge.ccpit.domain.EcoIssuance;
import org.originbridge.events.intake.DeclarationAccepted;
import org.originbridge.platform.Topics;
import org.originbridge.platform.kafka.CallsExternalSystem;
import org.originbridge.platform.kafka.KeyedBatch;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Thin: accepted declaration -> e-CO request at its issuing authority. One poll at a time, processed concurrently per
 * declaration ({@link KeyedBatch}: the records of one declaration in their order, different declarations in parallel
 * up to {@code originbridge.ccpit.concurrency} in flight; the batch's offsets are committed only when every record is
 * done). Failures go to the platform's error handler: an undecodable or wrong-typed record is dead-lettered alone
 * with the reason, a transient one (authority unavailable, breaker open, MongoDB or the broker down) is retried in
 * place and then by the container, never dead-lettered. The use case times and counts itself.
 */
@Component
public class DeclarationListener {

    private final EcoIssuance issuance;
    private final KeyedBatch<String, Object> batch;

    public DeclarationListener(EcoIssuance issuance, KeyedBatch<String, Object> issuanceBatch) {
        this.issuance = issuance;
        this.batch = issuanceBatch;
    }

    @KafkaListener(id = "ccpit-sync-accepted", idIsGroup = false, batch = "true", topics = Topics.DECLARATIONS_ACCEPTED)
    @CallsExternalSystem({"ccpit", "vn-moit"})
    public void onBatch(List<ConsumerRecord<String, Object>> records) {
        batch.process(records, this::handle);
    }

    void handle(ConsumerRecord<String, Object> record) {
        KeyedBatch.throwIfUndecodable(record);
        DeclarationAccepted event = Topics.Catalogue.DECLARATIONS_ACCEPTED.valueOf(record.value());
        issuance.request(DeclarationMapper.toRequest(event));
    }
}
