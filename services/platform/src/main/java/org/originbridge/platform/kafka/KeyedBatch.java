package org.originbridge.platform.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.core.log.LogAccessor;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.SerializationUtils;

/**
 * Processes one poll's records concurrently, grouped by key: the records of one key run one after
 * the other in their order in the batch (per-declaration ordering), different keys run in parallel
 * on a shared bounded executor (the concurrency limit of the whole instance). Returns only when
 * every group is done, so the container commits the batch's offsets only behind completed work.
 * <ul>
 * <li>A transient failure ({@link FailureClassification}: a channel down, the breaker open, MongoDB
 *     or the broker unavailable) is retried in place, the same record, with backoff (200 ms doubling
 *     to 2 s) for up to {@code retryInPlaceFor} from the start of the batch: a short outage ends with
 *     every record processed once, nothing redelivered.</li>
 * <li>A permanent failure, or a transient one that outlasts {@code retryInPlaceFor}, stops its group
 *     (later records of that key are not processed), and a {@link BatchListenerFailedException} names
 *     the earliest failed record of the batch with its cause: the platform's error handler commits
 *     what precedes it and applies the usual classification (transient: retried with backoff, the
 *     listener paused while the breaker is open; permanent: dead letter at once). Records after it
 *     that had completed are delivered again; the use case's ledger makes that harmless (the same
 *     outcome published again, no second call).</li>
 * </ul>
 */
public final class KeyedBatch<K, V> implements AutoCloseable {

    interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    private static final Duration FIRST_BACKOFF = Duration.ofMillis(200);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(2);

    private final Executor workers;
    private final Duration retryInPlaceFor;
    private final Sleeper sleeper;

    public KeyedBatch(Executor workers, Duration retryInPlaceFor) {
        this(workers, retryInPlaceFor, d -> TimeUnit.NANOSECONDS.sleep(d.toNanos()));
    }

    KeyedBatch(Executor workers, Duration retryInPlaceFor, Sleeper sleeper) {
        this.workers = workers;
        this.retryInPlaceFor = retryInPlaceFor;
        this.sleeper = sleeper;
    }

    /**
     * A batch with its own pool of {@code threads} workers (named {@code threadNamePrefix-n}), shut down by
     * {@link #close()} (a {@code @Bean}'s inferred destroy method): the pool is not an {@code Executor} bean, so Boot's
     * own task executor is not replaced.
     */
    public static <K, V> KeyedBatch<K, V> withOwnPool(int threads, String threadNamePrefix, Duration retryInPlaceFor) {
        java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, threadNamePrefix + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        return new KeyedBatch<>(pool, retryInPlaceFor);
    }

    /** Shuts down the pool of {@link #withOwnPool}, letting running records finish (up to 30 s); else nothing. */
    @Override
    public void close() {
        if (workers instanceof java.util.concurrent.ExecutorService pool) {
            pool.shutdown();
            try {
                pool.awaitTermination(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private record Failure(int index, Throwable cause) {}

    public void process(List<ConsumerRecord<K, V>> records, Consumer<ConsumerRecord<K, V>> handler) {
        long deadline = System.nanoTime() + retryInPlaceFor.toNanos();
        Map<Object, List<Integer>> byKey = new LinkedHashMap<>();
        for (int i = 0; i < records.size(); i++) {
            K key = records.get(i).key();
            byKey.computeIfAbsent(key == null ? NO_KEY : key, k -> new ArrayList<>()).add(i);
        }
        List<CompletableFuture<Failure>> groups = new ArrayList<>(byKey.size());
        for (List<Integer> indexes : byKey.values()) {
            groups.add(CompletableFuture.supplyAsync(() -> {
                for (int i : indexes) {
                    Throwable failed = handle(records.get(i), handler, deadline);
                    if (failed != null) {
                        return new Failure(i, failed);
                    }
                }
                return null;
            }, workers));
        }
        Failure earliest = null;
        for (CompletableFuture<Failure> group : groups) {
            Failure f = group.join();
            if (f != null && (earliest == null || f.index() < earliest.index())) {
                earliest = f;
            }
        }
        if (earliest != null) {
            Throwable cause = earliest.cause();
            throw new BatchListenerFailedException("record " + earliest.index() + " of the batch failed: " + cause,
                    cause, earliest.index());
        }
    }

    /** Handles one record, retrying transient failures in place until the deadline; the failure that stays, or null. */
    private Throwable handle(ConsumerRecord<K, V> record, Consumer<ConsumerRecord<K, V>> handler, long deadline) {
        Duration backoff = FIRST_BACKOFF;
        while (true) {
            try {
                handler.accept(record);
                return null;
            } catch (Throwable failed) { // an Error too: it is the record's failure, never the container's
                if (!FailureClassification.isTransient(failed) || System.nanoTime() + backoff.toNanos() > deadline) {
                    return failed;
                }
                try {
                    sleeper.sleep(backoff);
                } catch (InterruptedException stopping) {
                    Thread.currentThread().interrupt();
                    return failed;
                }
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
        }
    }

    private static final Object NO_KEY = new Object();
    private static final LogAccessor LOG = new LogAccessor(KeyedBatch.class);

    /**
     * A batch listener receives a record whose value could not be deserialized (ErrorHandlingDeserializer) with a
     * null value and the failure in a header: thrown here, it is that record's failure (dead-lettered alone, with
     * the reason), never a null handed to the use case.
     */
    public static void throwIfUndecodable(ConsumerRecord<?, ?> record) {
        if (record.value() == null) {
            DeserializationException undecodable = SerializationUtils.getExceptionFromHeader(record,
                    SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER, LOG);
            if (undecodable != null) {
                throw undecodable;
            }
        }
    }
}
