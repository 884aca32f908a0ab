package org.originbridge.logistics.adapter.kafka;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.originbridge.events.logistics.LogisticsNodeEvent;
import org.originbridge.logistics.domain.NodeEvent;
import org.originbridge.logistics.domain.NodeEventPublisher;
import org.originbridge.platform.Topic;
import org.originbridge.platform.Topics;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.stereotype.Component;

/**
 * Publishes to {@code logistics-node-events}, keyed by transport document, else booking, else
 * equipment reference, and waits until the broker acknowledged every record (acks=all).
 */
@Component
public class KafkaNodeEventPublisher implements NodeEventPublisher {

    private final KafkaTemplate<String, Object> template;

    public KafkaNodeEventPublisher(KafkaTemplate<String, Object> template) {
        this.template = template;
    }

    @Override
    public void publish(List<NodeEvent> events, String tenant) {
        List<CompletableFuture<SendResult<String, Object>>> sends = events.stream()
                .map(e -> send(e.key(), NodeEventAvroMapper.toAvro(e, tenant)))
                .toList();
        CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).join();
    }

    /** Typed by the catalogue entry: only a {@link LogisticsNodeEvent} keyed by a String goes to this topic. */
    private CompletableFuture<SendResult<String, Object>> send(String key, LogisticsNodeEvent value) {
        Topic<String, LogisticsNodeEvent> topic = Topics.Catalogue.LOGISTICS_NODE_EVENTS;
        return template.send(topic.name(), topic.keyType().cast(key), topic.valueType().cast(value));
    }
}
