package org.originbridge.asw;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.originbridge.events.signing.SigningKeyPublished;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.awaitility.Awaitility;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.originbridge.asw.adapter.kafka.DeclarationMapper;
import org.originbridge.asw.adapter.signing.JwsVerificationCodes;
import org.originbridge.asw.domain.CanonicalContent;
import org.originbridge.events.asw.CheckStatus;
import org.originbridge.events.asw.VerificationCompleted;
import org.originbridge.events.asw.VerificationOutcome;
import org.originbridge.events.intake.DeclarationAccepted;
import org.originbridge.events.intake.DeclarationSubmitted;
import org.originbridge.platform.Topics;
import org.originbridge.platform.signing.ShortCode;
import org.originbridge.platform.signing.SigningKeys;
import org.originbridge.platform.signing.TokenVerifier;
import org.originbridge.testsupport.EmbeddedMongo;
import org.originbridge.platform.resilience.ExternalCall;
import org.originbridge.testsupport.RealInfrastructure;
import org.originbridge.testsupport.TopicProbe;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * asw-verification end to end on real infrastructure: a real Kafka broker and Apicurio Registry
 * (RealInfrastructure), and the real sandbox as a separate process playing ASW over HTTP, called
 * with tokens from the sandbox's OAuth2 token endpoint (client credentials).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        // a free management port: a local stack on the default ports must not break the test
        "management.server.port=0",
    // OAuth2 client credentials at the sandbox's ASW token endpoint (the static token path is AswRestClientTest's)
    "originbridge.asw.oauth.client-id=" + SandboxProcess.ASW_OAUTH_CLIENT_ID,
    "originbridge.asw.oauth.client-secret=" + SandboxProcess.ASW_OAUTH_CLIENT_SECRET,
    "originbridge.asw.retry.max-attempts=3",
    "originbridge.asw.retry.initial-backoff=50ms",
    "originbridge.asw.retry.max-backoff=100ms",
    "originbridge.kafka.retry.initial-interval=200ms",
    "originbridge.kafka.retry.max-interval=2s",
    "originbridge.asw.retry.open-state-wait=3s",
    "originbridge.asw.revocation-poll-interval=1s",
})
@org.springframework.context.annotation.Import(AswVerificationIT.CrashBeforePublish.class)
class AswVerificationIT {

    /**
     * Fault hook for the write-then-publish crash (fault suite g): the first publish of a declaration
     * named in {@link #CRASH_ONCE} fails after the ledger write, as if the process died there. The
     * offset is not committed, so the record comes again (as it would to a restarted instance).
     */
    static final java.util.Set<String> CRASH_ONCE = java.util.concurrent.ConcurrentHashMap.newKeySet();

