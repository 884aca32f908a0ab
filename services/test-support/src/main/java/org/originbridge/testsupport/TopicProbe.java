package org.originbridge.testsupport;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;

/**
 * Reads and writes topics of the real broker from a test, with the same Apicurio serdes settings
 * the services use ({@code Avro} values as SpecificRecords) or as raw bytes.
 */
public final class TopicProbe {

    private TopicProbe() {
    }

    /** Waits until a record on {@code topic} matches, reading from the beginning; returns it. */
    public static <V> ConsumerRecord<String, V> awaitRecord(String topic, Class<V> type,
            Predicate<ConsumerRecord<String, V>> match, Duration timeout) {
        List<ConsumerRecord<String, V>> found = new ArrayList<>();
        try (KafkaConsumer<String, Object> consumer = new KafkaConsumer<>(avroConsumerConfig())) {
            consumer.subscribe(List.of(topic));
            Awaitility.await(topic).atMost(timeout).pollInterval(Duration.ofMillis(50)).until(() -> {
                for (ConsumerRecord<String, Object> record : consumer.poll(Duration.ofMillis(200))) {
                    if (type.isInstance(record.value())) {
                        @SuppressWarnings("unchecked")
                        ConsumerRecord<String, V> typed = (ConsumerRecord<String, V>) (ConsumerRecord<?, ?>) record;
                        if (match.test(typed)) {
                            found.add(typed);
                            return true;
                        }
                    }
                }
                return false;
            });
        }
        return found.get(0);
    }

    /**
     * Every value of {@code type} under {@code key} on {@code topic}, in order, read from the
     * beginning up to the topic's end as it is now (no waiting: for "nothing more was emitted").
     */
    public static <V> List<V> valuesUpToEnd(String topic, String key, Class<V> type) {
        List<V> values = new ArrayList<>();
        try (KafkaConsumer<String, Object> consumer = new KafkaConsumer<>(avroConsumerConfig())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, Object> record : consumer.poll(Duration.ofMillis(200))) {
                    if (key.equals(record.key()) && type.isInstance(record.value())) {
                        values.add(type.cast(record.value()));
                    }
                }
            }
        }
        return values;
    }

    /**
     * How many records under {@code key} are on {@code topic}, read raw from the beginning up to the
     * topic's end as it is now (works on topics that also carry records that are not valid Avro).
     */
    public static int rawCountUpToEnd(String topic, String key) {
        int count = 0;
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(rawConsumerConfig())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (key.equals(record.key())) {
                        count++;
                    }
                }
            }
        }
        return count;
    }

    /** Waits until a raw record on {@code topic} matches, reading from the beginning; returns it. */
    public static ConsumerRecord<String, byte[]> awaitRawRecord(String topic,
            Predicate<ConsumerRecord<String, byte[]>> match, Duration timeout) {
        List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(rawConsumerConfig())) {
            consumer.subscribe(List.of(topic));
            Awaitility.await(topic).atMost(timeout).pollInterval(Duration.ofMillis(50)).until(() -> {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (match.test(record)) {
                        found.add(record);
                        return true;
                    }
                }
                return false;
            });
        }
        return found.get(0);
    }

    /** Sends raw bytes (e.g. a poison record or Confluent wire bytes made by {@link ConfluentWire}). */
    public static void sendRaw(String topic, String key, byte[] value) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, RealInfrastructure.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))) {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        } catch (Exception e) {
            throw new IllegalStateException("could not send to " + topic, e);
        }
    }

    /** Sends a generated Avro record with the services' serializer settings. */
    public static void sendAvro(String topic, String key, Object value) {
        try (KafkaProducer<String, Object> producer = new KafkaProducer<>(avroProducerConfig())) {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        } catch (Exception e) {
            throw new IllegalStateException("could not send to " + topic, e);
        }
    }

    private static Map<String, Object> avroConsumerConfig() {
        return Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, RealInfrastructure.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, "io.apicurio.registry.serde.avro.AvroKafkaDeserializer",
                "apicurio.registry.url", RealInfrastructure.registryUrl(),
                "apicurio.registry.use-specific-avro-reader", "true",
                "apicurio.registry.use-id", "contentId",
                "apicurio.registry.id-handler", "io.apicurio.registry.serde.Legacy4ByteIdHandler",
                "apicurio.registry.headers.enabled", "false");
    }

    private static Map<String, Object> rawConsumerConfig() {
        return Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, RealInfrastructure.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    }

    private static Map<String, Object> avroProducerConfig() {
        return Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, RealInfrastructure.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, "io.apicurio.registry.serde.avro.AvroKafkaSerializer",
                "apicurio.registry.url", RealInfrastructure.registryUrl(),
                "apicurio.registry.auto-register", "true",
                "apicurio.registry.use-id", "contentId",
                "apicurio.registry.id-handler", "io.apicurio.registry.serde.Legacy4ByteIdHandler",
                "apicurio.registry.headers.enabled", "false");
    }
}
