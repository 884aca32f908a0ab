package org.originbridge.ccpit.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.originbridge.ccpit.adapter.mongo.MongoEcoApplications;
import org.originbridge.ccpit.config.CcpitProperties;
import org.originbridge.ccpit.domain.ApplicantCredential;
import org.originbridge.ccpit.domain.ApplicantCredentials;
import org.originbridge.ccpit.domain.AuthorityApplicationState;
import org.originbridge.ccpit.domain.CertificateDocument;
import org.originbridge.ccpit.domain.CertificateDocuments;
import org.originbridge.ccpit.domain.CoApplication;
import org.originbridge.ccpit.domain.EcoApplication;
import org.originbridge.ccpit.domain.EcoIssuance;
import org.originbridge.ccpit.domain.EcoRequest;
import org.originbridge.ccpit.domain.IssuanceStatus;
import org.originbridge.ccpit.domain.IssuingAuthorities;
import org.originbridge.ccpit.domain.IssuingAuthority;
import org.originbridge.ccpit.domain.IssuingAuthorityClient;
import org.originbridge.ccpit.domain.QrTokens;
import org.originbridge.ccpit.domain.TrackingPolicy;
import org.originbridge.platform.errors.RetryLater;
import org.originbridge.platform.resilience.ExternalCall;
import org.originbridge.platform.resilience.ExternalCallSettings;
import org.originbridge.platform.signing.WebhookSignature;
import org.originbridge.testsupport.EmbeddedMongo;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.ResourceAccessException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The authority's notification endpoint when the check behind it cannot be made now: the authority's circuit breaker
 * open (a real {@link ExternalCall} opened by a failing call, the production {@link AuthorityWire} path), the
 * authority unreachable, the publish failing: 503 with {@code Retry-After}, and the authority's retry of the same
 * delivery is accepted, not refused as a replay. A bad signature stays 401; a failure that is not transient stays an
 * error (500), never a 503 that would make the authority retry for ever.
 */
class AuthorityNotificationControllerTest {

    private static final String SECRET = "ccpit-notification-test-secret";
    private static final String SUPPLIER = "SUP-A";
    private static final Clock CLOCK = Clock.systemUTC();

    private final MongoEcoApplications store = new MongoEcoApplications(EmbeddedMongo.freshDatabase("ccpit-notify"));

    /** ccpit-sync's notification endpoint over the real use case, the real ExternalCall and the Mongo adapter. */
    private final class Endpoint {
        final ExternalCall call;
        /** What the authority's status API does now (the production path wraps it in ExternalCall + AuthorityWire). */
        final AtomicReference<Supplier<AuthorityApplicationState>> authority = new AtomicReference<>();
        final List<String> published = new ArrayList<>();
        final AtomicReference<RuntimeException> publishFailure = new AtomicReference<>();
        final AuthorityNotificationController controller;

        Endpoint(ExternalCallSettings settings) {
            call = new ExternalCall("ccpit", settings, new SimpleMeterRegistry());
            IssuingAuthorityClient client = new IssuingAuthorityClient() {
                @Override
                public AuthorityApplicationState submit(ApplicantCredential credential, EcoRequest request) {
                    throw new UnsupportedOperationException();
                }

                @Override
                public AuthorityApplicationState fetch(ApplicantCredential credential, String applicationId) {
                    return AuthorityWire.resilient(call, "status", () -> authority.get().get());
                }

                @Override
                public CertificateDocument document(ApplicantCredential credential, String applicationId) {
                    throw new UnsupportedOperationException();
                }
            };
            IssuingAuthorities authorities = new IssuingAuthorities(List.of(new IssuingAuthority("CN-CCPIT", "CN", client,
                    ApplicantCredentials.parse(SUPPLIER + "=token-a"), "configure CCPIT_APPLICANT_TOKENS")));
            CertificateDocuments documents = new CertificateDocuments() {
                @Override
                public void store(String declarationId, CertificateDocument document) {
                }

                @Override
                public Optional<CertificateDocument> find(String declarationId) {
                    return Optional.empty();
                }
            };
            QrTokens tokens = application -> new QrTokens.QrToken("qr", CLOCK.instant(), "https://verify.example.test/qr");
            EcoIssuance issuance = new EcoIssuance(store, authorities, documents, (application, qrToken) -> {
                RuntimeException failure = publishFailure.get();
                if (failure != null) {
                    throw failure;
                }
                published.add(application.declarationId() + ":" + application.status());
            }, tokens, new TrackingPolicy(Duration.ofSeconds(5), Duration.ofSeconds(60), Duration.ofSeconds(30),
                    Duration.ofSeconds(30), 10, Set.of("CERTIFICATE_OF_ORIGIN")), CLOCK);
            controller = new AuthorityNotificationController(properties(), issuance, JsonMapper.builder().build(), CLOCK);
        }