    @org.springframework.boot.test.context.TestConfiguration(proxyBeanMethods = false)
    static class CrashBeforePublish {
        @org.springframework.context.annotation.Bean
        static org.springframework.beans.factory.config.BeanPostProcessor crashBeforePublish() {
            return new org.springframework.beans.factory.config.BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    if (bean instanceof org.originbridge.asw.domain.VerificationPublisher real) {
                        return (org.originbridge.asw.domain.VerificationPublisher) result -> {
                            if (CRASH_ONCE.remove(result.declarationId())) {
                                throw new org.originbridge.platform.errors.RetryLater(
                                        "simulated crash after the ledger write, before the publish", null);
                            }
                            real.publish(result);
                        };
                    }
                    return bean;
                }
            };
        }
    }

    static final Duration WAIT = Duration.ofSeconds(60);
    static final Path KEY_DIR = tempDir();

    static Path tempDir() {
        try {
            return Files.createTempDirectory("asw-it-keys");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        RealInfrastructure.registerProperties(registry);
        EmbeddedMongo.registerProperties(registry, "asw-verification-it");
        registry.add("originbridge.signing.key-dir", () -> KEY_DIR.toString());
        registry.add("originbridge.asw.base-url", SandboxProcess::baseUrl);
        registry.add("originbridge.asw.oauth.token-uri", () -> SandboxProcess.baseUrl() + "/asw/oauth2/token");
    }

    @Autowired SigningKeys keys;
    @Autowired MeterRegistry meters;
    @Autowired ExternalCall aswExternalCall;
    @Autowired KafkaListenerEndpointRegistry listeners;

    @AfterEach
    void calmSandbox() {
        SandboxProcess.chaos("{\"failNext\":0,\"failureRate\":0}");
    }

    static final java.util.concurrent.atomic.AtomicInteger CERTIFICATES = new java.util.concurrent.atomic.AtomicInteger(
            (int) (System.nanoTime() % 1_000_000) * 10);

    /** A certificate number the sandbox channels know as issued by CN-CCPIT. */
    static String certificateNumber() {
        return String.format("CCPIT-RCEP-2026-%08d", CERTIFICATES.incrementAndGet() % 100_000_000);
    }

    /** The accepted Certificate of Origin and its ISSUED status (a new certificate number); returns the number. */
    static String acceptAndIssue(String declarationId, DeclarationAccepted accepted) {
        String certificate = certificateNumber();
        TopicProbe.sendAvro(Topics.DECLARATIONS_ACCEPTED, declarationId, accepted);
        TopicProbe.sendAvro(Topics.ECO_ISSUANCE_STATUS, declarationId, TestDeclarations.issued(declarationId, certificate, "CN-CCPIT"));
        return certificate;
    }

    static ConsumerRecord<String, VerificationCompleted> awaitVerification(String declarationId) {
        return TopicProbe.awaitRecord(Topics.ASW_VERIFICATIONS, VerificationCompleted.class,
                r -> declarationId.equals(r.key()), WAIT);
    }

    @Test
    void anAcceptedDeclarationIsVerifiedAgainstAswAndPublishedWithASignedCode() {
        DeclarationAccepted accepted = TestDeclarations.accepted("DECL-IT-1", "CO-IT-1", "Shenzhen Widgets Co.", "MY");
        String certificate = acceptAndIssue("DECL-IT-1", accepted);

        VerificationCompleted event = awaitVerification("DECL-IT-1").value();

        String expectedHash = CanonicalContent.documentHash(DeclarationMapper.toDomain("DECL-IT-1", accepted));
        assertThat(event.getOutcome()).isEqualTo(VerificationOutcome.VERIFIED);
        assertThat(event.getSupplierId()).isEqualTo("SUP-1");
        assertThat(event.getReferenceNumber()).isEqualTo("CO-IT-1");
        assertThat(event.getDocumentHash()).isEqualTo(expectedHash);
        assertThat(event.getAswReference()).startsWith("ASW-MY-");
        assertThat(event.getDocumentIntegrity().getStatus()).isEqualTo(CheckStatus.VALID);
        assertThat(event.getIssuanceStatus().getStatus()).isEqualTo(CheckStatus.VALID);
        assertThat(event.getIssuerIdentity().getStatus()).isEqualTo(CheckStatus.VALID);
        Map<String, Object> claims = TokenVerifier.of(keys, Clock.systemUTC())
                .verify(JwsVerificationCodes.TYPE, "asw-verification", event.getVerificationCode());
        assertThat(claims).containsEntry("declarationId", "DECL-IT-1").containsEntry("coReferenceNumber", "CO-IT-1")
                .containsEntry("aswReference", event.getAswReference()).containsEntry("outcome", "VERIFIED")
                .containsEntry("documentHash", expectedHash).containsEntry("shortCode", event.getShortCode());
        assertThat(event.getVersion()).isEqualTo(1);
        assertThat(ShortCode.checks(event.getShortCode())).isTrue();
        assertThat(event.getChannel()).isEqualTo("ASW-MY");
        assertThat(event.getCertificateNumber()).isEqualTo(certificate);
        assertThat(event.getIssuingAuthority()).isEqualTo("CN-CCPIT");
        assertThat(claims).containsEntry("channel", "ASW-MY").containsEntry("certificateNumber", certificate);
    }

    @Test
    void theSameAcceptedRecordDeliveredTwiceCallsAswOnceAndPublishesTheSameCodeAgain() {
        DeclarationAccepted accepted = TestDeclarations.accepted("DECL-IT-5", "CO-IT-5", "Shenzhen Widgets Co.", "MY");
        acceptAndIssue("DECL-IT-5", accepted);
        VerificationCompleted first = awaitVerification("DECL-IT-5").value();
        double callsAfterFirst = aswCalls();

        TopicProbe.sendAvro(Topics.DECLARATIONS_ACCEPTED, "DECL-IT-5", accepted);
        List<VerificationCompleted> published = Awaitility.await().atMost(WAIT).until(
                () -> TopicProbe.valuesUpToEnd(Topics.ASW_VERIFICATIONS, "DECL-IT-5", VerificationCompleted.class),
                values -> values.size() >= 2);

        assertThat(published).hasSize(2);
        assertThat(published.get(1)).isEqualTo(first);
        assertThat(published.get(1).getVerificationCode()).isEqualTo(first.getVerificationCode());
        assertThat(published.get(1).getShortCode()).isEqualTo(first.getShortCode());
        assertThat(aswCalls()).isEqualTo(callsAfterFirst);
        assertThat(meters.counter("originbridge.asw.republished", "outcome", "VERIFIED").count()).isGreaterThanOrEqualTo(1);
    }

    /** Fault suite (g): a crash between the ledger write and the publish; the redelivery publishes exactly once. */
    @Test
    void aCrashBetweenTheLedgerWriteAndThePublishEndsWithExactlyOnePublicationAndOneAswCall() {
        DeclarationAccepted accepted = TestDeclarations.accepted("DECL-IT-CRASH", "CO-IT-CRASH", "Shenzhen Widgets Co.", "MY");
        double callsBefore = aswCalls();
        double republishedBefore = republished();
        CRASH_ONCE.add("DECL-IT-CRASH");
        acceptAndIssue("DECL-IT-CRASH", accepted);

        VerificationCompleted published = awaitVerification("DECL-IT-CRASH").value();
        assertThat(CRASH_ONCE).doesNotContain("DECL-IT-CRASH"); // the crash did happen
        // the redelivery found the recorded outcome and published it (the last step of its processing)
        Awaitility.await().atMost(WAIT).until(() -> republished() >= republishedBefore + 1);
        assertThat(TopicProbe.valuesUpToEnd(Topics.ASW_VERIFICATIONS, "DECL-IT-CRASH", VerificationCompleted.class))
                .containsExactly(published);
        assertThat(published.getVersion()).isEqualTo(1);
        assertThat(aswCalls() - callsBefore).isEqualTo(1.0);
    }

    private double republished() {
        return meters.find("originbridge.asw.republished").counters().stream().mapToDouble(c -> c.count()).sum();
    }

    @Test
    void theServicePublishesItsPublicKeyOnSigningKeys() {
        ConsumerRecord<String, SigningKeyPublished> record = TopicProbe.awaitRecord(Topics.SIGNING_KEYS, SigningKeyPublished.class,
                r -> keys.current().kid().equals(r.key()), WAIT);

        assertThat(record.value().getService()).isEqualTo("asw-verification");
        assertThat(record.value().getCurrent()).isTrue();
        assertThat(record.value().getJwk()).contains("\"kid\":\"" + keys.current().kid() + "\"").doesNotContain("\"d\"");
    }

    @Test
    void aswUnavailableBeyondTheCallsRetriesIsRetriedByTheContainerThenSucceeds() {
        double exhaustedBefore = exhaustedCalls();
        // 4 failures: the 3 attempts of the first try, then 1 more when the batch retries the record in place.
        SandboxProcess.chaos("{\"failNext\":4,\"failNextStatus\":503}");
        acceptAndIssue("DECL-IT-2", TestDeclarations.accepted("DECL-IT-2", "CO-IT-2", "Shenzhen Widgets Co.", "MY"));

        VerificationCompleted event = awaitVerification("DECL-IT-2").value();

        assertThat(event.getOutcome()).isEqualTo(VerificationOutcome.VERIFIED);
        assertThat(SandboxProcess.chaos()).contains("\"failNext\":0");
        assertThat(exhaustedCalls()).isEqualTo(exhaustedBefore + 1);
    }

    @Test
    void aPermanentRefusalBecomesAFailedOutcomeWithTheReason() {
        acceptAndIssue("DECL-IT-3", TestDeclarations.accepted("DECL-IT-3", "CO-IT-3", "X".repeat(201), "MY"));

        VerificationCompleted event = awaitVerification("DECL-IT-3").value();

        assertThat(event.getOutcome()).isEqualTo(VerificationOutcome.FAILED);
        assertThat(event.getReason()).contains("HTTP 400").contains("exporterName");
        assertThat(event.getVerificationCode()).isNull();
        assertThat(event.getIssuerIdentity().getStatus()).isEqualTo(CheckStatus.SKIPPED);
    }

    @Test
    void aDeclarationWithoutWhatAswNeedsIsDeadLetteredAtOnce() {
        DeclarationAccepted complete = TestDeclarations.accepted("DECL-IT-4", "CO-IT-4", "Shenzhen Widgets Co.", "MY");
        DeclarationAccepted incomplete = DeclarationAccepted.newBuilder(complete)
                .setDeclaration(DeclarationSubmitted.newBuilder(complete.getDeclaration()).setReferenceNumber(null).build())
                .build();
        TopicProbe.sendAvro(Topics.DECLARATIONS_ACCEPTED, "DECL-IT-4", incomplete);

        ConsumerRecord<String, byte[]> dead = TopicProbe.awaitRawRecord(
                Topics.deadLetter(Topics.DECLARATIONS_ACCEPTED, "asw-verification"), r -> "DECL-IT-4".equals(r.key()), WAIT);

        String message = new String(dead.headers().lastHeader("kafka_dlt-exception-message").value(), StandardCharsets.UTF_8);
        assertThat(message).contains("declaration.referenceNumber");
    }

    private double aswCalls() {
        return meters.find("originbridge.external.calls").tags("system", "asw").timers().stream().mapToLong(Timer::count).sum();
    }

    /**
     * Fault suite, short outage: ASW answers 503 to everything for ~20 s (far beyond the old ~7.5 s
     * retry budget) while declarations keep arriving. The breaker opens, the listener pauses, and
     * when ASW is back every declaration is verified exactly once and nothing is dead-lettered.
     */
    @Test
    void anAswOutageUnderLoadEndsWithEveryDeclarationVerifiedOnceAndNoDeadLetter() throws InterruptedException {
        String run = UUID.randomUUID().toString().substring(0, 6);
        List<String> ids = IntStream.range(0, 8).mapToObj(i -> "DECL-OUT-" + run + "-" + i).toList();
        SandboxProcess.chaos("{\"failureRate\":1.0}");
        try {
            for (String id : ids) {
                acceptAndIssue(id, TestDeclarations.accepted(id, "CO-" + id, "Shenzhen Widgets Co.", "MY"));
                Thread.sleep(1_000); // a small, steady load during the outage
            }
            Awaitility.await().atMost(WAIT).until(() -> aswExternalCall.breakerState() == CircuitBreaker.State.OPEN
                    || listeners.getListenerContainer("asw-verification-accepted").isPauseRequested());
            Thread.sleep(12_000); // the outage lasts on (~20 s in all), through half-open probes that fail
        } finally {
            SandboxProcess.chaos("{\"failNext\":0,\"failureRate\":0}");
        }

        for (String id : ids) {
            assertThat(awaitVerification(id).value().getOutcome()).isEqualTo(VerificationOutcome.VERIFIED);
        }
        for (String id : ids) {
            assertThat(TopicProbe.valuesUpToEnd(Topics.ASW_VERIFICATIONS, id, VerificationCompleted.class))
                    .as("exactly one outcome for %s", id).hasSize(1);
            assertThat(TopicProbe.valuesUpToEnd(Topics.deadLetter(Topics.DECLARATIONS_ACCEPTED, "asw-verification"), id,
                    DeclarationAccepted.class)).as("no dead letter for %s", id).isEmpty();
        }
        assertThat(listeners.getListenerContainer("asw-verification-accepted").isInExpectedState()).isTrue();
    }

    /** Fault suite, poison: a value naming a schema id the registry never issued is dead-lettered at once; the next record passes. */
    @Test
    void aRecordWithAnUnknownSchemaIdIsDeadLetteredAtOnceAndThePartitionMovesOn() {
        String poison = "DECL-UNKNOWN-SCHEMA-" + UUID.randomUUID().toString().substring(0, 6);
        String next = "DECL-AFTER-UNKNOWN-" + UUID.randomUUID().toString().substring(0, 6);
        TopicProbe.sendRaw(Topics.DECLARATIONS_ACCEPTED, poison, new byte[] {0, 0x7f, 0x7f, 0x7f, 0x70, 2, 4, 6});
        acceptAndIssue(next, TestDeclarations.accepted(next, "CO-" + next, "Shenzhen Widgets Co.", "MY"));

        TopicProbe.awaitRawRecord(Topics.deadLetter(Topics.DECLARATIONS_ACCEPTED, "asw-verification"),
                r -> poison.equals(r.key()), WAIT);
        assertThat(awaitVerification(next).value().getOutcome()).isEqualTo(VerificationOutcome.VERIFIED);
    }

    private double exhaustedCalls() {
        Timer timer = meters.find("originbridge.external.calls").tags("system", "asw", "outcome", "transient").timer();
        return timer == null ? 0 : timer.count();
    }

    // --- issue 10: the right order, routing by destination, revocation --------------------------

    @Test
    void issuedBeforeTheAcceptedRecordIsSeen_theIssuedCertificateIsVerifiedOnceBothAreThere() {
        String id = "DECL-ORDER-" + UUID.randomUUID().toString().substring(0, 6);
        String certificate = certificateNumber();
        TopicProbe.sendAvro(Topics.ECO_ISSUANCE_STATUS, id, TestDeclarations.issued(id, certificate, "CN-CCPIT"));
        TopicProbe.sendAvro(Topics.DECLARATIONS_ACCEPTED, id, TestDeclarations.accepted(id, "CO-" + id, "Shenzhen Widgets Co.", "MY"));

        VerificationCompleted event = awaitVerification(id).value();

        assertThat(event.getOutcome()).isEqualTo(VerificationOutcome.VERIFIED);
        assertThat(event.getCertificateNumber()).isEqualTo(certificate);
        assertThat(event.getIssuanceStatus().getReason()).contains(certificate).contains("CN-CCPIT");
    }

    @Test
    void anAcceptedCertificateOfOriginIsNotVerifiedBeforeItsIssuance() {
        String id = "DECL-WAIT-" + UUID.randomUUID().toString().substring(0, 6);
        String probe = "DECL-WAIT-PROBE-" + UUID.randomUUID().toString().substring(0, 6);
        TopicProbe.sendAvro(Topics.DECLARATIONS_ACCEPTED, id, TestDeclarations.accepted(id, "CO-" + id, "Shenzhen Widgets Co.", "MY"));
        // a later declaration (same partition or not) verified shows the first one was processed, and waits
        acceptAndIssue(probe, TestDeclarations.accepted(probe, "CO-" + probe, "Shenzhen Widgets Co.", "MY"));
        awaitVerification(probe);
        Awaitility.await().atMost(WAIT).until(() -> meters.counter("originbridge.asw.awaiting-issuance").count() >= 1);

        assertThat(TopicProbe.valuesUpToEnd(Topics.ASW_VERIFICATIONS, id, VerificationCompleted.class)).isEmpty();
    }

    @Test
    void vietnamToJapanGoesToJapanCustoms_andChinaToTheUnitedStatesIsNotApplicable() {
        String vnJp = "DECL-VNJP-" + UUID.randomUUID().toString().substring(0, 6);
        String cnUs = "DECL-CNUS-" + UUID.randomUUID().toString().substring(0, 6);
        TopicProbe.sendAvro(Topics.DECLARATIONS_ACCEPTED, vnJp, TestDeclarations.acceptedFrom(vnJp, "VN", "JP"));
        TopicProbe.sendAvro(Topics.ECO_ISSUANCE_STATUS, vnJp,
                TestDeclarations.issued(vnJp, "VN-MOIT-RCEP-2026-" + Math.abs(vnJp.hashCode() % 1_000_000), "VN-MOIT"));
        acceptAndIssue(cnUs, TestDeclarations.acceptedFrom(cnUs, "CN", "US"));

        VerificationCompleted japan = awaitVerification(vnJp).value();
        VerificationCompleted us = awaitVerification(cnUs).value();

        assertThat(japan.getOutcome()).isEqualTo(VerificationOutcome.VERIFIED);
        assertThat(japan.getChannel()).isEqualTo("JP-CUSTOMS");
        assertThat(japan.getAswReference()).startsWith("JP-CUSTOMS-");
        assertThat(japan.getIssuingAuthority()).isEqualTo("VN-MOIT");
        assertThat(us.getOutcome()).isEqualTo(VerificationOutcome.NOT_APPLICABLE);
        assertThat(us.getReason()).contains("US is not an RCEP Party");
        assertThat(us.getVerificationCode()).isNull();
        assertThat(us.getShortCode()).isNull();
    }

    @Test
    void aRevocationAtTheDestinationIsPublishedAsTheNextVersionNotVerified() {
        String id = "DECL-REVD-" + UUID.randomUUID().toString().substring(0, 6);
        String certificate = acceptAndIssue(id, TestDeclarations.accepted(id, "CO-" + id, "Shenzhen Widgets Co.", "MY"));
        VerificationCompleted verified = awaitVerification(id).value();
        assertThat(verified.getOutcome()).isEqualTo(VerificationOutcome.VERIFIED);

        SandboxProcess.revokeAtDestination("ASW-MY", certificate, "origin not confirmed by Malaysian customs");

        List<VerificationCompleted> events = Awaitility.await().atMost(WAIT).until(
                () -> TopicProbe.valuesUpToEnd(Topics.ASW_VERIFICATIONS, id, VerificationCompleted.class), v -> v.size() >= 2);
        VerificationCompleted revoked = events.get(events.size() - 1);
        assertThat(revoked.getOutcome()).isEqualTo(VerificationOutcome.NOT_VERIFIED);
        assertThat(revoked.getReason()).isEqualTo("revoked by ASW-MY: origin not confirmed by Malaysian customs");
        assertThat(revoked.getVersion()).isEqualTo(verified.getVersion() + 1);
        assertThat(revoked.getShortCode()).isEqualTo(verified.getShortCode());
    }

    @Test
    void aRevocationByTheIssuingAuthorityIsPublishedAsTheNextVersionNotVerified() {
        String id = "DECL-REVI-" + UUID.randomUUID().toString().substring(0, 6);
        String certificate = acceptAndIssue(id, TestDeclarations.accepted(id, "CO-" + id, "Shenzhen Widgets Co.", "MY"));
        awaitVerification(id);

        TopicProbe.sendAvro(Topics.ECO_ISSUANCE_STATUS, id, TestDeclarations.revoked(id, certificate));

        List<VerificationCompleted> events = Awaitility.await().atMost(WAIT).until(
                () -> TopicProbe.valuesUpToEnd(Topics.ASW_VERIFICATIONS, id, VerificationCompleted.class), v -> v.size() >= 2);
        assertThat(events.get(1).getOutcome()).isEqualTo(VerificationOutcome.NOT_VERIFIED);
        assertThat(events.get(1).getReason()).isEqualTo("revoked by CN-CCPIT: withdrawn by the exporter");
    }
}
