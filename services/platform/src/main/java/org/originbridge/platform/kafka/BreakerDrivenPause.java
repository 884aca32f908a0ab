package org.originbridge.platform.kafka;

import java.util.Set;
import java.util.TreeSet;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.originbridge.platform.resilience.ExternalCall;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * Pauses this application's listener containers while the circuit breaker of any external system
 * it calls ({@link ExternalCall} beans) is open, and resumes them when the breaker goes half-open
 * (the next records are the probe) or closed. Paused consumers keep polling (no rebalance) and
 * keep their offsets, so the records that arrived meanwhile are processed, in order, as soon as the
 * dependency is back. A record already in flight when the breaker opens fails transiently and is
 * retried by the error handler: nothing is dead-lettered because of an outage.
 *
 * <p>Every listener container of the application is paused: each service that calls an external
 * system from a listener calls only that one system there.
 */
final class BreakerDrivenPause implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(BreakerDrivenPause.class);

    private final ObjectProvider<ExternalCall> externalCalls;
    private final KafkaListenerEndpointRegistry registry;
    private final Set<String> openSystems = new TreeSet<>();

    BreakerDrivenPause(ObjectProvider<ExternalCall> externalCalls, KafkaListenerEndpointRegistry registry) {
        this.externalCalls = externalCalls;
        this.registry = registry;
    }

    @Override
    public void afterSingletonsInstantiated() {
        externalCalls.orderedStream().forEach(call -> call.onStateChange(this::breakerChanged));
    }

    synchronized void breakerChanged(String system, CircuitBreaker.State state) {
        boolean open = state == CircuitBreaker.State.OPEN || state == CircuitBreaker.State.FORCED_OPEN;
        boolean changed = open ? openSystems.add(system) : openSystems.remove(system);
        if (!changed) {
            return;
        }
        for (MessageListenerContainer container : registry.getListenerContainers()) {
            if (openSystems.isEmpty()) {
                log.info("Resuming listener {}: no open circuit breaker ({} is {})", container.getListenerId(), system, state);
                container.resume();
            } else {
                log.warn("Pausing listener {}: circuit breaker open for {}", container.getListenerId(), openSystems);
                container.pause();
            }
        }
    }

    synchronized Set<String> openSystems() {
        return Set.copyOf(openSystems);
    }
}
