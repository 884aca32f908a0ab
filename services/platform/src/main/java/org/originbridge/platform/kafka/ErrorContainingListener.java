package org.originbridge.platform.kafka;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;
import org.originbridge.platform.observability.Hops;
import org.springframework.kafka.listener.AcknowledgingConsumerAwareMessageListener;
import org.springframework.kafka.listener.DelegatingMessageListener;
import org.springframework.kafka.listener.MessageListener;
import org.springframework.kafka.support.Acknowledgment;

/**
 * Wraps a record listener so that an {@link Error} thrown while processing one record (a
 * {@link StackOverflowError} from a deeply nested input, an {@link OutOfMemoryError} from one huge
 * record) reaches the container's error handler as a {@link ListenerThrewError}, like any exception,
 * and is dead-lettered. Without it spring-kafka rethrows the Error out of the consumer thread and
 * stops the container ("Stopping container due to an Error"), so one record would stop the partition
 * for good (and again after every restart). The container still sees the wrapped listener's type
 * through {@link DelegatingMessageListener}.
 * <p>
 * It is also where every record's hop is logged with its declaration id in the MDC ({@link Hops#consume}):
 * it runs inside the container's listener observation, so the line carries the record's trace id.
 */
final class ErrorContainingListener<K, V>
        implements AcknowledgingConsumerAwareMessageListener<K, V>, DelegatingMessageListener<MessageListener<K, V>> {

    private final MessageListener<K, V> delegate;

    ErrorContainingListener(MessageListener<K, V> delegate) {
        this.delegate = delegate;
    }

    @Override
    public MessageListener<K, V> getDelegate() {
        return delegate;
    }

    @Override
    public void onMessage(ConsumerRecord<K, V> data) {
        Hops.consume(data, () -> contained(() -> delegate.onMessage(data)));
    }

    @Override
    public void onMessage(ConsumerRecord<K, V> data, @Nullable Acknowledgment acknowledgment) {
        Hops.consume(data, () -> contained(() -> delegate.onMessage(data, acknowledgment)));
    }

    @Override
    public void onMessage(ConsumerRecord<K, V> data, Consumer<?, ?> consumer) {
        Hops.consume(data, () -> contained(() -> delegate.onMessage(data, consumer)));
    }

    @Override
    public void onMessage(ConsumerRecord<K, V> data, @Nullable Acknowledgment acknowledgment,
            @Nullable Consumer<?, ?> consumer) {
        Hops.consume(data, () -> contained(() -> delegate.onMessage(data, acknowledgment, consumer)));
    }

    private static void contained(Runnable work) {
        try {
            work.run();
        } catch (Error e) { // NOSONAR: one record's Error must not stop the container
            throw new ListenerThrewError(e);
        }
    }

    /** Processing one record threw an {@link Error}; the record is dead-lettered with it as the reason. */
    public static final class ListenerThrewError extends RuntimeException {
        ListenerThrewError(Error cause) {
            super(cause.getClass().getName() + " while processing the record"
                    + (cause.getMessage() == null ? "" : ": " + truncate(cause.getMessage())), cause, false, false);
        }

        private static String truncate(String message) {
            return message.length() <= 500 ? message : message.substring(0, 500) + "...";
        }
    }
}
