package org.originbridge.asw.adapter.kafka;

import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.originbridge.asw.domain.VerifyDeclaration;
import org.originbridge.events.ccpit.IssuanceStatusChanged;
import org.originbridge.events.intake.DeclarationAccepted;
import org.originbridge.platform.Topics;
import org.originbridge.platform.errors.InvalidRecordException;
import org.originbridge.platform.kafka.CallsExternalSystem;
import org.originbridge.platform.kafka.KeyedBatch;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Thin: the accepted declarations and the issuance statuses, one poll at a time, processed
 * concurrently per declaration ({@link KeyedBatch}); each record mapped and handed to the use case.
 * Failures go to the platform's error handler (see KeyedBatch).
 */
@Component
public class VerificationListener {

    private final VerifyDeclaration verifyDeclaration;
    private final KeyedBatch<String, Object> batch;

    public VerificationListener(VerifyDeclaration verifyDeclaration, KeyedBatch<String, Object> batch) {
        this.verifyDeclaration = verifyDeclaration;
        this.batch = batch;
    }

    @KafkaListener(id = "asw-verification-accepted", idIsGroup = false, batch = "true",
            topics = {Topics.DECLARATIONS_ACCEPTED, Topics.ECO_ISSUANCE_STATUS})
    @CallsExternalSystem("asw")
    public void onBatch(List<ConsumerRecord<String, Object>> records) {
        batch.process(records, this::handle);
    }

    void handle(ConsumerRecord<String, Object> record) {
        KeyedBatch.throwIfUndecodable(record);
        Object value = record.value();
        if (value instanceof DeclarationAccepted accepted) {
            verifyDeclaration.accepted(DeclarationMapper.toDomain(record.key(), accepted));
        } else if (value instanceof IssuanceStatusChanged status) {
            IssuanceMapper.apply(record.key(), status, verifyDeclaration);
        } else {
            throw new InvalidRecordException("value", "expected DeclarationAccepted or IssuanceStatusChanged on " + record.topic()
                    + ", got " + (value == null ? "nothing" : value.getClass().getSimpleName()));
        }
    }
}
