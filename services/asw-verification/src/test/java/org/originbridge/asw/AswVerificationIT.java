package org.originbridge.asw;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
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
import org.originbridge.platform.signing.TokenSigner;
import org.originbridge.testsupport.RealInfrastructure;
import org.originbridge.testsupport.TopicProbe;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * asw-verification end to end on real infrastructure: a real Kafka broker and Apicurio Registry
 * (RealInfrastructure), and the real sandbox as a separate process playing ASW over HTTP, called
 * with tokens from the sandbox's OAuth2 token endpoint (client credentials).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "originbridge.signing.secret=it-only-signing-secret-0123456789abcdef",
    // OAuth2 client credentials at the sandbox's ASW token endpoint (the static token path is AswRestClientTest's)
    "originbridge.asw.oauth.client-id=" + SandboxProcess.ASW_OAUTH_CLIENT_ID,
    "originbridge.asw.oauth.client-secret=" + SandboxProcess.ASW_OAUTH_CLIENT_SECRET,
    "originbridge.asw.retry.max-attempts=3",
    "originbridge.asw.retry.initial-backoff=50ms",
    "originbridge.asw.retry.max-backoff=100ms",
    "originbridge.kafka.retry.initial-interval=200ms",
})
class AswVerificationIT {

    static final Duration WAIT = Duration.ofSeconds(60);

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        RealInfrastructure.registerProperties(registry);
        registry.add("originbridge.asw.base-url", SandboxProcess::baseUrl);
        registry.add("originbridge.asw.oauth.token-uri", () -> SandboxProcess.baseUrl() + "/asw/oauth2/token");
    }

    @Autowired TokenSigner signer;
    @Autowired MeterRegistry meters;

    @AfterEach
    void calmSandbox() {
        SandboxProcess.chaos("{\"failNext\":0,\"failureRate\":0}");
    }

    static ConsumerRecord<String, VerificationCompleted> awaitVerification(String declarationId) {
        return TopicProbe.awaitRecord(Topics.ASW_VERIFICATIONS, VerificationCompleted.class,
                r -> declarationId.equals(r.key()), WAIT);
    }

    @Test
    void anAcceptedDeclarationIsVerifiedAgainstAswAndPublishedWithASignedCode() {
        DeclarationAccepted accepted = TestDeclarations.accepted("DECL-IT-1", "CO-IT-1", "Shenzhen Widgets Co.", "MY");
        TopicProbe.sendAvro(Topics.DECLARATIONS_ACCEPTED, "DECL-IT-1", accepted);

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
        Map<String, Object> claims = signer.verify(JwsVerificationCodes.TYPE, event.getVerificationCode());
        assertThat(claims).containsEntry("declarationId", "DECL-IT-1").containsEntry("coReferenceNumber", "CO-IT-1")
                .containsEntry("aswReference", event.getAswReference()).containsEntry("outcome", "VERIFIED")
                .containsEntry("documentHash", expectedHash);
    }

    @Test
    void aswUnavailableBeyondTheCallsRetriesIsRetriedByTheContainerThenSucceeds() {
        double exhaustedBefore = exhaustedCalls();
        // 4 failures: the 3 attempts of the first delivery, then 1 more on the container's retry.
        SandboxProcess.chaos("{\"failNext\":4,\"failNextStatus\":503}");
        TopicProbe.sendAvro(Topics.DECLARATIONS_ACCEPTED, "DECL-IT-2",
                TestDeclarations.accepted("DECL-IT-2", "CO-IT-2", "Shenzhen Widgets Co.", "MY"));

        VerificationCompleted event = awaitVerification("DECL-IT-2").value();

        assertThat(event.getOutcome()).isEqualTo(VerificationOutcome.VERIFIED);
        assertThat(SandboxProcess.chaos()).contains("\"failNext\":0");
        assertThat(exhaustedCalls()).isEqualTo(exhaustedBefore + 1);
    }

    @Test
    void aPermanentRefusalBecomesAFailedOutcomeWithTheReason() {
        TopicProbe.sendAvro(Topics.DECLARATIONS_ACCEPTED, "DECL-IT-3",
                TestDeclarations.accepted("DECL-IT-3", "CO-IT-3", "X".repeat(201), "MY"));

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

    private double exhaustedCalls() {
        Timer timer = meters.find("originbridge.external.calls").tags("system", "asw", "outcome", "transient").timer();
        return timer == null ? 0 : timer.count();
    }
}
