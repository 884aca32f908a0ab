package org.originbridge.sandbox.dcsa;

import io.micrometer.core.instrument.MeterRegistry;
import org.originbridge.sandbox.SandboxProperties;
import org.originbridge.sandbox.web.SandboxClock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.ObjectMapper;

@Configuration(proxyBeanMethods = false)
class DcsaConfiguration {

    @Bean
    DcsaFeed dcsaFeed(SandboxClock clock, SandboxProperties properties) {
        return new DcsaFeed(clock, properties.dcsa().step());
    }

    @Bean
    SubscriptionDispatcher subscriptionDispatcher(DcsaFeed feed, RestClient callbackRestClient, ObjectMapper json,
            SandboxClock clock, SandboxProperties properties, MeterRegistry meters) {
        return new SubscriptionDispatcher(feed, callbackRestClient, json, clock, properties.dcsa().callbackAllowedHosts(), meters);
    }

    @Bean
    DeliveryRounds deliveryRounds(SubscriptionDispatcher dispatcher) {
        return new DeliveryRounds(dispatcher);
    }

    /** Runs a delivery round every {@code sandbox.dcsa.delivery-interval}. */
    static class DeliveryRounds {
        private final SubscriptionDispatcher dispatcher;

        DeliveryRounds(SubscriptionDispatcher dispatcher) {
            this.dispatcher = dispatcher;
        }

        @Scheduled(fixedDelayString = "${sandbox.dcsa.delivery-interval:500ms}")
        void deliver() {
            dispatcher.deliverDue();
        }
    }
}
