package org.originbridge.e2e;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** What a scenario needs of the broker: write raw bytes, wait for a raw record, read a topic to its end. */
interface KafkaAccess {

    void sendRaw(String topic, String key, byte[] value);

    ConsumerRecord<String, byte[]> awaitRaw(String topic, Predicate<ConsumerRecord<String, byte[]>> match, Duration timeout);

    /** The records of {@code topic} matching, from the beginning up to the end offsets taken when called. */
    List<ConsumerRecord<String, byte[]>> rawUpToEnd(String topic, Predicate<ConsumerRecord<String, byte[]>> match);

    /** {@link #rawUpToEnd} against the broker at {@code bootstrapServers} (no consumer group, nothing committed). */
    static List<ConsumerRecord<String, byte[]>> readRawUpToEnd(String bootstrapServers, String topic,
            Predicate<ConsumerRecord<String, byte[]>> match) {
        List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class))) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.offset() < end.get(new TopicPartition(record.topic(), record.partition())) && match.test(record)) {
                        found.add(record);
                    }
                }
            }
        }
        return found;
    }
}
