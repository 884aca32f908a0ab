package org.originbridge.platform.kafka;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.originbridge.platform.resilience.ExternalCall;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.util.ReflectionUtils;

/**
 * Pauses a listener container while the circuit breaker of an external system that listener calls
 * ({@link CallsExternalSystem} on its {@code @KafkaListener} method, {@link ExternalCall} beans) is
 * open, and resumes it when the breaker goes half-open (the next records are the probe) or closed.
 * Paused consumers keep polling (no rebalance) and keep their offsets, so the records that arrived
 * meanwhile are processed, in order, as soon as the dependency is back. A record already in flight
 * when the breaker opens fails transiently and is retried by the error handler: nothing is
 * dead-lettered because of an outage.
 *
 * <p>Per counterpart: an open ASW breaker pauses only the listeners that declare they call ASW; a
 * listener that declares nothing is never paused by a breaker (if it did call an external system
 * anyway, its records would still be retried with backoff, never dead-lettered).
 */
final class BreakerDrivenPause implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(BreakerDrivenPause.class);

    private final ObjectProvider<ExternalCall> externalCalls;
    private final KafkaListenerEndpointRegistry registry;
    private final ListableBeanFactory beans;
    private final Set<String> openSystems = new TreeSet<>();
    /** listener id -> the external systems it calls. */
    private Map<String, Set<String>> callers = Map.of();
    private final Set<String> pausedByBreaker = new HashSet<>();

    BreakerDrivenPause(ObjectProvider<ExternalCall> externalCalls, KafkaListenerEndpointRegistry registry, ListableBeanFactory beans) {
        this.externalCalls = externalCalls;
        this.registry = registry;
        this.beans = beans;
    }

    @Override
    public void afterSingletonsInstantiated() {
        callers = listenersCallingExternalSystems(beans);
        externalCalls.orderedStream().forEach(call -> {
            call.onStateChange(this::breakerChanged);
            Set<String> listeners = new TreeSet<>();
            callers.forEach((listener, systems) -> {
                if (systems.contains(call.system())) {
                    listeners.add(listener);
                }
            });
            log.info("An open {} circuit breaker pauses the listeners {}", call.system(), listeners);
        });
    }

    /** Reads {@link CallsExternalSystem} from the {@code @KafkaListener} methods of the singleton beans. */
    static Map<String, Set<String>> listenersCallingExternalSystems(ListableBeanFactory beans) {
        Map<String, Set<String>> callers = new TreeMap<>();
        for (String name : beans.getBeanDefinitionNames()) {
            Class<?> type = beans.getType(name, false);
            if (type == null) {
                continue;
            }
            ReflectionUtils.doWithMethods(AopUtils.isAopProxy(type) ? AopUtils.getTargetClass(type) : type, method -> {
                CallsExternalSystem calls = AnnotatedElementUtils.findMergedAnnotation(method, CallsExternalSystem.class);
                if (calls == null) {
                    return;
                }
                KafkaListener listener = AnnotatedElementUtils.findMergedAnnotation(method, KafkaListener.class);
                if (listener == null || listener.id().isBlank()) {
                    throw new IllegalStateException("@CallsExternalSystem on " + method
                            + " needs a @KafkaListener with an explicit id (the container to pause)");
                }
                callers.computeIfAbsent(listener.id(), id -> new TreeSet<>()).addAll(Set.of(calls.value()));
            });
        }
        return callers;
    }

    synchronized void breakerChanged(String system, CircuitBreaker.State state) {
        boolean open = state == CircuitBreaker.State.OPEN || state == CircuitBreaker.State.FORCED_OPEN;
        boolean changed = open ? openSystems.add(system) : openSystems.remove(system);
        if (!changed) {
            return;
        }
        for (MessageListenerContainer container : registry.getListenerContainers()) {
            String id = container.getListenerId();
            Set<String> calls = callers.getOrDefault(id, Set.of());
            if (!calls.contains(system)) {
                continue;
            }
            Set<String> blocking = new TreeSet<>(calls);
            blocking.retainAll(openSystems);
            if (blocking.isEmpty() && pausedByBreaker.remove(id)) {
                log.info("Resuming listener {}: no open circuit breaker among {} ({} is {})", id, calls, system, state);
                container.resume();
            } else if (!blocking.isEmpty() && pausedByBreaker.add(id)) {
                log.warn("Pausing listener {}: circuit breaker open for {}", id, blocking);
                container.pause();
            }
        }
    }

    synchronized Set<String> openSystems() {
        return Set.copyOf(openSystems);
    }

    synchronized Set<String> pausedListeners() {
        return Set.copyOf(pausedByBreaker);
    }

    Map<String, Set<String>> callers() {
        return new HashMap<>(callers);
    }
}
