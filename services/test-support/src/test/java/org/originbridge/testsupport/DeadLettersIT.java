package org.originbridge.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.originbridge.runtime.DeadLetters;

/** The operator's dead-letter tool against the real broker: list with reasons, replay once only. */
class DeadLettersIT {

    @Test
    void listsDeadLettersWithTheirReasonsAndReplaysEachOnceOntoTheOriginalTopic() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String original = "fault-" + suffix;
        String dlt = original + "-some-service-dlt";
        String bootstrap = RealInfrastructure.bootstrapServers();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic(original, 1, (short) 1), new NewTopic(dlt, 2, (short) 1))).all().get();
        }
        deadLetter(bootstrap, dlt, original, "K1", new byte[] {0, 0, 0, 0, 7, 1}, "exporter.name: missing");
        deadLetter(bootstrap, dlt, original, "K2", new byte[] {9, 9}, "java.lang.StackOverflowError while processing the record");
        deadLetter(bootstrap, dlt, original, "K3", new byte[] {3}, "PermanentExternalFailure: 400");

        DeadLetters tool = new DeadLetters(bootstrap);
        assertThat(tool.deadLetters().get(dlt)).extracting(DeadLetters.DeadLetter::key).containsExactlyInAnyOrder("K1", "K2", "K3");
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        tool.list(new PrintStream(printed, true, StandardCharsets.UTF_8));
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains(dlt + ": 3 dead letter(s)")
                .contains("key=K2").contains("StackOverflowError").contains("from=" + original);

        assertThat(tool.replay(dlt, "K2")).isEqualTo(new DeadLetters.Replay(1, 0, 2));
        assertThat(tool.replay(dlt, null)).isEqualTo(new DeadLetters.Replay(2, 1, 0));
        assertThat(tool.replay(dlt, null)).as("a second replay duplicates nothing").isEqualTo(new DeadLetters.Replay(0, 3, 0));

        List<ConsumerRecord<byte[], byte[]>> replayed = tool.readAll(original);
        assertThat(replayed).hasSize(3);
        ConsumerRecord<byte[], byte[]> k1 = replayed.stream()
                .filter(r -> "K1".equals(new String(r.key(), StandardCharsets.UTF_8))).findFirst().orElseThrow();
        assertThat(k1.value()).as("the original bytes").containsExactly(0, 0, 0, 0, 7, 1);
        assertThat(k1.headers().lastHeader("kafka_dlt-exception-message")).isNull();
        assertThat(new String(k1.headers().lastHeader("originbridge-replayed-from").value(), StandardCharsets.UTF_8))
                .startsWith(dlt + "/");
        assertThat(tool.deadLetters().get(dlt)).allMatch(DeadLetters.DeadLetter::replayed);
    }

    private static void deadLetter(String bootstrap, String dlt, String original, String key, byte[] value, String reason)
            throws Exception {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer())) {
            RecordHeaders headers = new RecordHeaders();
            headers.add("kafka_dlt-original-topic", original.getBytes(StandardCharsets.UTF_8));
            headers.add("kafka_dlt-original-consumer-group", "some-service".getBytes(StandardCharsets.UTF_8));
            headers.add("kafka_dlt-exception-message", reason.getBytes(StandardCharsets.UTF_8));
            producer.send(new ProducerRecord<>(dlt, null, key.getBytes(StandardCharsets.UTF_8), value, headers)).get();
        }
    }
}
