package org.originbridge.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.originbridge.platform.resilience.ExternalCall;
import org.originbridge.platform.resilience.ExternalCallSettings;
import org.originbridge.platform.resilience.TransientExternalFailure;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

class BreakerDrivenPauseTest {

    /** Calls ASW from one listener; the signing-keys listener calls nothing outside. */
    static class Listeners {
        @KafkaListener(id = "verify", topics = "accepted")
        @CallsExternalSystem("asw")
        void verify(String value) {}

        @KafkaListener(id = "issue", topics = "accepted")
        @CallsExternalSystem({"asw", "ccpit"})
        void issue(String value) {}

        @KafkaListener(id = "keys", topics = "signing-keys")
        void keys(String value) {}
    }

    static class WithoutId {
        @KafkaListener(topics = "accepted")
        @CallsExternalSystem("asw")
        void verify(String value) {}
    }

    private final MessageListenerContainer verify = container("verify");
    private final MessageListenerContainer issue = container("issue");
    private final MessageListenerContainer keys = container("keys");
    private final KafkaListenerEndpointRegistry registry = mock(KafkaListenerEndpointRegistry.class);
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final ExternalCall asw = call("asw");
    private final ExternalCall ccpit = call("ccpit");

    @Test
    void anOpenBreakerPausesOnlyTheListenersThatCallThatSystemAndHalfOpenResumesThem() {
        BreakerDrivenPause pause = started(Listeners.class);

        failTwice(asw);

        assertThat(asw.breakerState()).isEqualTo(CircuitBreaker.State.OPEN);
        verify(verify).pause();
        verify(issue).pause();
        verify(keys, never()).pause();
        assertThat(pause.openSystems()).containsExactly("asw");
        assertThat(pause.pausedListeners()).containsExactlyInAnyOrder("verify", "issue");
        assertThat(meters.get("originbridge.external.breaker.state").tag("system", "asw").tag("state", "open")
                .gauge().value()).isEqualTo(1.0);

        // after openStateWait the breaker lets probes through by itself: the listeners resume
        // (the state changes before the transition's listeners run: wait for the resume itself)
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            verify(verify, times(1)).resume();
            verify(issue, times(1)).resume();
        });
        assertThat(asw.breakerState()).isEqualTo(CircuitBreaker.State.HALF_OPEN);
        verify(keys, never()).resume();
        assertThat(pause.openSystems()).isEmpty();
        assertThat(pause.pausedListeners()).isEmpty();
    }

    @Test
    void aListenerCallingTwoSystemsStaysPausedUntilBothBreakersLetCallsThrough() {
        BreakerDrivenPause pause = started(Listeners.class);
        pause.breakerChanged("ccpit", CircuitBreaker.State.OPEN);
        verify(issue).pause();
        verify(verify, never()).pause();
        pause.breakerChanged("asw", CircuitBreaker.State.OPEN);
        verify(verify).pause();
        verify(issue, times(1)).pause(); // already paused
        pause.breakerChanged("ccpit", CircuitBreaker.State.HALF_OPEN);
        verify(issue, never()).resume(); // asw still open
        pause.breakerChanged("asw", CircuitBreaker.State.CLOSED);
        verify(issue).resume();
        verify(verify).resume();
        verify(keys, never()).pause();
    }

    @Test
    void theDeclarationsAreReadFromTheListenerMethods() {
        assertThat(BreakerDrivenPause.listenersCallingExternalSystems(beans(Listeners.class)))
                .isEqualTo(Map.of("verify", Set.of("asw"), "issue", Set.of("asw", "ccpit")));
    }

    @Test
    void aCallingListenerWithoutAnIdIsRefusedAtStart() {
        assertThatThrownBy(() -> BreakerDrivenPause.listenersCallingExternalSystems(beans(WithoutId.class)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("explicit id");
    }

    @SuppressWarnings("unchecked")
    private BreakerDrivenPause started(Class<?> listeners) {
        when(registry.getListenerContainers()).thenReturn(List.of(verify, issue, keys));
        ObjectProvider<ExternalCall> calls = mock(ObjectProvider.class);
        when(calls.orderedStream()).thenAnswer(i -> java.util.stream.Stream.of(asw, ccpit));
        BreakerDrivenPause pause = new BreakerDrivenPause(calls, registry, beans(listeners));
        pause.afterSingletonsInstantiated();
        return pause;
    }

    private static DefaultListableBeanFactory beans(Class<?> listeners) {
        DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
        beans.registerBeanDefinition("listeners", new RootBeanDefinition(listeners));
        return beans;
    }

    private static MessageListenerContainer container(String id) {
        MessageListenerContainer c = mock(MessageListenerContainer.class);
        when(c.getListenerId()).thenReturn(id);
        return c;
    }

    private ExternalCall call(String system) {
        return new ExternalCall(system,
                new ExternalCallSettings(1, Duration.ofMillis(1), Duration.ofMillis(1), 50f, 2, Duration.ofSeconds(3)), meters);
    }

    private static void failTwice(ExternalCall call) {
        for (int i = 0; i < 2; i++) {
            try {
                call.execute("verify", () -> {
                    throw new org.springframework.web.client.ResourceAccessException("connection refused");
                });
            } catch (TransientExternalFailure expected) {
                // counted by the breaker
            }
        }
    }
}
