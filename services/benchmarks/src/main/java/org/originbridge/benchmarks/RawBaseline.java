package org.originbridge.benchmarks;

import java.io.PrintStream;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.originbridge.platform.Topics;

/**
 * The raw Kafka baseline of a benchmark run, on the same broker: N records of B random bytes produced
 * (acks=all, idempotent, linger 5 ms: the services' producer settings) onto a fresh topic with as many
 * partitions as {@code coo-declarations-submitted}, consumed at the same time by an assigned consumer;
 * the rate is N / (first send -> last record consumed). The topic is deleted afterwards.
 */
final class RawBaseline {

    record Result(int count, double seconds) {
        double recordsPerSecond() {
            return count / Math.max(1e-9, seconds);
        }
    }

    private RawBaseline() {
    }

    /** @param adminClient creates and deletes the topic; {@code client} produces and consumes */
    static Result run(Map<String, Object> client, Map<String, Object> adminClient, int count, int bytes, PrintStream out) {
        String topic = "originbridge-bench-raw-" + UUID.randomUUID().toString().substring(0, 8);
        try (Admin admin = Admin.create(adminClient)) {
            int partitions = admin.describeTopics(Set.of(Topics.DECLARATIONS_SUBMITTED)).allTopicNames().get(30, TimeUnit.SECONDS)
                    .get(Topics.DECLARATIONS_SUBMITTED).partitions().size();
            admin.createTopics(Set.of(new NewTopic(topic, partitions, (short) 1))).all().get(30, TimeUnit.SECONDS);
            try {
                Result result = measure(client, topic, partitions, count, bytes);
                out.printf("raw Kafka baseline: %d records of %d bytes, %d partitions, produce -> consume in %.2f s: %.0f records/s%n",
                        count, bytes, partitions, result.seconds(), result.recordsPerSecond());
                return result;
            } finally {
                admin.deleteTopics(Set.of(topic)).all().get(30, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            throw new IllegalStateException("raw baseline failed: " + e, e);
        }
    }

    private static Result measure(Map<String, Object> client, String topic, int partitions, int count, int bytes)
            throws InterruptedException {
        Map<String, Object> consumerConfig = new HashMap<>(client);
        consumerConfig.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumerConfig.put(ConsumerConfig.CLIENT_ID_CONFIG, "originbridge-bench-raw-consumer");
        AtomicLong consumed = new AtomicLong();
        AtomicLong lastConsumed = new AtomicLong();
        KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerConfig, new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
        List<TopicPartition> assigned = java.util.stream.IntStream.range(0, partitions)
                .mapToObj(p -> new TopicPartition(topic, p)).toList();
        consumer.assign(assigned);
        consumer.seekToBeginning(assigned);
        assigned.forEach(p -> consumer.position(p, Duration.ofSeconds(30)));
        Thread reader = new Thread(() -> {
            try (consumer) {
                long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
                while (consumed.get() < count && System.nanoTime() < deadline) {
                    int n = consumer.poll(Duration.ofMillis(100)).count();
                    if (n > 0) {
                        consumed.addAndGet(n);
                        lastConsumed.set(System.nanoTime());
                    }
                }
            }
        }, "raw-baseline-consumer");
        reader.start();

        Map<String, Object> producerConfig = new HashMap<>(client);
        producerConfig.put(ProducerConfig.ACKS_CONFIG, "all");
        producerConfig.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        producerConfig.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        producerConfig.put(ProducerConfig.CLIENT_ID_CONFIG, "originbridge-bench-raw-producer");
        byte[] value = new byte[bytes];
        new Random(42).nextBytes(value);
        long first;
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerConfig, new ByteArraySerializer(),
                new ByteArraySerializer())) {
            first = System.nanoTime();
            for (int i = 0; i < count; i++) {
                producer.send(new ProducerRecord<>(topic, Integer.toString(i).getBytes(), value));
            }
            producer.flush();
        }
        reader.join(TimeUnit.MINUTES.toMillis(6));
        if (consumed.get() < count) {
            throw new IllegalStateException("consumed only " + consumed.get() + " of " + count + " raw records");
        }
        return new Result(count, (lastConsumed.get() - first) / 1e9);
    }
}
