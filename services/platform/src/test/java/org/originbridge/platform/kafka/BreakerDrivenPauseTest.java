package org.originbridge.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.util.List;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.originbridge.platform.resilience.ExternalCall;
import org.originbridge.platform.resilience.ExternalCallSettings;
import org.originbridge.platform.resilience.TransientExternalFailure;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

class BreakerDrivenPauseTest {

    private final MessageListenerContainer container = mock(MessageListenerContainer.class);
    private final KafkaListenerEndpointRegistry registry = mock(KafkaListenerEndpointRegistry.class);
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final ExternalCall asw = new ExternalCall("asw",
            new ExternalCallSettings(1, Duration.ofMillis(1), Duration.ofMillis(1), 50f, 2, Duration.ofSeconds(3)), meters);

    @Test
    @SuppressWarnings("unchecked")
    void anOpenBreakerPausesTheListenersAndHalfOpenResumesThem() {
        when(registry.getListenerContainers()).thenReturn(List.of(container));
        ObjectProvider<ExternalCall> calls = mock(ObjectProvider.class);
        when(calls.orderedStream()).thenAnswer(i -> java.util.stream.Stream.of(asw));
        BreakerDrivenPause pause = new BreakerDrivenPause(calls, registry);
        pause.afterSingletonsInstantiated();

        failTwice();

        assertThat(asw.breakerState()).isEqualTo(CircuitBreaker.State.OPEN);
        verify(container).pause();
        verify(container, never()).resume();
        assertThat(pause.openSystems()).containsExactly("asw");
        assertThat(meters.get("originbridge.external.breaker.state").tag("system", "asw").tag("state", "open")
                .gauge().value()).isEqualTo(1.0);

        // after openStateWait the breaker lets probes through by itself: the listeners resume
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> asw.breakerState() == CircuitBreaker.State.HALF_OPEN);
        // the state listener runs on the breaker's transition thread just after the state changes
        verify(container, org.mockito.Mockito.timeout(30_000).times(1)).resume();
        assertThat(pause.openSystems()).isEmpty();
    }

    private void failTwice() {
        for (int i = 0; i < 2; i++) {
            try {
                asw.execute("verify", () -> {
                    throw new org.springframework.web.client.ResourceAccessException("connection refused");
                });
            } catch (TransientExternalFailure expected) {
                // counted by the breaker
            }
        }
    }
}
