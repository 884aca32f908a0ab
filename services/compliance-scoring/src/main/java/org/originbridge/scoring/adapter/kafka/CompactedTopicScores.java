package org.originbridge.scoring.adapter.kafka;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.originbridge.events.scoring.SupplierComplianceScore;
import org.originbridge.platform.Topics;
import org.originbridge.scoring.domain.PublishedScores;
import org.originbridge.scoring.domain.SupplierScore;
import org.springframework.kafka.core.ConsumerFactory;

/**
 * The latest published score of every supplier, read once from the compacted
 * {@code supplier-compliance-scores} topic (assigned partitions, from the beginning to the end
 * offsets at the first call; no consumer group, nothing committed) and kept in memory: one entry
 * per supplier. Only a rebuild and a supplier's very first fact consult it.
 */
public class CompactedTopicScores implements PublishedScores {

    private final ConsumerFactory<Object, Object> consumers;
    private final Duration timeout;
    private Map<String, SupplierScore> latest;

    public CompactedTopicScores(ConsumerFactory<Object, Object> consumers, Duration timeout) {
        this.consumers = consumers;
        this.timeout = timeout;
    }

    @Override
    public synchronized Optional<SupplierScore> latest(String supplierId) {
        if (latest == null) {
            latest = load();
        }
        return Optional.ofNullable(latest.get(supplierId));
    }

    private Map<String, SupplierScore> load() {
        Properties overrides = new Properties();
        overrides.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        Map<String, SupplierScore> scores = new HashMap<>();
        try (Consumer<Object, Object> consumer = consumers.createConsumer(null, "published-scores", null, overrides)) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.SUPPLIER_COMPLIANCE_SCORES, timeout).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p, timeout) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + Topics.SUPPLIER_COMPLIANCE_SCORES + " within " + timeout);
                }
                for (ConsumerRecord<Object, Object> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.value() instanceof SupplierComplianceScore score) {
                        SupplierScore s = EventMapper.fromAvro(score);
                        scores.merge(s.supplierId(), s, (a, b) -> b.version() >= a.version() ? b : a);
                    } else if (record.value() == null && record.key() != null) {
                        scores.remove(record.key().toString()); // a tombstone
                    }
                }
            }
        }
        return scores;
    }
}
