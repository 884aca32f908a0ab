package org.originbridge.intake.adapter.kafka;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.originbridge.events.intake.DeclarationSubmitted;
import org.originbridge.origin.ErrorCodes;
import org.originbridge.origin.declaration.Declaration;
import org.originbridge.intake.domain.ScreenSubmittedDeclaration;
import org.originbridge.intake.domain.TenantOwnership;
import org.originbridge.intake.domain.IntakeMetrics;
import org.originbridge.platform.Topics;
import org.originbridge.platform.errors.InvalidRecordException;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Screens every declaration on coo-declarations-submitted (written by intake's HTTP API and by external
 * producers in Confluent wire format). Unreadable records, and records re-using another tenant's
 * declaration id or reference number, go to the platform's DLT with the reason.
 */
@Component
class SubmittedDeclarationListener {

    private final ScreenSubmittedDeclaration screening;
    private final IntakeMetrics metrics;

    SubmittedDeclarationListener(ScreenSubmittedDeclaration screening, IntakeMetrics metrics) {
        this.screening = screening;
        this.metrics = metrics;
    }

    @KafkaListener(topics = Topics.DECLARATIONS_SUBMITTED)
    void on(ConsumerRecord<String, DeclarationSubmitted> record) {
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
    private Declaration map(ConsumerRecord<String, DeclarationSubmitted> record) {
        try {
            return DeclarationAvroMapper.fromEvent(Topics.Catalogue.DECLARATIONS_SUBMITTED.valueOf(record.value()));
        } catch (InvalidRecordException e) {
            metrics.invalid("kafka");
            throw e;
        }
    }
}
