package org.originbridge.ccpit;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.imageio.ImageIO;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.originbridge.events.ccpit.IssuanceStatus;
import org.originbridge.events.ccpit.IssuanceStatusChanged;
import org.originbridge.events.common.Party;
import org.originbridge.events.intake.DeclarationAccepted;
import org.originbridge.events.intake.DeclarationSubmitted;
import org.originbridge.events.intake.OriginPreCheck;
import org.originbridge.events.intake.PreCheckStatus;
import org.originbridge.platform.Topics;
import org.originbridge.platform.signing.SigningKeys;
import org.originbridge.platform.signing.TokenVerifier;
import org.originbridge.sandbox.SandboxApplication;
import org.originbridge.testsupport.AvroBuilders;
import org.originbridge.testsupport.EmbeddedMongo;
import org.originbridge.testsupport.RealInfrastructure;
import org.originbridge.testsupport.TestIssuer;
import org.originbridge.testsupport.WithoutSecurity;
import org.originbridge.testsupport.TopicProbe;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * ccpit-sync against a real broker, registry and MongoDB wire server, and the CCPIT sandbox
 * application itself on a real port (its clock advanced by the test instead of sleeping). The
 * exporter's calls carry tokens from the sandbox's CCPIT token endpoint, got with that exporter's
 * own OAuth2 client credentials (the sandbox accepts a token only with its own applicant's id).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "originbridge.ccpit.oauth.clients=" + CcpitSyncIT.SUPPLIER + "=" + CcpitSyncIT.SUPPLIER_SECRET,
        "originbridge.ccpit.poll-interval=200ms",
        "originbridge.ccpit.retry.initial-backoff=50ms",
        "originbridge.ccpit.qr.public-base-url=" + CcpitSyncIT.PUBLIC_BASE,
        "originbridge.ccpit.vn-moit.applicant-tokens=" + CcpitSyncIT.VN_SUPPLIER + "=" + CcpitSyncIT.VN_TOKEN,
        "originbridge.ccpit.callback.secrets=VN-MOIT=" + CcpitSyncIT.VN_CALLBACK_SECRET,
})
@org.springframework.context.annotation.Import(CcpitSyncIT.CrashBeforePublish.class)
class CcpitSyncIT {

    /**
     * Fault hook for the write-then-publish crash (fault suite g): the first publish of a declaration
     * named in {@link #CRASH_ONCE} fails after the status change was stored, as if the process died
     * there. The offset is not committed, so the record comes again (as to a restarted instance).
     */
    static final java.util.Set<String> CRASH_ONCE = java.util.concurrent.ConcurrentHashMap.newKeySet();

