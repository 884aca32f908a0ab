package org.originbridge.subscriptions;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * subscriptions: the facts subscribers care about become an event history, signed webhooks and a
 * per-tenant Server-Sent Events stream. Start reading at {@link org.originbridge.subscriptions.domain.RecordFact}
 * and {@link org.originbridge.subscriptions.domain.Dispatcher}.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class SubscriptionsApplication {

    public static void main(String[] args) {
        SpringApplication.run(SubscriptionsApplication.class, args);
    }
}