        void authorityAnswers(String declarationId, IssuanceStatus status) {
            authority.set(() -> new AuthorityApplicationState("APP-" + declarationId, status, null, null, null, null, null));
        }

        void authorityUnreachable() {
            authority.set(() -> {
                throw new ResourceAccessException("connection refused");
            });
        }

        ResponseEntity<?> notify(String declarationId, String id, String secret) {
            byte[] body = body(declarationId);
            long timestamp = CLOCK.instant().getEpochSecond();
            String signature = new WebhookSignature(secret, Duration.ofMinutes(5), CLOCK).sign(id, timestamp, body);
            return controller.notification("CN-CCPIT", body, id, Long.toString(timestamp), signature);
        }
    }

    /** Breaker: one failed call in a window of one opens it, for an hour. */
    private final Endpoint endpoint = new Endpoint(new ExternalCallSettings(1, Duration.ofMillis(1), Duration.ofMillis(1),
            50f, 1, Duration.ofHours(1)));

    @Test
    void anOpenBreakerAnswers503WithRetryAfterAndNothingIsPublished() {
        String declarationId = submitted();
        endpoint.authorityUnreachable();
        assertThatThrownBy(() -> endpoint.call.execute("status", () -> endpoint.authority.get().get()));
        assertThat(endpoint.call.breakerState()).isEqualTo(CircuitBreaker.State.OPEN);
        endpoint.authorityAnswers(declarationId, IssuanceStatus.UNDER_REVIEW); // would answer, but is not asked

        ResponseEntity<?> answer = endpoint.notify(declarationId, "msg-1", SECRET);

        assertThat(answer.getStatusCode().value()).isEqualTo(503);
        assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("15");
        assertThat(answer.getHeaders().getContentType()).hasToString("application/problem+json");
        assertThat(((ProblemDetail) answer.getBody()).getDetail()).contains("send the notification again after 15 s")
                .doesNotContain("circuit breaker");
        assertThat(endpoint.published).isEmpty();
        assertThat(store.find(declarationId).orElseThrow().status()).isEqualTo(IssuanceStatus.SUBMITTED);
    }

