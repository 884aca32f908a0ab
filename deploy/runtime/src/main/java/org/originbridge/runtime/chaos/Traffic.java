package org.originbridge.runtime.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The declarations of one scenario: submitted to declaration-intake over HTTP at a fixed rate, as
 * an exporter would (a refused or unanswered submission is sent again with the same declaration id
 * every 2 s), then followed on status-query until each has its final outcome or the deadline passes.
 */
final class Traffic {

    private static final String EXPORTER_CLIENT = "exporter-powertech";

    private final ChaosApi api;
    private final ObjectNode template;
    private final String prefix;
    private final AtomicInteger sequence = new AtomicInteger();
    /** declaration id -> when intake accepted it (HTTP 202). */
    private final Map<String, Instant> accepted = new ConcurrentHashMap<>();
    private final Map<String, JsonNode> lastStatus = new ConcurrentHashMap<>();
    private final AtomicInteger submitAttemptsFailed = new AtomicInteger();
    private final ExecutorService senders = Executors.newFixedThreadPool(6);
    private ScheduledExecutorService ticker;

    Traffic(ChaosApi api, ObjectNode template, String prefix) {
        this.api = api;
        this.template = template;
        this.prefix = prefix;
    }

    String prefix() {
        return prefix;
    }

    /** Submits {@code count} declarations now (in parallel), waiting until intake accepted each. */
    List<String> submitNow(int count, Duration patience) throws InterruptedException {
        List<String> ids = new ArrayList<>();
        List<java.util.concurrent.Future<?>> done = new ArrayList<>();
        Instant until = Instant.now().plus(patience);
        for (int i = 0; i < count; i++) {
            String id = nextId();
            ids.add(id);
            done.add(senders.submit(() -> submitUntilAccepted(id, until)));
        }
        for (java.util.concurrent.Future<?> f : done) {
            try {
                f.get();
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException(e.getCause());
            }
        }
        return ids;
    }

    /** Starts submitting {@code perSecond} declarations a second in the background until {@link #stopLoad()}. */
    void startLoad(double perSecond, Duration patience) {
        ticker = Executors.newSingleThreadScheduledExecutor();
        long periodMicros = (long) (1_000_000 / perSecond);
        ticker.scheduleAtFixedRate(() -> {
            String id = nextId();
            Instant until = Instant.now().plus(patience);
            senders.submit(() -> submitUntilAccepted(id, until));
        }, 0, periodMicros, TimeUnit.MICROSECONDS);
    }

    void stopLoad() throws InterruptedException {
        if (ticker != null) {
            ticker.shutdownNow();
            ticker.awaitTermination(10, TimeUnit.SECONDS);
        }
    }

    /** Waits until every submission was answered (accepted or given up). */
    void drainSubmissions(Duration max) throws InterruptedException {
        senders.shutdown();
        senders.awaitTermination(max.toMillis(), TimeUnit.MILLISECONDS);
    }

    Collection<String> acceptedIds() {
        return new ArrayList<>(accepted.keySet());
    }

    int submitted() {
        return sequence.get();
    }

    int failedSubmitAttempts() {
        return submitAttemptsFailed.get();
    }

    Instant acceptedAt(String id) {
        return accepted.get(id);
    }

    JsonNode status(String id) {
        return lastStatus.get(id);
    }

    /**
     * Polls status-query until each of {@code ids} has a final outcome or {@code max} has passed;
     * the last status read of each is kept. Returns how many are still without an outcome.
     */
    int awaitFinal(Collection<String> ids, Duration max) throws InterruptedException {
        Instant deadline = Instant.now().plus(max);
        List<String> pending = new ArrayList<>(ids);
        ExecutorService readers = Executors.newFixedThreadPool(4);
        try {
            while (true) {
                List<java.util.concurrent.Future<?>> reads = new ArrayList<>();
                for (String id : pending) {
                    reads.add(readers.submit(() -> {
                        if (Instant.now().isAfter(deadline)) {
                            return; // a round of reads on a slow status-query must not stretch the deadline
                        }
                        JsonNode s = api.status(id);
                        if (s != null) {
                            lastStatus.put(id, s);
                        }
                    }));
                }
                for (java.util.concurrent.Future<?> f : reads) {
                    try {
                        f.get();
                    } catch (java.util.concurrent.ExecutionException e) {
                        // counted as still pending
                    }
                }
                pending.removeIf(id -> LedgerCheck.outcome(lastStatus.get(id)) != LedgerCheck.Outcome.PENDING);
                if (pending.isEmpty() || Instant.now().isAfter(deadline)) {
                    return pending.size();
                }
                Thread.sleep(3000);
            }
        } finally {
            readers.shutdownNow();
        }
    }

    private String nextId() {
        return prefix + "-" + String.format("%05d", sequence.incrementAndGet());
    }

    private void submitUntilAccepted(String id, Instant until) {
        ObjectNode declaration = template.deepCopy();
        declaration.put("declarationId", id);
        declaration.put("referenceNumber", "RCEP-" + id);
        String body = declaration.toString();
        while (true) {
            int status = api.submit(EXPORTER_CLIENT, body);
            if (status == 202 || status == 200) {
                accepted.putIfAbsent(id, Instant.now());
                return;
            }
            submitAttemptsFailed.incrementAndGet();
            if (Instant.now().isAfter(until)) {
                System.out.println("    gave up submitting " + id + " (last answer HTTP " + status + ")");
                return;
            }
            try {
                Thread.sleep(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    static Duration between(Instant from, String isoTo) {
        return isoTo == null || from == null ? null : Duration.between(from, Instant.parse(isoTo));
    }
}
