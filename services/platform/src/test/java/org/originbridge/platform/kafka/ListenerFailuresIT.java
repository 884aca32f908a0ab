package org.originbridge.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.originbridge.platform.Topics;
import org.originbridge.platform.errors.InvalidRecordException;
import org.originbridge.platform.resilience.TransientExternalFailure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import org.springframework.stereotype.Component;

/**
 * The platform's error handling against a real broker (String records, so no registry): an Error
 * thrown by a listener is dead-lettered and the next record is processed; a transient failure is
 * retried past the old retry budget until it passes and is never dead-lettered; a stopped container
 * makes health DOWN; the catalogue's topics carry their retention and compaction on the broker.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
        "spring.application.name=platform-it",
        "originbridge.kafka.partitions=1",
        "originbridge.kafka.retry.initial-interval=50ms",
        "originbridge.kafka.retry.max-interval=200ms",
        "originbridge.kafka.stuck-after=3s",
        "spring.kafka.producer.value-serializer=org.apache.kafka.common.serialization.StringSerializer",
        "spring.kafka.consumer.properties.spring.deserializer.value.delegate.class=org.apache.kafka.common.serialization.StringDeserializer"})
@EmbeddedKafka(partitions = 1, bootstrapServersProperty = "spring.kafka.bootstrap-servers")
class ListenerFailuresIT {

    static final String TOPIC = "platform-it-records";
    static final String DLT = Topics.deadLetter(TOPIC, "platform-it");
    private static final Duration WAIT = Duration.ofSeconds(60);

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {
        @Bean
        NewTopic platformItTopic() {
            return new NewTopic(TOPIC, 1, (short) 1);
        }

        @Bean
        Listener listener() {
            return new Listener();
        }
    }

    /** Behaves as the record's value says: "soe", "oom", "invalid", "flaky:N" (fails N times), anything else passes. */
    @Component
    static class Listener {
        final List<String> processed = new CopyOnWriteArrayList<>();
        final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
        /** While false, a "stuck" record fails transiently on every attempt (retried for ever, offset kept). */
        volatile boolean releaseStuck;

        @KafkaListener(id = "platform-it-listener", topics = TOPIC)
        void on(ConsumerRecord<String, String> record) {
            String value = record.value();
            int attempt = attempts.computeIfAbsent(record.key(), k -> new AtomicInteger()).incrementAndGet();
            if (value.equals("soe")) {
                recurse(0);
            } else if (value.equals("oom")) {
                throw new OutOfMemoryError("Java heap space (simulated)");
            } else if (value.equals("invalid")) {
                throw new InvalidRecordException("record", "bad record");
            } else if (value.equals("stuck") && !releaseStuck) {
                throw new org.originbridge.platform.errors.RetryLater("a dependency stays down (simulated)", null);
            } else if (value.startsWith("flaky:") && attempt <= Integer.parseInt(value.substring(6))) {
                throw new TransientExternalFailure("asw answered 503 (attempt " + attempt + ")", null);
            }
            processed.add(record.key());
        }

        private static int recurse(int depth) {
            return recurse(depth + 1) + 1;
        }
    }

    @Autowired
    KafkaTemplate<String, Object> template;
    @Autowired
    Listener listener;
    @Autowired
    KafkaListenerEndpointRegistry registry;
    @Autowired
    ListenerContainersHealthIndicator health;
    @Autowired
    KafkaBrokerHealthIndicator kafkaHealth;
    @Autowired
    EmbeddedKafkaBroker broker;
    @Autowired
    ConsumerProgressHealthIndicator progress;

    @Test
    void theFactTopicsKeepEveryRecordAndTheScoresTopicIsCompactedOnTheRealBroker() throws Exception {
        // Issue 7 item 3: Kafka is the system of record. What the broker was told, not only what the catalogue
        // says: every fact topic keeps its records for ever (read models are rebuilt from offset 0), and the
        // scores and consistency topics keep the latest record per key for ever (a late subscriber gets every current
        // score and report).
        try (org.apache.kafka.clients.admin.Admin admin = org.apache.kafka.clients.admin.Admin.create(Map.of(
                org.apache.kafka.clients.admin.AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()))) {
            List<org.apache.kafka.common.config.ConfigResource> resources = Topics.ALL.stream()
                    .map(t -> new org.apache.kafka.common.config.ConfigResource(
                            org.apache.kafka.common.config.ConfigResource.Type.TOPIC, t))
                    .toList();
            Map<org.apache.kafka.common.config.ConfigResource, org.apache.kafka.clients.admin.Config> configs =
                    admin.describeConfigs(resources).all().get();
            for (String topic : Topics.ALL) {
                org.apache.kafka.clients.admin.Config config = configs.get(new org.apache.kafka.common.config.ConfigResource(
                        org.apache.kafka.common.config.ConfigResource.Type.TOPIC, topic));
                if (topic.equals(Topics.SUPPLIER_COMPLIANCE_SCORES) || topic.equals(Topics.DECLARATION_CONSISTENCY)) {
                    assertThat(config.get("cleanup.policy").value()).as(topic).isEqualTo("compact");
                } else {
                    assertThat(config.get("cleanup.policy").value()).as(topic).isEqualTo("delete");
                    assertThat(config.get("retention.ms").value()).as(topic + " retention.ms").isEqualTo("-1");
                    assertThat(config.get("retention.bytes").value()).as(topic + " retention.bytes").isEqualTo("-1");
                }
            }
        }
    }

    @Test
    void aConsumerWithLagThatMakesNoProgressMakesHealthDownUntilItMovesAgain() {
        assertThat(progress.health(true).getStatus()).isEqualTo(Status.UP);
        String stuck = "stuck-" + UUID.randomUUID();
        String behind = "behind-" + UUID.randomUUID();
        template.send(TOPIC, stuck, "stuck");
        template.send(TOPIC, behind, "fine");
        // retried for ever without a dead letter; lag 2 (the stuck record and the one behind it), offset still
        await().atMost(WAIT).pollInterval(Duration.ofMillis(500))
                .until(() -> progress.health(true).getStatus().equals(Status.DOWN));
        assertThat(String.valueOf(progress.health(true).getDetails().get("listeners"))).contains("STUCK");
        assertThat(listener.processed).doesNotContain(behind);

        listener.releaseStuck = true;
        await().atMost(WAIT).until(() -> listener.processed.contains(behind));
        await().atMost(WAIT).pollInterval(Duration.ofMillis(500))
                .until(() -> progress.health(true).getStatus().equals(Status.UP));
    }

    @Test
    void healthIncludesTheKafkaCluster() {
        var kafka = kafkaHealth.health(true);

        assertThat(kafka.getStatus()).isEqualTo(Status.UP);
        assertThat(kafka.getDetails()).containsEntry("brokers", 1).containsKey("clusterId");
    }

    @Test
    void anErrorThrownByTheListenerIsDeadLetteredAndTheNextRecordIsProcessed() {
        String soe = "soe-" + UUID.randomUUID();
        String oom = "oom-" + UUID.randomUUID();
        String invalid = "invalid-" + UUID.randomUUID();
        String next = "next-" + UUID.randomUUID();
        template.send(TOPIC, soe, "soe");
        template.send(TOPIC, oom, "oom");
        template.send(TOPIC, invalid, "invalid");
        template.send(TOPIC, next, "fine");

        await().atMost(WAIT).until(() -> listener.processed.contains(next));
        List<ConsumerRecord<String, String>> dead = awaitDeadLetters(List.of(soe, oom, invalid));
        assertThat(reason(dead, soe)).contains("StackOverflowError");
        assertThat(reason(dead, oom)).contains("OutOfMemoryError");
        assertThat(reason(dead, invalid)).contains("bad record");
        // dead-lettered on the first attempt, and the container did not stop
        assertThat(listener.attempts.get(soe)).hasValue(1);
        assertThat(listener.attempts.get(oom)).hasValue(1);
        assertThat(registry.getListenerContainer("platform-it-listener").isInExpectedState()).isTrue();
        assertThat(health.health(true).getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void aTransientFailureIsRetriedBeyondTheOldBudgetAndNeverDeadLettered() {
        String flaky = "flaky-" + UUID.randomUUID();
        String after = "after-" + UUID.randomUUID();
        template.send(TOPIC, flaky, "flaky:8");
        template.send(TOPIC, after, "fine");

        await().atMost(WAIT).until(() -> listener.processed.contains(after));
        assertThat(listener.processed).containsSubsequence(flaky, after);
        assertThat(listener.attempts.get(flaky)).hasValue(9);
        assertThat(deadLetterKeys()).doesNotContain(flaky);
    }

    @Test
    void aStoppedListenerContainerMakesHealthDown() {
        var container = registry.getListenerContainer("platform-it-listener");
        try {
            container.stop();
            assertThat(health.health(true).getStatus()).isEqualTo(Status.DOWN);
        } finally {
            container.start();
        }
        await().atMost(WAIT).until(() -> health.health(true).getStatus().equals(Status.UP));
    }

    private List<ConsumerRecord<String, String>> awaitDeadLetters(List<String> keys) {
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        await().atMost(WAIT).until(() -> {
            found.clear();
            found.addAll(deadLetters());
            return found.stream().map(ConsumerRecord::key).toList().containsAll(keys);
        });
        return found;
    }

    private List<String> deadLetterKeys() {
        return deadLetters().stream().map(ConsumerRecord::key).toList();
    }

    private List<ConsumerRecord<String, String>> deadLetters() {
        Map<String, Object> props = KafkaTestUtils.consumerProps(broker, "dlt-reader-" + UUID.randomUUID(), false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(DLT));
            List<ConsumerRecord<String, String>> records = new ArrayList<>();
            KafkaTestUtils.getRecords(consumer, Duration.ofSeconds(3)).forEach(records::add);
            return records;
        }
    }

    private static String reason(List<ConsumerRecord<String, String>> records, String key) {
        return records.stream().filter(r -> key.equals(r.key())).findFirst()
                .map(r -> new String(r.headers().lastHeader("kafka_dlt-exception-message").value(), StandardCharsets.UTF_8))
                .orElseThrow();
    }
}
