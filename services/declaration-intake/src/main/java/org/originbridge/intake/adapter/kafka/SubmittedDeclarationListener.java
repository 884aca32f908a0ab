package org.originbridge.intake.adapter.kafka;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.originbridge.intake.domain.DeclarationScreening;
import org.originbridge.platform.Topics;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Screens every declaration on coo-declarations-submitted (written by intake's HTTP API and by external
 * producers in Confluent wire format). Unreadable records go to the platform's DLT.
 */
@Component
class SubmittedDeclarationListener {

    private final DeclarationScreening screening;

    SubmittedDeclarationListener(DeclarationScreening screening) {
        this.screening = screening;
    }

    @KafkaListener(topics = Topics.DECLARATIONS_SUBMITTED)
    void on(ConsumerRecord<String, Object> record) {
        screening.screen(DeclarationAvroMapper.fromEvent(record.value()));
    }
}
