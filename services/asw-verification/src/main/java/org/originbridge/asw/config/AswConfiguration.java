package org.originbridge.asw.config;

import io.micrometer.observation.ObservationRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.originbridge.asw.adapter.http.RestClientAswGateway;
import com.mongodb.client.MongoDatabase;
import org.originbridge.asw.adapter.kafka.KafkaVerificationPublisher;
import org.originbridge.asw.adapter.mongo.MongoVerificationLedger;
import org.originbridge.asw.adapter.signing.JwsVerificationCodes;
import org.originbridge.asw.domain.AswGateway;
import org.originbridge.asw.domain.VerificationPublisher;
import org.originbridge.asw.domain.VerifyDeclaration;
import org.originbridge.platform.resilience.ExternalCall;
import org.originbridge.platform.signing.ShortCode;
import org.originbridge.platform.signing.TokenSigner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.ObjectMapper;

/** Wires the use case to its adapters. */
@Configuration(proxyBeanMethods = false)
class AswConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    ExternalCall aswExternalCall(AswProperties properties, MeterRegistry meters) {
        return new ExternalCall("asw", properties.retry().toSettings(), meters);
    }

    @Bean
    AswGateway aswGateway(AswProperties properties, ExternalCall aswExternalCall, ObjectMapper json,
            ObservationRegistry observations) {
        // observed: the call is a span of the record's trace and carries its traceparent to ASW
        return new RestClientAswGateway(AswRestClient.build(properties).mutate().observationRegistry(observations).build(),
                aswExternalCall, json);
    }

    @Bean
    MongoVerificationLedger verificationLedger(MongoDatabase aswDatabase) {
        MongoVerificationLedger ledger = new MongoVerificationLedger(aswDatabase);
        ledger.createIndexes();
        return ledger;
    }

    /** A bean (not built inline) so the write-then-publish crash test can put a fault in front of it. */
    @Bean
    VerificationPublisher verificationPublisher(KafkaTemplate<String, Object> template, AswProperties properties) {
        return new KafkaVerificationPublisher(template, properties.publishTimeout());
    }

    @Bean
    VerifyDeclaration verifyDeclaration(AswGateway aswGateway, TokenSigner tokenSigner, MongoVerificationLedger ledger,
            VerificationPublisher publisher, AswProperties properties, MeterRegistry meters, Clock clock) {
        return new VerifyDeclaration(
                aswGateway,
                new JwsVerificationCodes(tokenSigner, properties.verificationCodeTtl()),
                ledger,
                ShortCode::generate,
                publisher,
                new MicrometerVerificationMetrics(meters),
                clock);
    }
}
