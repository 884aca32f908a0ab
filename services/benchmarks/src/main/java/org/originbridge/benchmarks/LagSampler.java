package org.originbridge.benchmarks;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Samples, once a second, the committed offsets and the lag (end offset - committed, summed over
 * its partitions) of every service's consumer group. Gives each group's throughput during the run
 * (records committed / seconds from the first send until it drained), its largest lag and how long
 * after the last verification its lag reached zero. The stages without a per-declaration record to
 * time (scored, status-query applied) are measured this way.
 */
final class LagSampler {

    static final List<String> GROUPS = List.of("declaration-intake", "asw-verification", "ccpit-sync",
            "compliance-scoring", "status-query", "subscriptions");

    private record Sample(long at, Map<String, Long> lag, Map<String, Long> committed) {
    }

    private final Map<String, Object> client;
    private final List<Sample> samples = new ArrayList<>();
    private volatile boolean running = true;
    private Thread thread;
    private Admin admin;

    LagSampler(Map<String, Object> client) {
        this.client = client;
    }

    void start() {
        admin = Admin.create(client);
        Sample first = sample();
        synchronized (samples) {
            samples.add(first);
        }
        thread = new Thread(() -> {
            while (running) {
                try {
                    Thread.sleep(1000);
                    Sample s = sample();
                    synchronized (samples) {
                        samples.add(s);
                    }
                } catch (InterruptedException e) {
                    return;
                } catch (RuntimeException e) {
                    // a slow broker: try again next second
                }
            }
        }, "lag-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    void stop() {
        running = false;
        thread.interrupt();
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        admin.close();
    }

    /** True when the newest sample (taken after the first) shows zero lag in every group. */
    boolean drained() {
        synchronized (samples) {
            return samples.size() > 1 && samples.get(samples.size() - 1).lag().values().stream().allMatch(l -> l == 0);
        }
    }

    String currentLag() {
        synchronized (samples) {
            return samples.isEmpty() ? "-" : samples.get(samples.size() - 1).lag().toString();
        }
    }

    private Sample sample() {
        try {
            Set<String> existing = admin.listConsumerGroups().all().get(10, TimeUnit.SECONDS).stream()
                    .map(g -> g.groupId()).collect(Collectors.toSet());
            Map<String, Long> lag = new LinkedHashMap<>();
            Map<String, Long> committed = new LinkedHashMap<>();
            for (String group : GROUPS) {
                if (!existing.contains(group)) {
                    continue;
                }
                Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group)
                        .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
                Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
                offsets.keySet().forEach(p -> latest.put(p, OffsetSpec.latest()));
                Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(latest).all()
                        .get(10, TimeUnit.SECONDS);
                long groupLag = 0;
                long groupCommitted = 0;
                for (var e : offsets.entrySet()) {
                    if (e.getValue() == null) {
                        continue;
                    }
                    groupCommitted += e.getValue().offset();
                    groupLag += Math.max(0, ends.get(e.getKey()).offset() - e.getValue().offset());
                }
                lag.put(group, groupLag);
                committed.put(group, groupCommitted);
            }
            return new Sample(System.nanoTime(), lag, committed);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** One line per group: records consumed, throughput, largest lag, drain time after the last verification. */
    void report(PrintStream out, long firstSend, long lastSend, long lastVerified, double rawRate) {
        List<Sample> all;
        synchronized (samples) {
            all = List.copyOf(samples);
        }
        if (all.size() < 2) {
            out.println("consumer groups: no samples");
            return;
        }
        out.println();
        out.printf("%-22s %10s %11s %8s %10s %26s%n", "consumer group", "records", "records/s", "vs raw", "max lag",
                "zero lag after last verif.");
        Sample first = all.get(0);
        for (String group : first.lag().keySet()) {
            long consumed = all.get(all.size() - 1).committed().getOrDefault(group, 0L) - first.committed().get(group);
            long maxLag = all.stream().mapToLong(s -> s.lag().getOrDefault(group, 0L)).max().orElse(0);
            // drained: the first sample from which the lag stays zero to the end
            Long drainedAt = null;
            for (int i = all.size() - 1; i >= 0 && all.get(i).lag().getOrDefault(group, 0L) == 0; i--) {
                drainedAt = all.get(i).at();
            }
            long busyUntil = drainedAt == null ? all.get(all.size() - 1).at() : Math.max(drainedAt, lastSend);
            double seconds = Math.max(1e-9, (busyUntil - firstSend) / 1e9);
            String drain = drainedAt == null ? "not drained"
                    : String.format("%.1f s", Math.max(0, drainedAt - lastVerified) / 1e9);
            out.printf("%-22s %10d %11.1f %8s %10d %26s%n", group, consumed, consumed / seconds,
                    rawRate <= 0 ? "-" : String.format("%.1f%%", 100 * consumed / seconds / rawRate), maxLag, drain);
        }
        out.println("(records = offsets committed over all the group's topics during the run; a sample per second,"
                + " so drain times are +-1 s)");
    }
}
