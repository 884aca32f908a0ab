package org.originbridge.platform.kafka;

import java.util.LinkedHashMap;
import java.util.Map;

import org.originbridge.platform.resilience.ExternalCall;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * DOWN when a listener container that should run does not: stopped, or one of its consumer threads
 * died ({@link MessageListenerContainer#isInExpectedState()}). A stopped listener consumes nothing,
 * so without this the service would look healthy while its topic piles up. Details list every
 * container (running, paused) and the circuit breaker state of every external system; a paused
 * container (open breaker) is expected and does not make the service DOWN.
 */
final class ListenerContainersHealthIndicator extends AbstractHealthIndicator {

    private final KafkaListenerEndpointRegistry registry;
    private final ObjectProvider<ExternalCall> externalCalls;

    ListenerContainersHealthIndicator(KafkaListenerEndpointRegistry registry, ObjectProvider<ExternalCall> externalCalls) {
        super("Kafka listener containers health check failed");
        this.registry = registry;
        this.externalCalls = externalCalls;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        boolean up = true;
        Map<String, Object> containers = new LinkedHashMap<>();
        for (MessageListenerContainer container : registry.getListenerContainers()) {
            boolean running = container.isRunning() && container.isInExpectedState();
            boolean expectedToRun = container.isAutoStartup();
            String state = !running ? "STOPPED" : container.isContainerPaused() ? "PAUSED"
                    : container.isPauseRequested() ? "PAUSING" : "RUNNING";
            containers.put(container.getListenerId() == null ? "?" : container.getListenerId(), state);
            if (expectedToRun && !running) {
                up = false;
            }
        }
        Map<String, Object> breakers = new LinkedHashMap<>();
        externalCalls.orderedStream().forEach(call -> breakers.put(call.system(), call.breakerState().name()));
        (up ? builder.up() : builder.down()).withDetail("listeners", containers).withDetail("circuitBreakers", breakers);
    }
}
