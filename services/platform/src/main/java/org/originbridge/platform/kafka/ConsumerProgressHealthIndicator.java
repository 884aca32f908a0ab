package org.originbridge.platform.kafka;

import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsSpec;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * DOWN when a consumer is stuck: a running listener container has lag (end offset above its
 * committed offset on the partitions assigned to it) and its committed offsets have not moved for
 * {@code originbridge.kafka.stuck-after} (default 3 minutes), while it is not paused (a container
 * paused by an open circuit breaker is waiting on purpose). Typical causes: a record retried for
 * ever because a dependency (MongoDB, the registry) stays down, or a listener thread blocked.
 * Progress is sampled when health is read (probes, scrapes), so "no progress for" is measured
 * between health checks. When the offsets cannot be read (broker down) the check says so in its
 * details and stays UP: a broker outage is another indicator's business.
 */
final class ConsumerProgressHealthIndicator extends AbstractHealthIndicator implements DisposableBean {

    private static final long TIMEOUT_SECONDS = 2;

    private final KafkaListenerEndpointRegistry registry;
    private final KafkaAdmin kafkaAdmin;
    private final ConsumerProgress progress;
    private Admin admin;

    ConsumerProgressHealthIndicator(KafkaListenerEndpointRegistry registry, KafkaAdmin kafkaAdmin, ConsumerProgress progress) {
        super("Kafka consumer progress health check failed");
        this.registry = registry;
        this.kafkaAdmin = kafkaAdmin;
        this.progress = progress;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        boolean up = true;
        Map<String, Object> details = new LinkedHashMap<>();
        String unavailable = null; // after one failed read, the others are not tried (a health read stays short)
        for (MessageListenerContainer container : registry.getListenerContainers()) {
            String id = container.getListenerId() == null ? "?" : container.getListenerId();
            Collection<TopicPartition> assigned = container.getAssignedPartitions();
            if (!container.isRunning() || assigned == null || assigned.isEmpty()) {
                continue; // stopped containers are the kafkaListeners indicator's; nothing assigned = nothing to consume
            }
            if (unavailable != null) {
                details.put(id, Map.of("state", "UNKNOWN", "reason", unavailable));
                continue;
            }
            try {
                String group = container.getGroupId();
                Map<TopicPartition, OffsetAndMetadata> committed = admin().listConsumerGroupOffsets(
                                Map.of(group, new ListConsumerGroupOffsetsSpec().topicPartitions(java.util.List.copyOf(assigned))))
                        .partitionsToOffsetAndMetadata(group).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                Map<TopicPartition, OffsetSpec> latest = assigned.stream()
                        .collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest()));
                var ends = admin().listOffsets(latest, new ListOffsetsOptions()).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                long committedSum = 0, lag = 0;
                for (TopicPartition tp : assigned) {
                    OffsetAndMetadata c = committed.get(tp);
                    long at = c == null ? 0 : c.offset();
                    committedSum += at;
                    var end = ends.get(tp);
                    // without a committed offset the consumer starts at the log start: count no lag rather than guess
                    lag += c == null || end == null ? 0 : Math.max(0, end.offset() - at);
                }
                boolean paused = container.isContainerPaused() || container.isPauseRequested();
                ConsumerProgress.Verdict verdict = progress.observe(id,
                        new ConsumerProgress.Sample(committedSum, lag, paused));
                details.put(id, Map.of("lag", verdict.lag(), "secondsWithoutProgress", verdict.sinceProgress().toSeconds(),
                        "state", verdict.stuck() ? "STUCK" : paused ? "PAUSED" : "PROGRESSING"));
                if (verdict.stuck()) {
                    up = false;
                }
            } catch (Exception e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                unavailable = "offsets not readable: " + e;
                details.put(id, Map.of("state", "UNKNOWN", "reason", unavailable));
            }
        }
        (up ? builder.up() : builder.down()).withDetail("stuckAfter", progress.stuckAfter().toString())
                .withDetail("listeners", details);
    }

    private synchronized Admin admin() {
        if (admin == null) {
            admin = Admin.create(kafkaAdmin.getConfigurationProperties());
        }
        return admin;
    }

    @Override
    public synchronized void destroy() {
        if (admin != null) {
            admin.close(Duration.ofSeconds(2));
        }
    }

}
