package org.originbridge.e2e;

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
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.originbridge.testsupport.RealInfrastructure;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * The same pipeline against containers: Apache Kafka 4 and MongoDB 7 (a real mongod, where the
 * other tier uses a wire-protocol server). The registry is the same Apicurio Registry 2.6 process
 * the other tier starts. Skipped, with JUnit reporting "disabledWithoutDocker", where no Docker
 * engine is reachable (this build machine has only the client).
 */
@Testcontainers(disabledWithoutDocker = true)
class PipelineContainerIT extends PipelineScenario {

    @Container
    static final KafkaContainer KAFKA = new KafkaContainer("apache/kafka:4.1.0");

    @Container
    static final MongoDBContainer MONGO = new MongoDBContainer("mongo:7.0");

    private static ServiceStack stack;

    @BeforeAll
    static void startEverything() {
        // a replica-set URI without the database path; the stack appends one per service
        String mongo = MONGO.getConnectionString();
        stack = ServiceStack.start(new ServiceStack.Infrastructure(KAFKA.getBootstrapServers(),
                RealInfrastructure.registryUrl(), mongo));
    }

    @AfterAll
    static void stopEverything() {
        if (stack != null) {
            stack.close();
        }
    }

    @Override
    ServiceStack stack() {
        return stack;
    }

    @Override
    String confluentCompatibleUrl() {
        return RealInfrastructure.confluentCompatibleUrl();
    }

    @Override
    KafkaAccess kafka() {
        String bootstrap = KAFKA.getBootstrapServers();
        return new KafkaAccess() {
            @Override
            public void sendRaw(String topic, String key, byte[] value) {
                try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                        ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                        ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))) {
                    producer.send(new ProducerRecord<>(topic, key, value)).get();
                } catch (Exception e) {
                    throw new IllegalStateException("could not send to " + topic, e);
                }
            }

            @Override
            public ConsumerRecord<String, byte[]> awaitRaw(String topic, Predicate<ConsumerRecord<String, byte[]>> match,
                    Duration timeout) {
                List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
                try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                        ConsumerConfig.GROUP_ID_CONFIG, "e2e-probe-" + UUID.randomUUID(),
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                        ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class))) {
                    consumer.subscribe(List.of(topic));
                    Awaitility.await(topic).atMost(timeout).until(() -> {
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

            @Override
            public List<ConsumerRecord<String, byte[]>> rawUpToEnd(String topic, Predicate<ConsumerRecord<String, byte[]>> match) {
                return KafkaAccess.readRawUpToEnd(bootstrap, topic, match);
            }
        };
    }
}
