package org.originbridge.runtime;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * {@code bin/originbridge status}: consumer lag per group and topic (end offset minus committed
 * offset, summed over the partitions), from the broker's own bookkeeping.
 *
 * <pre>
 * java -cp ... org.originbridge.runtime.ConsumerLag [--bootstrap 127.0.0.1:9092]
 * </pre>
 */
public final class ConsumerLag {

    private static final long TIMEOUT_SECONDS = 30;

    private ConsumerLag() {
    }

    public static void main(String[] args) throws Exception {
        String bootstrap = args.length >= 2 && args[0].equals("--bootstrap") ? args[1] : "127.0.0.1:9092";
        try (Admin admin = Admin.create(KafkaClientSecurity.withEnvironmentCredentials(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                // the client refuses a default API timeout below its request timeout (30 s): lower both
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TimeUnit.SECONDS.toMillis(TIMEOUT_SECONDS),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TimeUnit.SECONDS.toMillis(TIMEOUT_SECONDS))))) {
            print(lags(admin), System.out);
        }
    }

    /** group -> topic -> lag. */
    static Map<String, Map<String, Long>> lags(Admin admin) throws Exception {
        Map<String, Map<String, Long>> lags = new TreeMap<>();
        List<String> groups = new ArrayList<>();
        for (ConsumerGroupListing g : admin.listConsumerGroups().all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            groups.add(g.groupId());
        }
        for (String group : groups) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetSpec> latest = committed.keySet().stream()
                    .collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest()));
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = latest.isEmpty() ? Map.of()
                    : admin.listOffsets(latest).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            Map<String, Long> perTopic = new TreeMap<>();
            committed.forEach((tp, offset) -> {
                ListOffsetsResult.ListOffsetsResultInfo end = ends.get(tp);
                long lag = offset == null || end == null ? 0 : Math.max(0, end.offset() - offset.offset());
                perTopic.merge(tp.topic(), lag, Long::sum);
            });
            lags.put(group, perTopic);
        }
        return lags;
    }

    static void print(Map<String, Map<String, Long>> lags, PrintStream out) {
        out.printf("%-24s %-48s %s%n", "CONSUMER GROUP", "TOPIC", "LAG");
        if (lags.isEmpty()) {
            out.println("(no consumer groups yet)");
        }
        lags.forEach((group, topics) -> {
            if (topics.isEmpty()) {
                out.printf("%-24s %-48s %s%n", group, "-", "-");
            }
            topics.forEach((topic, lag) -> out.printf("%-24s %-48s %d%n", group, topic, lag));
        });
    }
}