    @org.springframework.boot.test.context.TestConfiguration(proxyBeanMethods = false)
    static class CrashBeforePublish {
        @org.springframework.context.annotation.Bean
        static org.springframework.beans.factory.config.BeanPostProcessor crashBeforePublish() {
            return new org.springframework.beans.factory.config.BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    if (bean instanceof org.originbridge.ccpit.domain.StatusPublisher real) {
                        return (org.originbridge.ccpit.domain.StatusPublisher) (application, qrToken) -> {
                            if (CRASH_ONCE.remove(application.declarationId())) {
                                throw new org.originbridge.platform.errors.RetryLater(
                                        "simulated crash after the store write, before the publish", null);
                            }
                            real.publish(application, qrToken);
                        };
                    }
                    return bean;
                }
            };
        }
    }

    static final java.nio.file.Path KEY_DIR = keyDir();

    static java.nio.file.Path keyDir() {
        try {
            return java.nio.file.Files.createTempDirectory("ccpit-it-keys");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
    static final String SUPPLIER = "SUP-SZ-POWERTECH";
    static final String SUPPLIER_SECRET = "ccpit-it-client-secret-powertech";
    static final String PUBLIC_BASE = "https://verify.example.test";
    static final String VN_SUPPLIER = "SUP-HCM-FOOTWEAR";
    static final String VN_TOKEN = "ccpit-it-vn-moit-token-footwear";
    static final String VN_CALLBACK_SECRET = "ccpit-it-vn-moit-callback-secret";
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private static ConfigurableApplicationContext sandbox;
    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;
    /** Actuator listens on its own port (management.server.port), not on the API port. */
    @LocalManagementPort
    int managementPort;

    @Autowired
    MeterRegistry meters;

    @Autowired
    SigningKeys keys;

    @Autowired
    org.springframework.core.env.Environment environment;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        RealInfrastructure.registerProperties(registry);
        EmbeddedMongo.registerProperties(registry, "ccpit-sync-it");
        registry.add("originbridge.signing.key-dir", KEY_DIR::toString);
        TestIssuer.registerProperties(registry);
        registry.add("originbridge.ccpit.base-url", CcpitSyncIT::sandboxUrl);
        registry.add("originbridge.ccpit.oauth.token-uri", () -> sandboxUrl() + "/ccpit/oauth2/token");
        registry.add("originbridge.ccpit.vn-moit.base-url", CcpitSyncIT::sandboxUrl);
    }

    /** The sandbox application in this JVM: CCPIT steps of 1 h, so only the test moves an application on. */
    static synchronized String sandboxUrl() {
        if (sandbox == null) {
            sandbox = new SpringApplicationBuilder(SandboxApplication.class).run(
                    "--server.port=0", "--spring.application.name=originbridge-sandbox",
                    "--sandbox.ccpit.oauth-clients=" + SUPPLIER + "=" + SUPPLIER_SECRET,
                    "--sandbox.ccpit.step=1h", "--sandbox.latency.min=0ms", "--sandbox.latency.max=2ms",
                    "--sandbox.vn-moit.enterprise-tokens=" + VN_SUPPLIER + "=" + VN_TOKEN, "--sandbox.vn-moit.step=1h",
                    "--spring.jmx.enabled=false",
                    "--spring.autoconfigure.exclude="
                            + "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration,"
                            + "org.originbridge.platform.kafka.KafkaPlatformAutoConfiguration,"
                            + "org.originbridge.platform.signing.SigningAutoConfiguration,"
                            + "org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration,"
                            + WithoutSecurity.AUTOCONFIGURATIONS);
        }
        return "http://127.0.0.1:" + ((WebServerApplicationContext) sandbox).getWebServer().getPort();
    }

    @AfterAll
    static void stopSandbox() {
        if (sandbox != null) {
            sandbox.close();
            sandbox = null;
        }
    }

    @Test
    void anAcceptedDeclarationIsIssuedThroughATransient503WithAVerifiableQrCode() throws Exception {
        String declarationId = "DECL-IT-" + UUID.randomUUID();
        // Given CCPIT answers the next request with 503
        String chaos = sandboxCall("PUT", "/sandbox/chaos", "{\"failNext\":1,\"failNextStatus\":503}");
        assertThat(chaos).contains("\"failNext\":1");

        // When the declaration is accepted
        TopicProbe.sendAvro(Topics.DECLARATIONS_ACCEPTED, declarationId, accepted(declarationId, SUPPLIER));

        // Then the submission is retried past the 503 and the application is SUBMITTED
        awaitStatus(declarationId, IssuanceStatus.SUBMITTED);
        assertThat(sandboxCall("GET", "/sandbox/chaos", null)).as("the scripted 503 was consumed").contains("\"failNext\":0");
        assertThat(meters.find("originbridge.external.calls").tags("system", "ccpit", "operation", "submit",
                "outcome", "success").timer().count()).as("retried inside ExternalCall, not failed").isEqualTo(1);
        assertThat(meters.find("originbridge.external.calls").tags("operation", "submit", "outcome", "transient").timer())
                .isNull();

        // And as CCPIT time passes the status follows it to ISSUED
        sandboxCall("POST", "/sandbox/clock/advance?seconds=3600", "");
        awaitStatus(declarationId, IssuanceStatus.UNDER_REVIEW);
        sandboxCall("POST", "/sandbox/clock/advance?seconds=3600", "");
        IssuanceStatusChanged issued = awaitStatus(declarationId, IssuanceStatus.ISSUED);

        List<IssuanceStatusChanged> all = TopicProbe.valuesUpToEnd(Topics.ECO_ISSUANCE_STATUS, declarationId, IssuanceStatusChanged.class);
        assertThat(all).extracting(IssuanceStatusChanged::getStatus).containsExactly(IssuanceStatus.REQUESTED,
                IssuanceStatus.SUBMITTED, IssuanceStatus.UNDER_REVIEW, IssuanceStatus.ISSUED);
        assertThat(all).extracting(IssuanceStatusChanged::getSequence).containsExactly(1, 2, 3, 4);
        assertThat(all).extracting(IssuanceStatusChanged::getPreviousStatus).containsExactly(null,
                IssuanceStatus.REQUESTED, IssuanceStatus.SUBMITTED, IssuanceStatus.UNDER_REVIEW);
        assertThat(all).allSatisfy(e -> assertThat(e.getSupplierId()).isEqualTo(SUPPLIER));
        assertThat(issued.getCertificateNumber()).startsWith("CCPIT-RCEP-");
        assertThat(issued.getQueryUrl()).contains("/ccpit/v1/certificates/" + issued.getCertificateNumber());
        assertThat(issued.getApplicationId()).isNotBlank();
        assertThat(issued.getIssuingAuthority()).isEqualTo("CN-CCPIT");
        assertThat(all).allSatisfy(e -> assertThat(e.getIssuingAuthority()).isEqualTo("CN-CCPIT"));
        assertThat(issued.getAuthorityVerificationCode()).matches("[A-Z2-9]{8}");
        assertThat(issued.getQueryUrl()).contains("verificationCode=" + issued.getAuthorityVerificationCode());
        // queryUrl answers (the public lookup at the authority: it used to answer 400)
        HttpResponse<String> lookup = http.send(HttpRequest.newBuilder(URI.create(issued.getQueryUrl())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(lookup.statusCode()).isEqualTo(200);
        assertThat(lookup.body()).contains(issued.getCertificateNumber());
        // the certificate document was retrieved: served to the tenant and to the importer the declaration names,
        // its SHA-256 the event's documentSha256
        HttpResponse<byte[]> document = get("/api/v1/declarations/" + declarationId + "/certificate-document", true,
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(document.statusCode()).isEqualTo(200);
        assertThat(document.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/xml"));
        assertThat(sha256(document.body())).isEqualTo(issued.getDocumentSha256());
        assertThat(new String(document.body(), java.nio.charset.StandardCharsets.UTF_8))
                .contains("<CertificateNumber>" + issued.getCertificateNumber(), "<Description>Power adapters 65 W");
        HttpResponse<byte[]> importerCopy = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/api/v1/declarations/" + declarationId + "/certificate-document")).header("Authorization",
                TestIssuer.bearer(TestIssuer.shared().importer("JP-OSAKA-DENKI"))).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(importerCopy.statusCode()).isEqualTo(200);
        assertThat(importerCopy.body()).isEqualTo(document.body());
        assertThat(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/declarations/"
                + declarationId + "/certificate-document")).header("Authorization",
                TestIssuer.bearer(TestIssuer.shared().importer("KR-OTHER-BUYER"))).build(), HttpResponse.BodyHandlers.ofString())
                .statusCode()).as("another importer").isEqualTo(404);

        // The event's QR token verifies against ccpit-sync's public key only (ES256, kid)
        TokenVerifier verifier = TokenVerifier.of(keys, Clock.systemUTC());
        Map<String, Object> claims = verifier.verify("ccpit-qr", "ccpit-sync", issued.getQrToken());
        assertThat(claims).containsEntry("declarationId", declarationId)
                .containsEntry("certificateNumber", issued.getCertificateNumber());

        // The QR token is signed once per certificate: the endpoint answers the very token of the event
        HttpResponse<String> qr = get("/api/v1/declarations/" + declarationId + "/qr", true, HttpResponse.BodyHandlers.ofString());
        assertThat(qr.statusCode()).isEqualTo(200);
        String token = qr.body().replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
        assertThat(token).isEqualTo(issued.getQrToken());
        assertThat(verifier.verify("ccpit-qr", "ccpit-sync", token)).containsEntry("declarationId", declarationId);
        assertThat(qr.body()).contains("\"verificationUrl\":\"" + PUBLIC_BASE + "/api/v1/public/qr/" + token + "\"");

        HttpResponse<byte[]> png = get("/api/v1/declarations/" + declarationId + "/qr.png", true,
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(png.headers().firstValue("Content-Type")).contains("image/png");
        String encoded = decodeQr(png.body());
        assertThat(encoded).startsWith(PUBLIC_BASE + "/api/v1/public/qr/");
        assertThat(verifier.verify("ccpit-qr", "ccpit-sync", encoded.substring(encoded.lastIndexOf('/') + 1)))
                .containsEntry("certificateNumber", issued.getCertificateNumber());

        assertThat(get("/api/v1/declarations/" + declarationId + "/qr", false, HttpResponse.BodyHandlers.ofString())
                .statusCode()).isEqualTo(401);
        // another exporter's token: the declaration is unknown to it
        HttpResponse<String> foreign = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/api/v1/declarations/" + declarationId + "/qr")).header("Authorization",
                TestIssuer.bearer(TestIssuer.shared().exporter("SUP-SOMEONE-ELSE"))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(foreign.statusCode()).isEqualTo(404);
        assertThat(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + "/actuator/health"))
                .build(), HttpResponse.BodyHandlers.ofString()).body()).contains("\"status\":\"UP\"");
        assertThat(get("/actuator/health", false, HttpResponse.BodyHandlers.ofString()).statusCode())
                .as("not on the API port").isIn(401, 404);
    }

    @Test
    void aSupplierWithoutCcpitCredentialsEndsFailedWithTheReason() {
        String declarationId = "DECL-IT-NOCRED-" + UUID.randomUUID();
        TopicProbe.sendAvro(Topics.DECLARATIONS_ACCEPTED, declarationId, accepted(declarationId, "SUP-WITHOUT-TOKEN"));

        IssuanceStatusChanged failed = awaitStatus(declarationId, IssuanceStatus.FAILED);
        assertThat(failed.getReason()).startsWith("no CN-CCPIT applicant credentials for supplier SUP-WITHOUT-TOKEN");
        assertThat(failed.getPreviousStatus()).isEqualTo(IssuanceStatus.REQUESTED);
        assertThat(failed.getSequence()).isEqualTo(2);
    }

    /** Fault suite (g): a crash between storing REQUESTED and publishing it; the redelivery publishes each change once. */
    @Test
    void aCrashBetweenTheStoreWriteAndThePublishEndsWithEachChangePublishedOnceAndOneCcpitApplication() {
        String declarationId = "DECL-IT-CRASH-" + UUID.randomUUID();
        CRASH_ONCE.add(declarationId);
        TopicProbe.sendAvro(Topics.DECLARATIONS_ACCEPTED, declarationId, accepted(declarationId, SUPPLIER));

        awaitStatus(declarationId, IssuanceStatus.SUBMITTED);
        assertThat(CRASH_ONCE).doesNotContain(declarationId); // the crash did happen
        List<IssuanceStatusChanged> published = TopicProbe.valuesUpToEnd(Topics.ECO_ISSUANCE_STATUS, declarationId,
                IssuanceStatusChanged.class);
        assertThat(published).extracting(IssuanceStatusChanged::getStatus)
                .containsExactly(IssuanceStatus.REQUESTED, IssuanceStatus.SUBMITTED);
        assertThat(published).extracting(IssuanceStatusChanged::getSequence).containsExactly(1, 2);
        // one application at CCPIT, under one idempotency key (the sandbox's call ledger)
        org.originbridge.sandbox.ledger.CallLedger.Entry calls = sandbox.getBean(org.originbridge.sandbox.ledger.CallLedger.class)
                .entries(org.originbridge.sandbox.ledger.CallLedger.Party.CCPIT).get(declarationId);
        assertThat(calls.calls()).isEqualTo(1);
        assertThat(calls.idempotencyKeys()).containsExactly(declarationId);
    }

    /**
     * Issue 11: accepted declarations are taken in one poll at a time and filed concurrently; a poison record in the
     * middle of a batch (a schema id the registry never issued) is dead-lettered alone with the reason, every other
     * declaration of the batch is filed exactly once (one application, one idempotency key) and published in order.
     */
    @Test
    void aPoisonRecordInABatchIsDeadLetteredAloneAndEveryOtherDeclarationIsFiledOnceInOrder() {
        String run = UUID.randomUUID().toString().substring(0, 6);
        List<String> ids = new java.util.ArrayList<>();
        String poison = "DECL-IT-POISON-" + run;
        for (int i = 0; i < 12; i++) {
            String id = "DECL-IT-BATCH-" + run + "-" + i;
            ids.add(id);
            TopicProbe.sendAvro(Topics.DECLARATIONS_ACCEPTED, id, accepted(id, SUPPLIER));
            if (i == 5) {
                TopicProbe.sendRaw(Topics.DECLARATIONS_ACCEPTED, poison, new byte[] {0, 0x7f, 0x7f, 0x7f, 0x70, 2, 4, 6});
            }
        }

        ConsumerRecord<String, byte[]> dead = TopicProbe.awaitRawRecord(
                Topics.deadLetter(Topics.DECLARATIONS_ACCEPTED, environment.getProperty("spring.application.name")),
                r -> poison.equals(r.key()), TIMEOUT);
        assertThat(dead.headers().lastHeader("kafka_dlt-exception-message")).isNotNull();
        org.originbridge.sandbox.ledger.CallLedger ledger = sandbox.getBean(org.originbridge.sandbox.ledger.CallLedger.class);
        for (String id : ids) {
            awaitStatus(id, IssuanceStatus.SUBMITTED);
            assertThat(TopicProbe.valuesUpToEnd(Topics.ECO_ISSUANCE_STATUS, id, IssuanceStatusChanged.class))
                    .extracting(IssuanceStatusChanged::getSequence).as("published once each, in order: %s", id)
                    .containsExactly(1, 2);
            org.originbridge.sandbox.ledger.CallLedger.Entry calls = ledger.entries(
                    org.originbridge.sandbox.ledger.CallLedger.Party.CCPIT).get(id);
            assertThat(calls.calls()).as("one CCPIT application for %s", id).isEqualTo(1);
            assertThat(calls.idempotencyKeys()).containsExactly(id);
        }
    }

    /** Viet Nam -> Japan: filed with VN-MOIT under the Vietnamese exporter's own token, never with CCPIT. */
    @Test
    void aVietnameseCertificateIsIssuedByVnMoitWithItsDocumentAndASignedNotificationTriggersTheCheck() throws Exception {
        String declarationId = "DECL-IT-VN-" + UUID.randomUUID();
        TopicProbe.sendAvro(Topics.DECLARATIONS_ACCEPTED, declarationId, accepted(declarationId, VN_SUPPLIER, "VN", "JP"));

        IssuanceStatusChanged submitted = awaitStatus(declarationId, IssuanceStatus.SUBMITTED);
        assertThat(submitted.getIssuingAuthority()).isEqualTo("VN-MOIT");
        assertThat(submitted.getApplicationId()).startsWith("VN-DOS-");
        assertThat(sandbox.getBean(org.originbridge.sandbox.ledger.CallLedger.class)
                .entries(org.originbridge.sandbox.ledger.CallLedger.Party.CCPIT)).doesNotContainKey(declarationId);

        sandboxCall("POST", "/sandbox/clock/advance?seconds=7200", "");
        // the authority says so (signed): checked at once
        String body = "{\"declarationId\":\"" + declarationId + "\",\"status\":\"APPROVED\"}";
        HttpResponse<String> notified = notify("VN-MOIT", body, VN_CALLBACK_SECRET, Instant.now().getEpochSecond(), "msg-" + declarationId);
        assertThat(notified.statusCode()).as(notified.body()).isEqualTo(202);
        IssuanceStatusChanged issued = awaitStatus(declarationId, IssuanceStatus.ISSUED);
        assertThat(issued.getCertificateNumber()).startsWith("RCEP-VN-");
        assertThat(issued.getIssuingAuthority()).isEqualTo("VN-MOIT");
        assertThat(issued.getAuthorityVerificationCode()).matches("[A-Z2-9]{10}");
        HttpResponse<byte[]> document = get("/api/v1/declarations/" + declarationId + "/certificate-document", false,
                HttpResponse.BodyHandlers.ofByteArray(), VN_SUPPLIER);
        assertThat(document.statusCode()).isEqualTo(200);
        assertThat(sha256(document.body())).isEqualTo(issued.getDocumentSha256());
        assertThat(new String(document.body(), java.nio.charset.StandardCharsets.UTF_8)).contains("<IssuingAuthority>VN-MOIT");
        HttpResponse<String> lookup = http.send(HttpRequest.newBuilder(URI.create(issued.getQueryUrl())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(lookup.statusCode()).isEqualTo(200);

        // hostile notifications: replayed id, forged signature, stale timestamp, oversized body, unknown authority
        assertThat(notify("VN-MOIT", body, VN_CALLBACK_SECRET, Instant.now().getEpochSecond(), "msg-" + declarationId)
                .statusCode()).as("replayed").isEqualTo(401);
        assertThat(notify("VN-MOIT", body, "not-the-secret", Instant.now().getEpochSecond(), "msg-forged").statusCode())
                .as("forged").isEqualTo(401);
        assertThat(notify("VN-MOIT", body, VN_CALLBACK_SECRET, Instant.now().minusSeconds(3600).getEpochSecond(), "msg-old")
                .statusCode()).as("stale").isEqualTo(401);
        assertThat(notify("VN-MOIT", "{\"declarationId\":\"" + "x".repeat(20_000) + "\"}", VN_CALLBACK_SECRET,
                Instant.now().getEpochSecond(), "msg-big").statusCode()).as("oversized").isEqualTo(413);
        assertThat(notify("CN-CCPIT", body, VN_CALLBACK_SECRET, Instant.now().getEpochSecond(), "msg-cn").statusCode())
                .as("an authority without a notification secret").isEqualTo(404);
    }

    @Test
    void anExportingPartyWithoutAnIssuingAuthorityEndsFailedAndIsNeverFiled() {
        String declarationId = "DECL-IT-MY-" + UUID.randomUUID();
        TopicProbe.sendAvro(Topics.DECLARATIONS_ACCEPTED, declarationId, accepted(declarationId, "SUP-KL-RUBBER", "MY", "JP"));

        IssuanceStatusChanged failed = awaitStatus(declarationId, IssuanceStatus.FAILED);
        assertThat(failed.getReason()).isEqualTo("no issuing authority configured for MY");
        assertThat(failed.getIssuingAuthority()).isNull();
        assertThat(sandbox.getBean(org.originbridge.sandbox.ledger.CallLedger.class)
                .entries(org.originbridge.sandbox.ledger.CallLedger.Party.CCPIT)).doesNotContainKey(declarationId);
    }

    // ------------------------------------------------------------------ helpers

    private HttpResponse<String> notify(String authority, String body, String secret, long timestamp, String id) throws Exception {
        byte[] bytes = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        String signature = new org.originbridge.platform.signing.WebhookSignature(secret, Duration.ofMinutes(5),
                Clock.systemUTC()).sign(id, timestamp, bytes);
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/issuing-authorities/"
                        + authority + "/notifications")).header("Content-Type", "application/json")
                .header("webhook-id", id).header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", signature).POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String sha256(byte[] bytes) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private static DeclarationAccepted accepted(String declarationId, String supplierId) {
        return accepted(declarationId, supplierId, "CN", "JP");
    }

    /**
     * A complete accepted Certificate of Origin (what intake publishes): test-support's AvroBuilders record with the
     * Annex 3B content of this test (exporter by Party, power adapters or shoes, Osaka), no certification.
     */
    private static DeclarationAccepted accepted(String declarationId, String supplierId, String exporting, String destination) {
        Instant now = Instant.now();
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneOffset.UTC);
        DeclarationSubmitted declaration = AvroBuilders.declarationSubmitted(declarationId)
                .setSupplierId(supplierId)
                .setReferenceNumber("RCEP-" + exporting + "-2026-000101").setIssueDate(null)
                .setExporter(Party.newBuilder().setName("CN".equals(exporting) ? "Shenzhen PowerTech Electronics Co., Ltd."
                        : "Saigon Footwear JSC").setAddress("1 Export Road").setCountry(exporting).build())
                .setProducer(null)
                .setImporter(Party.newBuilder().setName("Osaka Denki K.K.").setAddress("1-1 Umeda, Osaka").setCountry(destination)
                        .setIdentifier("JP-OSAKA-DENKI").build())
                .setDestinationCountry(destination)
                .setConsignment(org.originbridge.events.intake.Consignment.newBuilder().setInvoiceNumber("INV-1")
                        .setInvoiceDate(today.minusDays(2)).setDepartureDate(today).setVesselOrFlight("COSCO SHIPPING ARIES")
                        .setPortOfLoading("CN".equals(exporting) ? "CNYSA" : "VNCMT").setPortOfDischarge("JPOSA").build())
                .setGoods(List.of(AvroBuilders.goodsItem(1).setHsCode("CN".equals(exporting) ? "850440" : "640399")
                        .setDescription("CN".equals(exporting) ? "Power adapters 65 W" : "Leather sports shoes")
                        .setOriginCountry(exporting).setGrossWeightKg(null).setFobValue(null).build()))
                .setExporterDeclaration(null).setCertification(null)
                .setSubmittedAt(now).build();
        return AvroBuilders.declarationAccepted(declaration).setAcceptedAt(now)
                .setOriginPreCheck(OriginPreCheck.newBuilder().setStatus(PreCheckStatus.PERFORMED).build()).build();
    }

    private static IssuanceStatusChanged awaitStatus(String declarationId, IssuanceStatus status) {
        return TopicProbe.awaitRecord(Topics.ECO_ISSUANCE_STATUS, IssuanceStatusChanged.class,
                r -> declarationId.equals(r.key()) && r.value().getStatus() == status, TIMEOUT).value();
    }

    private <T> HttpResponse<T> get(String path, boolean withKey, HttpResponse.BodyHandler<T> body) throws Exception {
        return get(path, withKey, body, withKey ? SUPPLIER : null);
    }

    private <T> HttpResponse<T> get(String path, boolean ignored, HttpResponse.BodyHandler<T> body, String exporter)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (exporter != null) {
            request.header("Authorization", TestIssuer.bearer(TestIssuer.shared().exporter(exporter)));
        }
        return http.send(request.build(), body);
    }

    private String sandboxCall(String method, String path, String json) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(sandboxUrl() + path))
                    .header("Content-Type", "application/json")
                    .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                    .build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isEqualTo(200);
            return response.body().replace(" ", "");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String decodeQr(byte[] png) throws Exception {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)))).getText();
    }

}
