package org.originbridge.platform.kafka;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.originbridge.platform.Topic;
import org.springframework.kafka.core.KafkaOperations;

/**
 * Sends a record and waits, boundedly, for the broker's acknowledgement. Used inside listeners so
 * that a failed or stalled send fails the record being processed (the container retries it, then
 * dead-letters it) instead of losing the outcome, and never blocks a listener thread for longer
 * than {@code timeout} (plus the producer's {@code max.block.ms} for metadata, 5 s by platform default).
 *
 * <p>Every way a send can fail ends in {@link PublishFailedException}: an exception thrown by
 * {@code send} itself (serializer, registry unreachable, no metadata, producer closed), a failed
 * acknowledgement, a timeout or an interrupt. On timeout the pending future is cancelled; the
 * producer may still deliver the record later, so a caller told "not acknowledged" must be able to
 * retry idempotently (every record is keyed by its business id and every consumer is idempotent).
 */
public final class AcknowledgedSend {

    private AcknowledgedSend() {
    }

    /** Sends to a catalogue topic: a key or value of the wrong type for the topic does not compile. */
    public static <K, V> void send(KafkaOperations<? super K, ? super V> kafka, Topic<K, V> topic, K key, V value,
            Duration timeout) {
        CompletableFuture<?> sent;
        try {
            sent = kafka.send(topic.name(), key, value);
        } catch (RuntimeException e) {
            throw new PublishFailedException(topic + ": send failed: " + e.getMessage(), e);
        }
        await(sent, topic.name(), timeout);
    }

    /** Sends to a topic by name (tests and tools writing to topics outside the catalogue). */
    public static <K, V> void send(KafkaOperations<K, V> kafka, String topic, K key, V value, Duration timeout) {
        CompletableFuture<?> sent;
        try {
            sent = kafka.send(topic, key, value);
        } catch (RuntimeException e) {
            throw new PublishFailedException(topic + ": send failed: " + e.getMessage(), e);
        }
        await(sent, topic, timeout);
    }

    private static void await(CompletableFuture<?> sent, String topic, Duration timeout) {
        try {
            sent.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            sent.cancel(true);
            throw new PublishFailedException(topic + ": no acknowledgement within " + timeout, e);
        } catch (ExecutionException e) {
            throw new PublishFailedException(topic + ": send failed: " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            sent.cancel(true);
            Thread.currentThread().interrupt();
            throw new PublishFailedException(topic + ": interrupted while waiting for the acknowledgement", e);
        }
    }

    /** A record could not be published; retrying later may succeed. */
    public static class PublishFailedException extends RuntimeException {
        public PublishFailedException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
