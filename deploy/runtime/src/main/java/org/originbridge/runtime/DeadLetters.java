package org.originbridge.runtime;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Operator tool for dead-letter topics ({@code <topic>-<consumer>-dlt}, written by the platform's
 * error handler with the original key/value bytes and {@code kafka_dlt-*} headers).
 *
 * <pre>
 * java -cp ... org.originbridge.runtime.DeadLetters [--bootstrap 127.0.0.1:9092] list
 * java -cp ... org.originbridge.runtime.DeadLetters [--bootstrap 127.0.0.1:9092] replay DLT_TOPIC [--key K]
 * </pre>
 *
 * <p>{@code list} prints, per dead-letter topic, its count and each record's key, original topic,
 * failing consumer and reason. {@code replay} re-publishes the original bytes (and original headers,
 * without the {@code kafka_dlt-*} ones) onto the original topic, with the header
 * {@code originbridge-replayed-from} = {@code dlt/partition/offset}. Every replayed record is noted on
 * the compacted topic {@value #LEDGER} (key {@code dlt/partition/offset}) after the broker acknowledged
 * the replay, so a second replay skips it: nothing is replayed twice. The replayed record is read by
 * every consumer of the original topic; all consumers are idempotent by business id.
 */
public final class DeadLetters {

    static final String LEDGER = "originbridge-dlt-replays";
    static final String REPLAYED_FROM = "originbridge-replayed-from";
    private static final String ORIGINAL_TOPIC = "kafka_dlt-original-topic";
    private static final String ORIGINAL_GROUP = "kafka_dlt-original-consumer-group";
    private static final String REASON = "kafka_dlt-exception-message";

    private final String bootstrap;

    public DeadLetters(String bootstrap) {
        this.bootstrap = bootstrap;
    }

    public static void main(String[] args) throws Exception {
        String bootstrap = "127.0.0.1:9092";
        List<String> rest = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--bootstrap") && i + 1 < args.length) {
                bootstrap = args[++i];
            } else {
                rest.add(args[i]);
            }
        }
        DeadLetters tool = new DeadLetters(bootstrap);
        if (!rest.isEmpty() && rest.get(0).equals("list")) {
            tool.list(System.out);
        } else if (rest.size() >= 2 && rest.get(0).equals("replay")) {
            String key = rest.size() >= 4 && rest.get(2).equals("--key") ? rest.get(3) : null;
            Replay result = tool.replay(rest.get(1), key);
            System.out.printf("%s: replayed %d, already replayed before %d, not matching the key %d%n",
                    rest.get(1), result.replayed(), result.skippedAlreadyReplayed(), result.skippedOtherKey());
        } else {
            System.err.println("usage: DeadLetters [--bootstrap HOST:PORT] list | replay DLT_TOPIC [--key KEY]");
            System.exit(2);
        }
    }

    /** One dead letter as {@code list} shows it. */
    public record DeadLetter(String topic, int partition, long offset, String key, String originalTopic,
            String consumer, String reason, boolean replayed) {
    }

    /** What a replay did. */
    public record Replay(int replayed, int skippedAlreadyReplayed, int skippedOtherKey) {
    }

    /** Every dead-letter topic and its records. */
    public Map<String, List<DeadLetter>> deadLetters() throws Exception {
        Set<String> replayed = ledger();
        Map<String, List<DeadLetter>> all = new java.util.TreeMap<>();
        for (String topic : deadLetterTopics()) {
            List<DeadLetter> letters = new ArrayList<>();
            for (ConsumerRecord<byte[], byte[]> r : readAll(topic)) {
                letters.add(new DeadLetter(topic, r.partition(), r.offset(), text(r.key()), header(r, ORIGINAL_TOPIC),
                        header(r, ORIGINAL_GROUP), header(r, REASON), replayed.contains(ledgerKey(r))));
            }
            all.put(topic, letters);
        }
        return all;
    }

    public void list(PrintStream out) throws Exception {
        Map<String, List<DeadLetter>> all = deadLetters();
        if (all.isEmpty()) {
            out.println("no dead-letter topics");
        }
        all.forEach((topic, letters) -> {
            out.printf("%s: %d dead letter(s)%n", topic, letters.size());
            for (DeadLetter d : letters) {
                out.printf("  %d/%d key=%s from=%s consumer=%s%s%n    reason: %s%n", d.partition(), d.offset(), d.key(),
                        d.originalTopic(), d.consumer(), d.replayed() ? " (replayed)" : "", abbreviate(d.reason(), 300));
            }
        });
    }

    /** Re-publishes the dead letters of {@code deadLetterTopic} (only those keyed {@code key} when given) not yet replayed. */
    public Replay replay(String deadLetterTopic, String key) throws Exception {
        if (!deadLetterTopic.endsWith("-dlt")) {
            throw new IllegalArgumentException(deadLetterTopic + " is not a dead-letter topic (<topic>-<consumer>-dlt)");
        }
        ensureLedger();
        Set<String> done = ledger();
        int replayed = 0, already = 0, other = 0;
        try (KafkaProducer<byte[], byte[]> producer = producer()) {
            for (ConsumerRecord<byte[], byte[]> r : readAll(deadLetterTopic)) {
                if (key != null && !key.equals(text(r.key()))) {
                    other++;
                    continue;
                }
                String ledgerKey = ledgerKey(r);
                if (done.contains(ledgerKey)) {
                    already++;
                    continue;
                }
                String original = header(r, ORIGINAL_TOPIC);
                if (original == null) {
                    throw new IllegalStateException(ledgerKey + " has no " + ORIGINAL_TOPIC + " header");
                }
                RecordHeaders headers = new RecordHeaders();
                for (Header h : r.headers()) {
                    if (!h.key().startsWith("kafka_dlt-")) {
                        headers.add(h);
                    }
                }
                headers.add(REPLAYED_FROM, ledgerKey.getBytes(StandardCharsets.UTF_8));
                producer.send(new ProducerRecord<>(original, null, r.key(), r.value(), headers)).get();
                producer.send(new ProducerRecord<>(LEDGER, ledgerKey.getBytes(StandardCharsets.UTF_8),
                        original.getBytes(StandardCharsets.UTF_8))).get();
                done.add(ledgerKey);
                replayed++;
            }
        }
        return new Replay(replayed, already, other);
    }

    private Set<String> deadLetterTopics() throws Exception {
        try (Admin admin = admin()) {
            Set<String> topics = new TreeSet<>();
            for (String name : admin.listTopics().names().get()) {
                if (name.endsWith("-dlt")) {
                    topics.add(name);
                }
            }
            return topics;
        }
    }

    private Set<String> ledger() throws Exception {
        Set<String> done = new HashSet<>();
        try (Admin admin = admin()) {
            if (!admin.listTopics().names().get().contains(LEDGER)) {
                return done;
            }
        }
        for (ConsumerRecord<byte[], byte[]> r : readAll(LEDGER)) {
            if (r.value() != null) {
                done.add(text(r.key()));
            }
        }
        return done;
    }

    private void ensureLedger() throws Exception {
        try (Admin admin = admin()) {
            if (admin.listTopics().names().get().contains(LEDGER)) {
                return; // on the local stack `up` created it as the admin (the operator may not create topics)
            }
            admin.createTopics(List.of(new NewTopic(LEDGER, 1, (short) 1)
                    .configs(Map.of("cleanup.policy", "compact")))).all().get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
    }

    /** Every record of the topic from the beginning up to its current end (no consumer group, nothing committed). */
    public List<ConsumerRecord<byte[], byte[]>> readAll(String topic) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.putAll(KafkaClientSecurity.fromEnvironment());
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + topic + " to its end within 60 s");
                }
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
            }
        }
        return records;
    }

    private Admin admin() {
        return Admin.create(KafkaClientSecurity.withEnvironmentCredentials(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap)));
    }

    private KafkaProducer<byte[], byte[]> producer() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.putAll(KafkaClientSecurity.fromEnvironment());
        return new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());
    }

    private static String ledgerKey(ConsumerRecord<?, ?> r) {
        return r.topic() + "/" + r.partition() + "/" + r.offset();
    }

    private static String header(ConsumerRecord<?, ?> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    private static String text(byte[] bytes) {
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }

    private static String abbreviate(String s, int max) {
        if (s == null) {
            return "(no reason header)";
        }
        String oneLine = s.replace('\n', ' ').replace('\r', ' ');
        return oneLine.length() <= max ? oneLine : oneLine.substring(0, max) + "...";
    }
}
