package org.originbridge.intake.adapter.kafka;

import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.originbridge.origin.ErrorCodes;
import org.originbridge.origin.declaration.Declaration;
import org.originbridge.intake.domain.ScreenSubmittedDeclaration;
import org.originbridge.intake.domain.TenantOwnership;
import org.originbridge.intake.domain.IntakeMetrics;
import org.originbridge.platform.Topics;
import org.originbridge.platform.errors.InvalidRecordException;
import org.originbridge.platform.kafka.KeyedBatch;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Screens every declaration on coo-declarations-submitted (written by intake's HTTP API and by external
 * producers in Confluent wire format). Unreadable records, and records re-using another tenant's
 * declaration id or reference number, go to the platform's DLT with the reason.
 * <p>One poll's records at a time, screened concurrently per declaration id ({@link KeyedBatch}: the records of one
 * id in their order, different ids in parallel; issue 11). The batch returns only when every record is screened and
 * its verdict acknowledged by the broker, so its offsets are committed only behind completed work; a failed record is
 * named to the platform's error handler alone (dead-lettered at once when it can never succeed, retried when the
 * failure is transient), the records before it committed, the ones after it delivered again (claiming and screening
 * again are idempotent: the same owner, the same verdict re-published).
 */
@Component
class SubmittedDeclarationListener {

    private final ScreenSubmittedDeclaration screening;
    private final IntakeMetrics metrics;
    private final KeyedBatch<String, Object> batch;

    SubmittedDeclarationListener(ScreenSubmittedDeclaration screening, IntakeMetrics metrics,
            KeyedBatch<String, Object> screeningBatch) {
        this.screening = screening;
        this.metrics = metrics;
        this.batch = screeningBatch;
    }

    @KafkaListener(topics = Topics.DECLARATIONS_SUBMITTED, batch = "true")
    void onBatch(List<ConsumerRecord<String, Object>> records) {
        batch.process(records, this::on);
    }

    void on(ConsumerRecord<String, Object> record) {
        KeyedBatch.throwIfUndecodable(record);
        Declaration declaration = map(record);
        try {
            screening.screen(declaration);
        } catch (TenantOwnership.OwnershipConflict e) {
            throw new InvalidRecordException(e.field(), ErrorCodes.OWNED_BY_ANOTHER_TENANT, e.getMessage());
        }
    }

    /**
     * Counts records that cannot be mapped (another record type written to the topic, a tombstone, no usable ids);
     * the exception still sends them to the DLT.
     */
    private Declaration map(ConsumerRecord<String, Object> record) {
        try {
            return DeclarationAvroMapper.fromEvent(Topics.Catalogue.DECLARATIONS_SUBMITTED.valueOf(record.value()));
        } catch (InvalidRecordException e) {
            metrics.invalid("kafka");
            throw e;
        }
    }
}
