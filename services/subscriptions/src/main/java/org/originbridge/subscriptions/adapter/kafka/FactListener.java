package org.originbridge.subscriptions.adapter.kafka;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.originbridge.platform.Topics;
import org.originbridge.subscriptions.domain.RecordFact;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Thin: map the fact, record it. One listener (one consumer thread per instance) over every fact
 * topic, so an instance records events in the order it reads them and {@code seq} grows with it.
 */
@Component
public class FactListener {

    private final RecordFact recordFact;

    public FactListener(RecordFact recordFact) {
        this.recordFact = recordFact;
    }

    @KafkaListener(id = "subscriptions-facts", idIsGroup = false, topics = {Topics.DECLARATIONS_ACCEPTED,
            Topics.DECLARATIONS_REJECTED, Topics.DECLARATION_FAILURES, Topics.ASW_VERIFICATIONS,
            Topics.ECO_ISSUANCE_STATUS, Topics.LOGISTICS_NODE_EVENTS, Topics.SUPPLIER_COMPLIANCE_SCORES})
    public void onFact(ConsumerRecord<String, Object> record) {
        recordFact.record(FactMapper.toFact(record.value()));
    }
}
