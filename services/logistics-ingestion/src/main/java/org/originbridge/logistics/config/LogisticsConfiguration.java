package org.originbridge.logistics.config;

import java.time.Clock;

import org.originbridge.logistics.domain.DcsaEventNormaliser;
import org.originbridge.logistics.domain.EdifactTranslator;
import org.originbridge.logistics.domain.IngestNodeEvents;
import org.originbridge.logistics.domain.IngestionMetrics;
import org.originbridge.logistics.domain.NodeEventPublisher;
import org.originbridge.logistics.domain.PollPortFeed;
import org.originbridge.logistics.domain.PortFeed;
import org.originbridge.logistics.domain.WatermarkStore;
import org.originbridge.platform.signing.WebhookSignature;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Wires the plain-Java use cases (domain classes carry no annotations) to their adapters, which are
 * {@code @Component}s (the port feed's HTTP client, watermark file and poller only while polling is on); the
 * {@link Clock} is the platform's (docs/CONVENTIONS.md "One way each").
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LogisticsProperties.class)
@EnableScheduling
public class LogisticsConfiguration {

    @Bean
    DcsaEventNormaliser dcsaEventNormaliser(Clock clock) {
        return new DcsaEventNormaliser(clock);
    }

    @Bean
    IngestNodeEvents ingestNodeEvents(DcsaEventNormaliser normaliser, EdifactTranslator edifact,
            NodeEventPublisher publisher, IngestionMetrics metrics, Clock clock) {
        return new IngestNodeEvents(normaliser, edifact, publisher, metrics, clock);
    }

    @Bean
    WebhookSignature webhookSignature(LogisticsProperties properties, Clock clock) {
        return new WebhookSignature(properties.webhookSecret(), WebhookSignature.DEFAULT_TOLERANCE, clock);
    }

    @Bean
    @ConditionalOnProperty(name = "originbridge.logistics.poll.enabled", havingValue = "true", matchIfMissing = true)
    PollPortFeed pollPortFeed(LogisticsProperties properties, PortFeed feed, WatermarkStore watermarks,
            DcsaEventNormaliser normaliser, IngestNodeEvents ingest, IngestionMetrics metrics, Clock clock) {
        LogisticsProperties.Poll poll = properties.poll();
        return new PollPortFeed(feed, watermarks, normaliser, ingest, metrics, clock,
                poll.initialLookback(), poll.limit(), poll.maxPages());
    }
}