    @Test
    void aTransientFailureAnswers503AndTheAuthoritysRetryOfTheSameDeliveryIsCheckedNotRefusedAsAReplay() {
        Endpoint closedBreaker = new Endpoint(new ExternalCallSettings(1, Duration.ofMillis(1), Duration.ofMillis(1),
                100f, 100, Duration.ofHours(1)));
        String declarationId = submitted();
        closedBreaker.authorityUnreachable();

        ResponseEntity<?> unavailable = closedBreaker.notify(declarationId, "msg-2", SECRET);
        assertThat(unavailable.getStatusCode().value()).isEqualTo(503);
        assertThat(unavailable.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("15");
        assertThat(closedBreaker.call.breakerState()).as("one failure in a window of 100").isEqualTo(CircuitBreaker.State.CLOSED);

        // the authority is back and sends the very same delivery again
        closedBreaker.authorityAnswers(declarationId, IssuanceStatus.UNDER_REVIEW);
        ResponseEntity<?> retried = closedBreaker.notify(declarationId, "msg-2", SECRET);
        assertThat(retried.getStatusCode().value()).isEqualTo(202);
        assertThat(retried.getBody()).isEqualTo(new AuthorityNotificationController.Accepted(declarationId, "changed"));
        assertThat(closedBreaker.published).containsExactly(declarationId + ":UNDER_REVIEW");
        // once handled, the id is remembered: a replay is refused as before
        assertThat(closedBreaker.notify(declarationId, "msg-2", SECRET).getStatusCode().value()).isEqualTo(401);
    }

    @Test
    void aPublishThatCannotBeAcknowledgedNowIs503Too() {
        String declarationId = submitted();
        endpoint.authorityAnswers(declarationId, IssuanceStatus.UNDER_REVIEW);
        endpoint.publishFailure.set(new RetryLater("broker unavailable", null));

        ResponseEntity<?> answer = endpoint.notify(declarationId, "msg-3", SECRET);

        assertThat(answer.getStatusCode().value()).isEqualTo(503);
        assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("15");
    }

    @Test
    void aBadSignatureIsStill401AnUnknownAuthority404AndAFailureThatIsNotTransientIsNotA503() {
        String declarationId = submitted();
        endpoint.authorityAnswers(declarationId, IssuanceStatus.UNDER_REVIEW);

        assertThat(endpoint.notify(declarationId, "msg-4", "not-the-secret").getStatusCode().value()).isEqualTo(401);
        assertThat(endpoint.controller.notification("XX-NOBODY", body(declarationId), "msg-5",
                Long.toString(CLOCK.instant().getEpochSecond()), "v1,AAAA").getStatusCode().value()).isEqualTo(404);
        assertThat(endpoint.published).isEmpty();

        // a bug is not "try again later": the authority must not be told to retry it for ever
        endpoint.publishFailure.set(new IllegalStateException("a bug"));
        assertThatThrownBy(() -> endpoint.notify(declarationId, "msg-6", SECRET)).isInstanceOf(IllegalStateException.class)
                .hasMessage("a bug");
    }

    // ------------------------------------------------------------------ helpers

    private String submitted() {
        String declarationId = "D-" + java.util.UUID.randomUUID();
        EcoRequest request = new EcoRequest(declarationId, SUPPLIER, "CERTIFICATE_OF_ORIGIN", "CN", null,
                new CoApplication("RCEP-" + declarationId, new CoApplication.Trader("Exporter", null, "CN"), null, null, "JP",
                        null, List.of(new CoApplication.Item(1, "adapters", "850440", "CTH", "CN", null, null, null, null,
                                null)), null, null));
        Instant now = CLOCK.instant();
        assertThat(store.insert(new EcoApplication(request, "CN-CCPIT", "APP-" + declarationId, IssuanceStatus.SUBMITTED,
                null, 2, null, null, null, null, null, null, now, now.plusSeconds(5), 2))).isTrue();
        return declarationId;
    }

    private static byte[] body(String declarationId) {
        return ("{\"declarationId\":\"" + declarationId + "\",\"status\":\"UNDER_REVIEW\"}").getBytes(StandardCharsets.UTF_8);
    }

    private static CcpitProperties properties() {
        URI base = URI.create("http://127.0.0.1:1");
        CcpitProperties.Retry retry = new CcpitProperties.Retry(1, Duration.ofMillis(1), Duration.ofMillis(1), 50, 20,
                Duration.ofSeconds(1));
        return new CcpitProperties(base, "", Duration.ofSeconds(5), Duration.ofHours(6), Duration.ofSeconds(30),
                Duration.ofSeconds(30), 50, List.of("CERTIFICATE_OF_ORIGIN"), Duration.ofSeconds(2), Duration.ofSeconds(5),
                Duration.ofSeconds(5), retry, new CcpitProperties.Qr(URI.create("http://127.0.0.1:8080"), Duration.ofDays(365), 300),
                new CcpitProperties.OAuth("", ""), 4, new CcpitProperties.VnMoit(false, base, "", retry),
                new CcpitProperties.Callback("CN-CCPIT=" + SECRET, Duration.ofMinutes(5), 16384, Duration.ofSeconds(15)));
    }
}
