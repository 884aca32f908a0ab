package org.originbridge.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.listener.AcknowledgingConsumerAwareMessageListener;

class ErrorContainingListenerTest {

    private final ConsumerRecord<Object, Object> record = new ConsumerRecord<>("t", 0, 0L, "k", "v");

    @Test
    void anErrorBecomesAnExceptionTheErrorHandlerCanDeadLetter() {
        AcknowledgingConsumerAwareMessageListener<Object, Object> failing = (data, ack, consumer) -> {
            throw new StackOverflowError();
        };
        ErrorContainingListener<Object, Object> listener = new ErrorContainingListener<>(failing);

        assertThatThrownBy(() -> listener.onMessage(record, null, null))
                .isInstanceOf(ErrorContainingListener.ListenerThrewError.class)
                .hasMessageContaining("java.lang.StackOverflowError")
                .hasCauseInstanceOf(StackOverflowError.class);
        assertThat(FailureClassification.isTransient(new ErrorContainingListener.ListenerThrewError(new OutOfMemoryError())))
                .isFalse();
    }

    @Test
    void exceptionsAndRecordsPassThroughUnchanged() {
        List<Object> seen = new ArrayList<>();
        ErrorContainingListener<Object, Object> listener = new ErrorContainingListener<>(
                (AcknowledgingConsumerAwareMessageListener<Object, Object>) (data, ack, consumer) -> {
                    if ("boom".equals(data.value())) {
                        throw new IllegalStateException("boom");
                    }
                    seen.add(data.value());
                });

        listener.onMessage(record, null, null);
        assertThat(seen).containsExactly("v");
        assertThatThrownBy(() -> listener.onMessage(new ConsumerRecord<>("t", 0, 1L, "k", "boom"), null, null))
                .isExactlyInstanceOf(IllegalStateException.class);
        assertThat(listener.getDelegate()).isNotNull();
    }
}
