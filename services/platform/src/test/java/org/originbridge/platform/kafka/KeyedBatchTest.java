package org.originbridge.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.originbridge.platform.errors.InvalidRecordException;
import org.originbridge.platform.resilience.TransientExternalFailure;
import org.springframework.kafka.listener.BatchListenerFailedException;

class KeyedBatchTest {

    final ExecutorService workers = Executors.newFixedThreadPool(8);
    final List<java.time.Duration> slept = java.util.Collections.synchronizedList(new ArrayList<>());
    final KeyedBatch<String, String> batch = new KeyedBatch<>(workers, java.time.Duration.ofSeconds(30), slept::add);
    /** No time to retry in place: every failure goes to the container at once. */
    final KeyedBatch<String, String> noRetry = new KeyedBatch<>(workers, java.time.Duration.ZERO, slept::add);

    @AfterEach
    void stop() {
        workers.shutdownNow();
    }

    static List<ConsumerRecord<String, String>> records(String... keyValues) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            records.add(new ConsumerRecord<>("t", 0, i / 2, keyValues[i], keyValues[i + 1]));
        }
        return records;
    }

    @Test
    void differentKeysRunConcurrently_theBatchReturnsOnlyWhenAllAreDone() throws InterruptedException {
        // four keys that each wait until all four are running: passes only if they run at the same time
        CountDownLatch allRunning = new CountDownLatch(4);
        AtomicInteger done = new AtomicInteger();
        batch.process(records("a", "1", "b", "1", "c", "1", "d", "1"), r -> {
            allRunning.countDown();
            try {
                assertThat(allRunning.await(30, TimeUnit.SECONDS)).isTrue();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            done.incrementAndGet();
        });

        assertThat(done).hasValue(4);
    }

    @Test
    void theRecordsOfOneKeyRunInTheirOrder() {
        Map<String, List<String>> seen = new ConcurrentHashMap<>();
        batch.process(records("a", "1", "b", "1", "a", "2", "b", "2", "a", "3"),
                r -> seen.computeIfAbsent(r.key(), k -> java.util.Collections.synchronizedList(new ArrayList<>())).add(r.value()));

        assertThat(seen.get("a")).containsExactly("1", "2", "3");
        assertThat(seen.get("b")).containsExactly("1", "2");
    }

    @Test
    void aFailureNamesTheEarliestFailedRecord_laterRecordsOfThatKeyAreNotProcessed_otherKeysAre() {
        List<String> processed = java.util.Collections.synchronizedList(new ArrayList<>());
        TransientExternalFailure down = new TransientExternalFailure("ASW-MY unavailable", null);

        assertThatThrownBy(() -> noRetry.process(records("a", "1", "b", "1", "b", "2", "a", "2", "c", "1"), r -> {
            if (r.key().equals("b") && r.value().equals("1") || r.key().equals("c")) {
                throw r.key().equals("b") ? down : new InvalidRecordException("x", "bad");
            }
            processed.add(r.key() + r.value());
        })).isInstanceOfSatisfying(BatchListenerFailedException.class, e -> {
            assertThat(e.getIndex()).isEqualTo(1);
            assertThat(e.getCause()).isSameAs(down);
            assertThat(FailureClassification.isTransient(e)).isTrue();
        });
        assertThat(processed).containsExactlyInAnyOrder("a1", "a2");
    }

    @Test
    void anErrorIsTheRecordsFailure_permanent_neverTheContainers() {
        assertThatThrownBy(() -> batch.process(records("a", "1"), r -> {
            throw new StackOverflowError("deep");
        })).isInstanceOfSatisfying(BatchListenerFailedException.class, e ->
                assertThat(FailureClassification.isTransient(e)).isFalse());
    }

    @Test
    void recordsWithoutAKeyAreOneGroupInOrder() {
        List<String> seen = java.util.Collections.synchronizedList(new ArrayList<>());
        batch.process(records(null, "1", null, "2", null, "3"), r -> seen.add(r.value()));

        assertThat(seen).containsExactly("1", "2", "3");
    }

    @Test
    void aTransientFailureIsRetriedInPlaceWithBackoffSoTheBatchCompletesOnce() {
        AtomicInteger attempts = new AtomicInteger();
        List<String> processed = java.util.Collections.synchronizedList(new ArrayList<>());

        batch.process(records("a", "1", "b", "1"), r -> {
            if (r.key().equals("a") && attempts.incrementAndGet() <= 3) {
                throw new TransientExternalFailure("ASW-MY circuit breaker is open", null);
            }
            processed.add(r.key() + r.value());
        });

        assertThat(processed).containsExactlyInAnyOrder("a1", "b1");
        assertThat(attempts).hasValue(4);
        assertThat(slept).containsExactly(java.time.Duration.ofMillis(200), java.time.Duration.ofMillis(400),
                java.time.Duration.ofMillis(800));
    }

    @Test
    void aPermanentFailureIsNotRetriedInPlace() {
        AtomicInteger attempts = new AtomicInteger();

        assertThatThrownBy(() -> batch.process(records("a", "1"), r -> {
            attempts.incrementAndGet();
            throw new InvalidRecordException("declaration.referenceNumber", "is required");
        })).isInstanceOf(BatchListenerFailedException.class);
        assertThat(attempts).hasValue(1);
        assertThat(slept).isEmpty();
    }
}
