package org.originbridge.ccpit.config;

import io.micrometer.observation.ObservationRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.mongodb.client.MongoDatabase;
import io.micrometer.core.instrument.MeterRegistry;
import org.originbridge.ccpit.adapter.http.CcpitRestClient;
import org.originbridge.ccpit.adapter.http.HttpCcpitClient;
import org.originbridge.ccpit.adapter.http.HttpVnMoitClient;
import org.originbridge.ccpit.adapter.metrics.MicrometerIssuanceMetrics;
import org.originbridge.ccpit.adapter.mongo.MongoCertificateDocuments;
import org.originbridge.ccpit.adapter.scheduling.IssuanceCheckPool;
import org.originbridge.ccpit.adapter.scheduling.IssuancePoller;
import org.originbridge.ccpit.domain.IssuingAuthorities;
import org.originbridge.ccpit.domain.IssuingAuthority;
import org.originbridge.ccpit.adapter.http.SignedQrTokens;
import org.originbridge.ccpit.adapter.kafka.KafkaStatusPublisher;
import org.originbridge.ccpit.domain.StatusPublisher;
import org.originbridge.ccpit.adapter.mongo.MongoEcoApplications;
import org.originbridge.ccpit.adapter.mongo.StoredQrTokens;
import org.originbridge.ccpit.domain.ApplicantCredentials;
import org.originbridge.ccpit.domain.EcoIssuance;
import org.originbridge.ccpit.domain.TrackingPolicy;
import org.originbridge.platform.kafka.KeyedBatch;
import org.originbridge.platform.resilience.ExternalCall;
import org.originbridge.platform.signing.TokenSigner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/** Wires the domain to its adapters (the issuing authorities by exporting Party) and schedules the poller. */
@Configuration(proxyBeanMethods = false)
public class CcpitConfiguration implements SchedulingConfigurer {

    /** The ids published as {@code issuingAuthority}. */
    public static final String CCPIT = "CN-CCPIT";
    public static final String VN_MOIT = "VN-MOIT";

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

    /** The one clock of this service (the platform's backs off when this exists). */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    ExternalCall ccpitExternalCall(MeterRegistry meters) {
        return new ExternalCall("ccpit", properties.retry().settings(), meters);
    }

    @Bean
    ExternalCall vnMoitExternalCall(MeterRegistry meters) {
        return new ExternalCall("vn-moit", properties.vnMoit().retry().settings(), meters);
    }

    @Bean
    HttpCcpitClient ccpitClient(ExternalCall ccpitExternalCall, ObservationRegistry observations) {
        // observed: each CCPIT call is a span (with traceparent) of the trace that caused it
        return new HttpCcpitClient(CcpitRestClient.build(properties, oauthClients().values()).mutate()
                .observationRegistry(observations).build(), ccpitExternalCall);
    }

    @Bean
    HttpVnMoitClient vnMoitClient(ExternalCall vnMoitExternalCall, ObservationRegistry observations) {
        return new HttpVnMoitClient(CcpitRestClient.plain(properties.vnMoit().baseUrl(), properties).mutate()
                .observationRegistry(observations).build(), vnMoitExternalCall);
    }

    /**
     * Routing by issuing body: CN -> CN-CCPIT (always), VN -> VN-MOIT (unless {@code vn-moit.enabled=false}); any other
     * exporting Party has none (its COs end FAILED with the reason).
     */
    @Bean
    IssuingAuthorities issuingAuthorities(HttpCcpitClient ccpitClient, HttpVnMoitClient vnMoitClient,
            ApplicantCredentials applicantCredentials) {
        List<IssuingAuthority> authorities = new ArrayList<>();
        authorities.add(new IssuingAuthority(CCPIT, "CN", ccpitClient, applicantCredentials,
                "GACC accepts CO messages only from the applicant itself (configure CCPIT_OAUTH_CLIENTS or CCPIT_APPLICANT_TOKENS)"));
        if (properties.vnMoit().enabled()) {
            ApplicantCredentials vn = ApplicantCredentials.parse(properties.vnMoit().applicantTokens(),
                    "VN_MOIT_APPLICANT_TOKENS");
            log.info("VN-MOIT applicant credentials configured for {} supplier(s)", vn.size());
            authorities.add(new IssuingAuthority(VN_MOIT, "VN", vnMoitClient, vn,
                    "MOIT issues certificates only to the registered exporting enterprise (configure VN_MOIT_APPLICANT_TOKENS)"));
        }
        return new IssuingAuthorities(authorities);
    }

    /** A bean (not built inline) so the write-then-publish crash test can put a fault in front of it. */
    @Bean
    StatusPublisher statusPublisher(KafkaTemplate<String, Object> template, MongoDatabase ccpitDatabase) {
        return new KafkaStatusPublisher(template, properties.publishTimeout(), new MongoCertificateDocuments(ccpitDatabase));
    }

    @Bean
    IssuanceCheckPool issuanceCheckPool() {
        return new IssuanceCheckPool(properties.pollConcurrency());
    }

    /**
     * The bounded pool every batch of accepted declarations shares: {@code originbridge.ccpit.listener.concurrency}
     * e-CO requests in flight at most (issue 11: the listener used to make one blocking request per partition at a time).
     */
    @Bean
    IssuanceCheckPool issuanceRequestPool(IssuanceListenerProperties listener) {
        return new IssuanceCheckPool(listener.concurrency(), "issuance-request-");
    }

    @Bean
    KeyedBatch<String, Object> issuanceBatch(IssuanceCheckPool issuanceRequestPool, IssuanceListenerProperties listener) {
        return new KeyedBatch<>(issuanceRequestPool.executor(), listener.retryInPlaceFor());
    }

    @Bean
    EcoIssuance ecoIssuance(MongoDatabase ccpitDatabase, IssuingAuthorities issuingAuthorities,
            StatusPublisher statusPublisher, TokenSigner signer, MeterRegistry meters, Clock clock,
            @Qualifier("issuanceCheckPool") IssuanceCheckPool issuanceCheckPool) {
        TrackingPolicy policy = new TrackingPolicy(properties.pollInterval(), properties.issuedRecheck(),
                properties.lease(), properties.resendGrace(), properties.batchSize(), Set.copyOf(properties.documentTypes()));
        return new EcoIssuance(new MongoEcoApplications(ccpitDatabase), issuingAuthorities,
                new MongoCertificateDocuments(ccpitDatabase), statusPublisher,
                new StoredQrTokens(new SignedQrTokens(signer, properties.qr().ttl(), properties.qr().publicBaseUrl().toString(),
                        clock), ccpitDatabase),
                policy, new MicrometerIssuanceMetrics(meters), clock, issuanceCheckPool.executor());
    }

    @Bean
    IssuancePoller issuancePoller(EcoIssuance ecoIssuance, MeterRegistry meters) {
        return new IssuancePoller(ecoIssuance, meters, properties.batchSize());
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(() -> poller.getObject().run(), properties.pollInterval());
    }
}
