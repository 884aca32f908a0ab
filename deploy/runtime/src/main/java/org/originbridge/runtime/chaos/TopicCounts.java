package org.originbridge.runtime.chaos;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.originbridge.runtime.KafkaClientSecurity;

/** Reads whole topics (no consumer group) to count records per key; writes raw records for the poison scenario. */
final class TopicCounts {

    private final String bootstrap;

    TopicCounts(String bootstrap) {
        this.bootstrap = bootstrap;
    }

    /** Topics whose name matches. */
    List<String> topics(Predicate<String> which) throws Exception {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.putAll(KafkaClientSecurity.fromEnvironment());
        try (Admin admin = Admin.create(p)) {
            return admin.listTopics().names().get().stream().filter(which).sorted().toList();
        }
    }

    /** Records per key (UTF-8) over the given topics, for keys that match. */
    Map<String, Integer> countByKey(List<String> topics, Predicate<String> keys) {
        return read(topics, keys, false);
    }

    /** Distinct values per key (byte for byte) over the given topics, for keys that match. */
    Map<String, Integer> distinctValuesByKey(List<String> topics, Predicate<String> keys) {
        return read(topics, keys, true);
    }

    private Map<String, Integer> read(List<String> topics, Predicate<String> keys, boolean distinct) {
        Map<String, Integer> counts = new HashMap<>();
        Map<String, java.util.Set<String>> values = new HashMap<>();
        if (topics.isEmpty()) {
            return counts;
        }
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
        p.putAll(KafkaClientSecurity.fromEnvironment());
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(p)) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : topics) {
                for (PartitionInfo info : consumer.partitionsFor(topic, Duration.ofSeconds(30))) {
                    partitions.add(new TopicPartition(topic, info.partition()));
                }
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
            while (!reached(consumer, end) && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    String key = r.key() == null ? "" : new String(r.key(), StandardCharsets.UTF_8);
                    if (keys.test(key) && !distinct) {
                        counts.merge(key, 1, Integer::sum);
                    } else if (keys.test(key)) {
                        values.computeIfAbsent(key, k -> new java.util.HashSet<>())
                                .add(r.value() == null ? "" : java.util.Base64.getEncoder().encodeToString(r.value()));
                    }
                }
            }
        }
        if (distinct) {
            values.forEach((k, v) -> counts.put(k, v.size()));
        }
        return counts;
    }

    private static boolean reached(KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, Long> end) {
        for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
            if (consumer.position(e.getKey()) < e.getValue()) {
                return false;
            }
        }
        return true;
    }

    /** Writes raw bytes (acks=all) onto a topic. */
    void send(String topic, String key, byte[] value) throws Exception {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        p.putAll(KafkaClientSecurity.fromEnvironment());
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(p)) {
            producer.send(new ProducerRecord<>(topic, key.getBytes(StandardCharsets.UTF_8), value)).get();
        }
    }
}
