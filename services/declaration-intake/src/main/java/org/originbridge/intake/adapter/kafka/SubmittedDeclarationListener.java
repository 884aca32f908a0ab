package org.originbridge.intake.adapter.kafka;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.originbridge.intake.domain.Declaration;
import org.originbridge.intake.domain.DeclarationScreening;
import org.originbridge.intake.domain.IntakeMetrics;
import org.originbridge.platform.Topics;
import org.originbridge.platform.errors.InvalidRecordException;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Screens every declaration on coo-declarations-submitted (written by intake's HTTP API and by external
 * producers in Confluent wire format). Unreadable records go to the platform's DLT.
 */
@Component
class SubmittedDeclarationListener {

    private final DeclarationScreening screening;
    private final IntakeMetrics metrics;

    SubmittedDeclarationListener(DeclarationScreening screening, IntakeMetrics metrics) {
        this.screening = screening;
        this.metrics = metrics;
    }

    @KafkaListener(topics = Topics.DECLARATIONS_SUBMITTED)
    void on(ConsumerRecord<String, Object> record) {
        screening.screen(map(record.value()));
    }

    /** Counts records that cannot be mapped; the exception still sends them to the DLT. */
    private Declaration map(Object value) {
        try {
            return DeclarationAvroMapper.fromEvent(value);
        } catch (InvalidRecordException e) {
            metrics.invalid("kafka");
            throw e;
        }
    }
}
