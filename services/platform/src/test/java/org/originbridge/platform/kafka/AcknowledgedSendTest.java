package org.originbridge.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.support.SendResult;

class AcknowledgedSendTest {

    @SuppressWarnings("unchecked")
    private final KafkaOperations<String, Object> kafka = mock(KafkaOperations.class);

    @Test
    void aSendThatFailsSynchronouslyIsAPublishFailure() {
        when(kafka.send("t", "k", "v")).thenThrow(new SerializationException("registry unreachable"));

        assertThatThrownBy(() -> AcknowledgedSend.send(kafka, "t", "k", "v", Duration.ofSeconds(1)))
                .isInstanceOf(AcknowledgedSend.PublishFailedException.class).hasMessageContaining("registry unreachable");
    }

    @Test
    void aSendWithoutAcknowledgementInTimeIsCancelledAndAPublishFailure() {
        CompletableFuture<SendResult<String, Object>> never = new CompletableFuture<>();
        when(kafka.send("t", "k", "v")).thenReturn(never);

        assertThatThrownBy(() -> AcknowledgedSend.send(kafka, "t", "k", "v", Duration.ofMillis(50)))
                .isInstanceOf(AcknowledgedSend.PublishFailedException.class).hasMessageContaining("no acknowledgement");
        assertThat(never).isCancelled();
    }

    @Test
    void aFailedAcknowledgementIsAPublishFailureWithItsCause() {
        when(kafka.send("t", "k", "v")).thenReturn(CompletableFuture.failedFuture(new TimeoutException("expired")));

        assertThatThrownBy(() -> AcknowledgedSend.send(kafka, "t", "k", "v", Duration.ofSeconds(1)))
                .isInstanceOf(AcknowledgedSend.PublishFailedException.class).hasCauseInstanceOf(TimeoutException.class);
    }
}
