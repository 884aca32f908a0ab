package org.originbridge.logistics.config;

import io.micrometer.observation.ObservationRegistry;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;

import io.micrometer.core.instrument.MeterRegistry;
import org.originbridge.logistics.adapter.edifact.StaediEdifactTranslator;
import org.originbridge.logistics.adapter.file.FileWatermarkStore;
import org.originbridge.logistics.adapter.http.JsonBodies;
import org.originbridge.logistics.adapter.http.PortFeedHttpClient;
import org.originbridge.logistics.adapter.kafka.KafkaNodeEventPublisher;
import org.originbridge.logistics.adapter.metrics.MicrometerIngestionMetrics;
import org.originbridge.logistics.adapter.scheduling.PortFeedPoller;
import org.originbridge.logistics.domain.DcsaEventNormaliser;
import org.originbridge.logistics.domain.IngestNodeEvents;
import org.originbridge.logistics.domain.IngestionMetrics;
import org.originbridge.logistics.domain.PollPortFeed;
import org.originbridge.logistics.domain.WebhookSignature;
import org.originbridge.platform.resilience.ExternalCall;
import org.originbridge.platform.resilience.ExternalCallSettings;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.originbridge.platform.outbound.ClientCredentials;
import org.springframework.web.client.RestClient;

import tools.jackson.databind.ObjectMapper;

/** Wires the use cases to their adapters. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LogisticsProperties.class)
@EnableScheduling
public class LogisticsConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    IngestionMetrics ingestionMetrics(MeterRegistry registry) {
        return new MicrometerIngestionMetrics(registry);
    }

    @Bean
    DcsaEventNormaliser dcsaEventNormaliser(Clock clock) {
        return new DcsaEventNormaliser(clock);
    }

    @Bean
    IngestNodeEvents ingestNodeEvents(DcsaEventNormaliser normaliser, KafkaTemplate<String, Object> template,
            IngestionMetrics metrics, Clock clock) {
        return new IngestNodeEvents(normaliser, new StaediEdifactTranslator(), new KafkaNodeEventPublisher(template),
                metrics, clock);
    }

    @Bean
    WebhookSignature webhookSignature(LogisticsProperties properties) {
        return new WebhookSignature(properties.webhookSecret());
    }

    @Bean
    JsonBodies jsonBodies(ObjectMapper json) {
        return new JsonBodies(json);
    }

    @Bean
    @ConditionalOnProperty(name = "originbridge.logistics.poll.enabled", havingValue = "true", matchIfMissing = true)
    PortFeedPoller portFeedPoller(LogisticsProperties properties, DcsaEventNormaliser normaliser,
            IngestNodeEvents ingest, IngestionMetrics metrics, MeterRegistry registry, ObjectMapper json, Clock clock,
            ObservationRegistry observations) {
        LogisticsProperties.Poll poll = properties.poll();
        ExternalCallSettings defaults = ExternalCallSettings.defaults();
        ExternalCall call = new ExternalCall("port-feed", new ExternalCallSettings(poll.maxAttempts(),
                defaults.initialBackoff(), defaults.maxBackoff(), defaults.failureRateThreshold(),
                defaults.slidingWindowSize(), defaults.openStateWait()), registry);
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build());
        requests.setReadTimeout(Duration.ofSeconds(10));
        // observed: each poll of the feed is a span (http.client.requests, traceparent sent)
        RestClient.Builder http = RestClient.builder().requestFactory(requests).observationRegistry(observations);
        String staticToken = poll.token();
        if (poll.oauth().enabled()) {
            // client credentials at the feed's token endpoint (platform ClientCredentials), instead of PORT_FEED_TOKEN
            http.requestInterceptor(ClientCredentials.single(new ClientCredentials.Client(
                    "port-feed", poll.oauth().tokenUri(), poll.oauth().clientId(), poll.oauth().clientSecret())));
            staticToken = null;
        }
        PollPortFeed useCase = new PollPortFeed(
                new PortFeedHttpClient(http.build(), call, json, poll.baseUrl(), staticToken),
                new FileWatermarkStore(poll.stateDirectory()), normaliser, ingest, metrics, clock,
                poll.initialLookback(), poll.limit(), poll.maxPages());
        return new PortFeedPoller(useCase, metrics, clock);
    }
}
