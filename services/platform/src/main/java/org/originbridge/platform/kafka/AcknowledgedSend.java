package org.originbridge.platform.kafka;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.springframework.kafka.core.KafkaOperations;

/**
 * Sends a record and waits, boundedly, for the broker's acknowledgement. Used inside listeners so
 * that a failed or stalled send fails the record being processed (the container retries it, then
 * dead-letters it) instead of losing the outcome, and never blocks a listener thread for longer
 * than {@code timeout}.
 */
public final class AcknowledgedSend {

    private AcknowledgedSend() {
    }

    public static <K, V> void send(KafkaOperations<K, V> kafka, String topic, K key, V value, Duration timeout) {
        try {
            kafka.send(topic, key, value).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new PublishFailedException(topic + ": no acknowledgement within " + timeout, e);
        } catch (ExecutionException e) {
            throw new PublishFailedException(topic + ": send failed: " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
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
