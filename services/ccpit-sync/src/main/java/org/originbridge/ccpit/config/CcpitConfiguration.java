package org.originbridge.ccpit.config;

import io.micrometer.observation.ObservationRegistry;
import java.time.Clock;
import java.util.Set;

import com.mongodb.client.MongoDatabase;
import io.micrometer.core.instrument.MeterRegistry;
import org.originbridge.ccpit.adapter.http.HttpCcpitClient;
import org.originbridge.ccpit.adapter.http.SignedQrTokens;
import org.originbridge.ccpit.adapter.kafka.KafkaStatusPublisher;
import org.originbridge.ccpit.domain.StatusPublisher;
import org.originbridge.ccpit.adapter.mongo.MongoEcoApplications;
import org.originbridge.ccpit.adapter.mongo.StoredQrTokens;
import org.originbridge.ccpit.domain.ApplicantCredentials;
import org.originbridge.ccpit.domain.EcoIssuance;
import org.originbridge.ccpit.domain.TrackingPolicy;
import org.originbridge.platform.resilience.ExternalCall;
import org.originbridge.platform.signing.TokenSigner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/** Wires the domain to its adapters and schedules the poller. */
@Configuration(proxyBeanMethods = false)
public class CcpitConfiguration implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(CcpitConfiguration.class);

    private final CcpitProperties properties;
    private final ObjectProvider<IssuancePoller> poller;

    public CcpitConfiguration(CcpitProperties properties, ObjectProvider<IssuancePoller> poller) {
        this.properties = properties;
        this.poller = poller;
    }

    @Bean
    ApplicantCredentials applicantCredentials() {
        ApplicantCredentials credentials = ApplicantCredentials.parse(properties.applicantTokens())
                .withClientCredentials(oauthClients().suppliers());
        if (credentials.size() == 0) {
            log.warn("No CCPIT applicant credentials (CCPIT_OAUTH_CLIENTS or CCPIT_APPLICANT_TOKENS): every e-CO request ends FAILED");
        } else {
            log.info("CCPIT applicant credentials configured for {} supplier(s), {} with OAuth2 client credentials",
                    credentials.size(), oauthClients().size());
        }
        return credentials;
    }

    private ApplicantCredentials oauthClients() {
        return ApplicantCredentials.parse(properties.oauth().clients(), "CCPIT_OAUTH_CLIENTS");
    }

    @Bean
    ExternalCall ccpitExternalCall(MeterRegistry meters) {
        return new ExternalCall("ccpit", properties.retry().settings(), meters);
    }

    @Bean
    HttpCcpitClient ccpitClient(ExternalCall ccpitExternalCall, ObservationRegistry observations) {
        // observed: each CCPIT call is a span (with traceparent) of the trace that caused it
        return new HttpCcpitClient(CcpitRestClient.build(properties, oauthClients().values()).mutate()
                .observationRegistry(observations).build(), ccpitExternalCall);
    }

    /** A bean (not built inline) so the write-then-publish crash test can put a fault in front of it. */
    @Bean
    StatusPublisher statusPublisher(KafkaTemplate<String, Object> template) {
        return new KafkaStatusPublisher(template, properties.publishTimeout());
    }

    @Bean
    EcoIssuance ecoIssuance(MongoDatabase ccpitDatabase, HttpCcpitClient ccpitClient, ApplicantCredentials credentials,
            StatusPublisher statusPublisher, TokenSigner signer, MeterRegistry meters,
            ObjectProvider<Clock> clock) {
        Clock time = clock.getIfAvailable(Clock::systemUTC);
        TrackingPolicy policy = new TrackingPolicy(properties.pollInterval(), properties.issuedRecheck(),
                properties.lease(), properties.resendGrace(), properties.batchSize(), Set.copyOf(properties.documentTypes()));
        return new EcoIssuance(new MongoEcoApplications(ccpitDatabase), ccpitClient, credentials,
                statusPublisher,
                new StoredQrTokens(new SignedQrTokens(signer, properties.qr().ttl(), properties.qr().publicBaseUrl().toString(),
                        time), ccpitDatabase),
                policy, new MicrometerIssuanceMetrics(meters), time);
    }

    @Bean
    IssuancePoller issuancePoller(EcoIssuance ecoIssuance, MeterRegistry meters) {
        return new IssuancePoller(ecoIssuance, meters);
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(() -> poller.getObject().run(), properties.pollInterval());
    }
}
