package org.originbridge.asw.config;

import com.mongodb.client.MongoDatabase;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.originbridge.asw.adapter.http.AswRestClient;
import org.originbridge.asw.adapter.http.RestClientAswGateway;
import org.originbridge.asw.adapter.kafka.KafkaVerificationPublisher;
import org.originbridge.platform.kafka.KeyedBatch;
import org.originbridge.asw.adapter.metrics.MicrometerVerificationMetrics;
import org.originbridge.asw.adapter.mongo.MongoPendingVerifications;
import org.originbridge.asw.adapter.mongo.MongoVerificationLedger;
import org.originbridge.asw.adapter.signing.JwsVerificationCodes;
import org.originbridge.asw.domain.VerificationPublisher;
import org.originbridge.asw.domain.VerifyDeclaration;
import org.originbridge.platform.resilience.ExternalCall;
import org.originbridge.platform.signing.ShortCode;
import org.originbridge.platform.signing.TokenSigner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import tools.jackson.databind.ObjectMapper;

/** Wires the use case to its adapters. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class AswConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** One breaker and retry policy (system {@code asw}) for every destination channel. */
    @Bean
    ExternalCall aswExternalCall(AswProperties properties, MeterRegistry meters) {
        return new ExternalCall("asw", properties.retry().toSettings(), meters);
    }

    @Bean
    RestClientAswGateway aswGateway(AswProperties properties, ExternalCall aswExternalCall, ObjectMapper json,
            ObservationRegistry observations, Clock clock) {
        HttpClient http = AswRestClient.httpClient(properties.connectTimeout());
        Map<String, RestClientAswGateway.Channel> channels = new LinkedHashMap<>();
        for (AswProperties.Resolved channel : properties.resolvedChannels()) {
            // observed: the call is a span of the record's trace and carries its traceparent to the channel
            channels.put(channel.id(), new RestClientAswGateway.Channel(
                    AswRestClient.build(channel, http, properties.readTimeout()).mutate().observationRegistry(observations).build(),
                    properties.maxRetryAfter(), clock));
        }
        return new RestClientAswGateway(channels, aswExternalCall, json);
    }

    @Bean
    MongoVerificationLedger verificationLedger(MongoDatabase aswDatabase) {
        MongoVerificationLedger ledger = new MongoVerificationLedger(aswDatabase);
        ledger.createIndexes();
        return ledger;
    }

    @Bean
    MongoPendingVerifications pendingVerifications(MongoDatabase aswDatabase) {
        return new MongoPendingVerifications(aswDatabase);
    }

    /** A bean (not built inline) so the write-then-publish crash test can put a fault in front of it. */
    @Bean
    VerificationPublisher verificationPublisher(KafkaTemplate<String, Object> template, AswProperties properties) {
        return new KafkaVerificationPublisher(template, properties.publishTimeout());
    }

    /** The bounded pool every listener container's batches share: {@code concurrency} verifications in flight at most. */
    @Bean
    ThreadPoolTaskExecutor verificationWorkers(AswProperties properties) {
        ThreadPoolTaskExecutor workers = new ThreadPoolTaskExecutor();
        workers.setCorePoolSize(properties.concurrency());
        workers.setMaxPoolSize(properties.concurrency());
        workers.setThreadNamePrefix("verify-");
        workers.setWaitForTasksToCompleteOnShutdown(true);
        workers.setAwaitTerminationSeconds(30);
        return workers;
    }

    @Bean
    KeyedBatch<String, Object> keyedBatch(ThreadPoolTaskExecutor verificationWorkers, AswProperties properties) {
        return new KeyedBatch<>(verificationWorkers, properties.retryInPlaceFor());
    }

    @Bean
    VerifyDeclaration verifyDeclaration(RestClientAswGateway aswGateway, TokenSigner tokenSigner, MongoVerificationLedger ledger,
            MongoPendingVerifications pendingVerifications, VerificationPublisher publisher, AswProperties properties,
            MeterRegistry meters, Clock clock) {
        return new VerifyDeclaration(
                aswGateway,
                new JwsVerificationCodes(tokenSigner, properties.verificationCodeTtl()),
                ledger,
                pendingVerifications,
                ShortCode::generate,
                publisher,
                new MicrometerVerificationMetrics(meters),
                clock);
    }
}
