package org.originbridge.examples.procurement;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.originbridge.examples.common.KafkaCredentials;
import org.originbridge.examples.common.RegistryToken;
import org.originbridge.examples.common.SchemaRegistry;
import org.originbridge.examples.common.Settings;

/**
 * A procurement platform keeping the current compliance score of every supplier from
 * {@code supplier-compliance-scores} (key = supplier id; compacted, so a new subscriber reading
 * from the beginning gets every supplier's latest score). Values are decoded with the writer's
 * schema fetched by id from the registry's Confluent-compatible API, read as generic records by
 * field name, so fields added later (with defaults) never break it. A score replaces the one held
 * only when its {@code version} is newer: redelivery and replays change nothing.
 * <p>
 * Settings ({@code --name=value} or the environment variable): {@code kafka-bootstrap-servers},
 * {@code registry-url}, {@code group-id} (default: a new group named after the user), {@code kafka-username}
 * and {@code kafka-password} (SASL/SCRAM; the local stack's procurement principal is {@code procurement-buyhub},
 * allowed to read this topic only, with groups starting with its name), {@code registry-client-id} and
 * {@code registry-client-secret} (the registry's OAuth2 client, read-only: {@code procurement-buyhub}
 * again; {@code registry-token-url}, see {@link RegistryToken}), and to stop: {@code until-supplier} (stop once that
 * supplier's score is seen) and {@code max-seconds}. See docs/examples.md.
 */
public final class ProcurementConsumer {

    public static final String TOPIC = "supplier-compliance-scores";

    /** What the platform keeps per supplier. */
    public record SupplierScore(String supplierId, int score, String band, long version, Instant asOf, List<String> factors) {
    }

    private final Settings settings;
    private final Map<String, SupplierScore> current = new LinkedHashMap<>();

    public ProcurementConsumer(Settings settings) {
        this.settings = settings;
    }

    public static void main(String[] args) {
        Map<String, SupplierScore> scores = new ProcurementConsumer(Settings.of(args)).run();
        System.out.println(scores.size() + " suppliers scored");
    }

    /** Consumes until {@code until-supplier} has a score or {@code max-seconds} pass; returns the current scores. */
    public Map<String, SupplierScore> run() {
        String until = settings.get("until-supplier", null);
        Instant deadline = Instant.now().plusSeconds(Long.parseLong(settings.get("max-seconds", "60")));
        SchemaRegistry registry = new SchemaRegistry(settings.get("registry-url", "http://127.0.0.1:8081/apis/ccompat/v7"),
                RegistryToken.from(settings, () -> null));
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.get("kafka-bootstrap-servers", "127.0.0.1:9092"));
        // with credentials the group must start with the principal's name (its ACL is a prefix)
        config.put(ConsumerConfig.GROUP_ID_CONFIG, settings.get("group-id",
                settings.get("kafka-username", "example-procurement") + "-" + UUID.randomUUID()));
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        KafkaCredentials.apply(settings, config);
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(TOPIC));
            while (Instant.now().isBefore(deadline) && (until == null || !current.containsKey(until))) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.value() != null) {
                        apply(registry.decode(record.value()));
                    }
                }
                consumer.commitSync();
            }
        }
        return Map.copyOf(current);
    }

    private void apply(GenericRecord value) {
        List<String> factors = new ArrayList<>();
        for (Object factor : (List<?>) value.get("factors")) {
            factors.add(String.valueOf(((GenericRecord) factor).get("name")));
        }
        SupplierScore score = new SupplierScore(value.get("supplierId").toString(), (Integer) value.get("score"),
                value.get("band").toString(), (Long) value.get("version"), Instant.ofEpochMilli((Long) value.get("asOf")), factors);
        SupplierScore held = current.get(score.supplierId());
        if (held == null || score.version() > held.version()) {
            current.put(score.supplierId(), score);
            System.out.printf("%s score %d (%s), version %d, factors %s%n", score.supplierId(), score.score(), score.band(),
                    score.version(), score.factors());
        }
    }
}
