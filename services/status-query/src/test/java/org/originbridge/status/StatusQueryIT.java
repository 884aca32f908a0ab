package org.originbridge.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.originbridge.events.ccpit.IssuanceStatus;
import org.originbridge.events.intake.DeclarationSubmitted;
import org.originbridge.platform.Topics;
import org.originbridge.platform.signing.ShortCode;
import org.originbridge.platform.signing.SigningKeys;
import org.originbridge.platform.signing.TokenSigner;
import org.originbridge.events.asw.VerificationCompleted;
import org.originbridge.events.signing.SigningKeyPublished;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.originbridge.status.config.StatusQueryProperties;
import org.originbridge.testsupport.EmbeddedMongo;
import org.originbridge.testsupport.RealInfrastructure;
import org.originbridge.testsupport.TestIssuer;
import org.originbridge.testsupport.TopicProbe;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * status-query against the real broker, registry and a MongoDB wire server: every event type is
 * produced with the services' serializer and the REST views are asserted, including duplicates
 * and replays that must change nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StatusQueryIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        RealInfrastructure.registerProperties(registry);
        EmbeddedMongo.registerProperties(registry, "status-query-it");
        TestIssuer.registerProperties(registry);
    }

    @LocalServerPort
    int port;
    /** Actuator listens on its own port (management.server.port), not on the API port. */
    @LocalManagementPort
    int managementPort;
    @Autowired
    StatusQueryProperties properties;

    /** The two signing services' keys, as they would make them; their public halves are published on signing-keys. */
    static final SigningKeys ASW_KEYS = keys("asw-verification");
    static final SigningKeys CCPIT_KEYS = keys("ccpit-sync");
    final TokenSigner signer = new TokenSigner(ASW_KEYS, Clock.systemUTC());
    final TokenSigner qrSigner = new TokenSigner(CCPIT_KEYS, Clock.systemUTC());

    static SigningKeys keys(String service) {
        try {
            return new SigningKeys(Files.createTempDirectory("status-it-" + service), service, Duration.ofDays(400), Clock.systemUTC());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Publishes both services' keys as they do at start, and waits until the JWKS serves them. */
    void publishKeys() {
        for (SigningKeys keys : List.of(ASW_KEYS, CCPIT_KEYS)) {
            SigningKeys.SigningKey key = keys.current();
            TopicProbe.sendAvro(Topics.SIGNING_KEYS, key.kid(), SigningKeyPublished.newBuilder().setKid(key.kid())
                    .setService(keys.service()).setJwk(key.publicJwk().toJSONString()).setNotBefore(key.notBefore())
                    .setCurrent(true).setPublishedAt(Instant.now()).build());
        }
        await().atMost(WAIT).until(() -> getPublic("/.well-known/jwks.json").body().contains(CCPIT_KEYS.current().kid())
                && getPublic("/.well-known/jwks.json").body().contains(ASW_KEYS.current().kid()));
    }

    @Test
    void theJwksIsPublicCacheableAndAJoseLibraryVerifiesACodeWithItAlone() throws Exception {
        publishKeys();
        String code = signer.sign(properties.tokens().verificationCodeType(), "DECL-JWKS", Map.of("outcome", "VERIFIED"),
                Duration.ofDays(365));

        HttpResponse<String> jwks = getPublic("/.well-known/jwks.json");

        assertThat(jwks.statusCode()).isEqualTo(200);
        assertThat(jwks.headers().firstValue("Cache-Control")).hasValueSatisfying(c -> assertThat(c).contains("public").contains("max-age"));
        assertThat(jwks.headers().firstValue("Content-Type")).hasValueSatisfying(c -> assertThat(c).startsWith("application/jwk-set+json"));
        assertThat(jwks.body()).doesNotContain("\"d\"");
        // a plain nimbus verifier, fed only the JWKS JSON
        JWKSet set = JWKSet.parse(jwks.body());
        SignedJWT jwt = SignedJWT.parse(code);
        ECKey key = (ECKey) set.getKeyByKeyId(jwt.getHeader().getKeyID());
        assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
        assertThat(jwt.verify(new ECDSAVerifier(key))).isTrue();
        assertThat(jwt.getJWTClaimsSet().getStringClaim("outcome")).isEqualTo("VERIFIED");
    }

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void everyTopicEndsUpInTheConsolidatedViewAndThePublicEntries() throws Exception {
        publishKeys();
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        DeclarationSubmitted d = AvroEvents.submitted("DECL-" + suffix, "SUP-" + suffix, "REF-" + suffix);
        String id = d.getDeclarationId();
        String code = signer.sign(properties.tokens().verificationCodeType(), id,
                Map.of("referenceNumber", d.getReferenceNumber()), Duration.ofDays(365));
        String qr = qrSigner.sign(properties.tokens().qrTokenType(), id,
                Map.of("certificateNumber", "CCPIT-" + d.getReferenceNumber()), Duration.ofDays(365));

        // a logistics event arriving before its declaration is joined at read time
        TopicProbe.sendAvro(Topics.LOGISTICS_NODE_EVENTS, "TD-" + d.getReferenceNumber(),
                AvroEvents.logistics("EV-DEPA-" + suffix, "DEPA", AvroEvents.T0.plusSeconds(86_400), "TD-" + d.getReferenceNumber(), null));
        TopicProbe.sendAvro(Topics.DECLARATIONS_SUBMITTED, id, d);
        await().atMost(WAIT).until(() -> get("/api/v1/declarations/" + id).statusCode() == 200);
        assertThat(json(get("/api/v1/declarations/" + id)).at("/intake/outcome").asString()).isIn("SUBMITTED", "ACCEPTED");

        TopicProbe.sendAvro(Topics.DECLARATIONS_ACCEPTED, id, AvroEvents.accepted(d));
        String shortCode = ShortCode.generate();
        TopicProbe.sendAvro(Topics.ASW_VERIFICATIONS, id, VerificationCompleted.newBuilder(AvroEvents.verified(d, code))
                .setShortCode(shortCode).build());
        TopicProbe.sendAvro(Topics.ECO_ISSUANCE_STATUS, id, AvroEvents.issuance(d, 1, IssuanceStatus.REQUESTED, null));
        TopicProbe.sendAvro(Topics.SUPPLIER_COMPLIANCE_SCORES, d.getSupplierId(), AvroEvents.score(d.getSupplierId(), 84, 1));
        TopicProbe.sendAvro(Topics.LOGISTICS_NODE_EVENTS, "TD-" + d.getReferenceNumber(),
                AvroEvents.logistics("EV-GTIN-" + suffix, "GTIN", AvroEvents.T0.plusSeconds(3_600), "TD-" + d.getReferenceNumber(), null));
        TopicProbe.sendAvro(Topics.LOGISTICS_NODE_EVENTS, "TD-" + d.getReferenceNumber(),
                AvroEvents.logistics("EV-WRONG-" + suffix, "ARRI", AvroEvents.T0.plusSeconds(7_200), "TD-" + d.getReferenceNumber(), null));
        TopicProbe.sendAvro(Topics.LOGISTICS_NODE_EVENTS, "TD-" + d.getReferenceNumber(),
                AvroEvents.logistics("EV-RETRACT-" + suffix, "ARRI", AvroEvents.T0.plusSeconds(7_200), "TD-" + d.getReferenceNumber(),
                        "EV-WRONG-" + suffix));

        // the importer cannot retrieve an e-CO that is not issued
        await().atMost(WAIT).until(() -> "REQUESTED".equals(
                json(get("/api/v1/declarations/" + id)).at("/issuance/current/status").asString(null)));
        HttpResponse<String> notIssued = get("/api/v1/importer/declarations/" + id + "/eco");
        assertThat(notIssued.statusCode()).isEqualTo(409);
        assertThat(notIssued.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/problem+json"));

        TopicProbe.sendAvro(Topics.ECO_ISSUANCE_STATUS, id, AvroEvents.issuance(d, 2, IssuanceStatus.ISSUED, qr));

        await().atMost(WAIT).untilAsserted(() -> {
            JsonNode view = json(get("/api/v1/declarations/" + id));
            assertThat(view.at("/intake/outcome").asString()).isEqualTo("ACCEPTED");
            assertThat(view.at("/intake/preCheck/summary").asString()).isEqualTo("1 of 1 items originating");
            assertThat(view.at("/verification/outcome").asString()).isEqualTo("VERIFIED");
            assertThat(view.at("/verification/verificationCode").asString()).isEqualTo(code);
            assertThat(view.at("/issuance/current/status").asString()).isEqualTo("ISSUED");
            assertThat(view.at("/issuance/history")).hasSize(2);
            assertThat(view.at("/supplierScore/score").asInt()).isEqualTo(84);
            assertThat(view.at("/supplierScore/band").asString()).isEqualTo("EXCELLENT");
            assertThat(view.at("/supplierScore/factors/0/explanation").asString()).isEqualTo("84% of declarations verified");
            assertThat(view.at("/milestones")).hasSize(2);
            assertThat(view.at("/milestones/0/eventCode").asString()).isEqualTo("GTIN");
            assertThat(view.at("/milestones/1/eventCode").asString()).isEqualTo("DEPA");
        });

        // the website's entry: no key, OpenAttestation-style answer, nothing about the importer
        HttpResponse<String> verification = getPublic("/api/v1/public/verifications/" + d.getReferenceNumber()
                + "?code=" + URLEncoder.encode(code, StandardCharsets.UTF_8));
        assertThat(verification.statusCode()).isEqualTo(200);
        JsonNode report = json(verification);
        assertThat(report.at("/summary/all").asString()).isEqualTo("VALID");
        assertThat(report.at("/summary/documentIntegrity").asString()).isEqualTo("VALID");
        assertThat(report.at("/summary/issuanceStatus").asString()).isEqualTo("VALID");
        assertThat(report.at("/summary/issuerIdentity").asString()).isEqualTo("VALID");
        assertThat(report.at("/fragments")).hasSize(3);
        assertThat(report.at("/declaration/exporterName").asString()).isEqualTo("Ningbo Bright Lamps Co., Ltd.");
        assertThat(report.at("/declaration/issuanceStatus").asString()).isEqualTo("ISSUED");
        assertThat(verification.body()).doesNotContain("Saigon Lighting").doesNotContain("940540");

        String otherCode = signer.sign(properties.tokens().verificationCodeType(), "OTHER", Map.of(), Duration.ofDays(1));
        JsonNode wrong = json(getPublic("/api/v1/public/verifications/" + d.getReferenceNumber() + "?code=" + otherCode));
        assertThat(wrong.at("/summary/all").asString()).isEqualTo("INVALID");
        assertThat(wrong.at("/declaration/exporterName").isNull()).isTrue();
        // the short code as printed, typed in lower case: the same VALID answer
        JsonNode byShortCode = json(getPublic("/api/v1/public/verifications/" + d.getReferenceNumber() + "?code="
                + URLEncoder.encode(ShortCode.display(shortCode).toLowerCase(), StandardCharsets.UTF_8)));
        assertThat(byShortCode.at("/summary/all").asString()).isEqualTo("VALID");
        // an unknown reference number: the same status and the same answer as a wrong code (no enumeration)
        HttpResponse<String> unknown = getPublic("/api/v1/public/verifications/NO-SUCH-REF?code=" + otherCode);
        assertThat(unknown.statusCode()).isEqualTo(200);
        assertThat(json(unknown).at("/summary")).isEqualTo(wrong.at("/summary"));
        assertThat(json(unknown).at("/fragments")).isEqualTo(wrong.at("/fragments"));
        String wrongShort = ShortCode.withCheck("0000000000");
        assertThat(json(getPublic("/api/v1/public/verifications/NO-SUCH-REF?code=" + wrongShort)).at("/fragments"))
                .isEqualTo(json(getPublic("/api/v1/public/verifications/" + d.getReferenceNumber() + "?code=" + wrongShort))
                        .at("/fragments"));
        // tokens not signed by asw-verification's published key: HS256 with its kid, alg none, ccpit-sync's key, an unknown key
        String hs256 = hs256(ASW_KEYS.current().kid(), id);
        String none = Base64.getUrlEncoder().withoutPadding().encodeToString(("{\"alg\":\"none\",\"typ\":\"asw-verification\",\"kid\":\""
                + ASW_KEYS.current().kid() + "\"}").getBytes(StandardCharsets.UTF_8)) + "." + code.split("\\.")[1] + ".";
        String byCcpit = qrSigner.sign(properties.tokens().verificationCodeType(), id, Map.of(), Duration.ofDays(1));
        String unknownKey = new TokenSigner(keys("asw-verification"), Clock.systemUTC())
                .sign(properties.tokens().verificationCodeType(), id, Map.of(), Duration.ofDays(1));
        for (String forged : List.of(hs256, none, byCcpit, unknownKey)) {
            JsonNode refused = json(getPublic("/api/v1/public/verifications/" + d.getReferenceNumber() + "?code="
                    + URLEncoder.encode(forged, StandardCharsets.UTF_8)));
            assertThat(refused.at("/summary/documentIntegrity").asString()).as(forged).isEqualTo("INVALID");
        }
        assertThat(getPublic("/api/v1/public/verifications/" + d.getReferenceNumber()).statusCode()).isEqualTo(400);

        JsonNode qrCheck = json(getPublic("/api/v1/public/qr/" + qr));
        assertThat(qrCheck.at("/valid").asBoolean()).isTrue();
        assertThat(qrCheck.at("/issuanceStatus").asString()).isEqualTo("ISSUED");
        assertThat(qrCheck.at("/certificateNumber").asString()).isEqualTo("CCPIT-" + d.getReferenceNumber());
        assertThat(json(getPublic("/api/v1/public/qr/" + code)).at("/valid").asBoolean())
                .as("a verification code is not a QR token").isFalse();

        HttpResponse<String> eco = get("/api/v1/importer/declarations/" + id + "/eco");
        assertThat(eco.statusCode()).isEqualTo(200);
        assertThat(json(eco).at("/certificateNumber").asString()).isEqualTo("CCPIT-" + d.getReferenceNumber());
        assertThat(json(eco).at("/declaration/importer/name").asString()).isEqualTo("Saigon Lighting JSC");

        JsonNode list = json(get("/api/v1/declarations?supplierId=" + d.getSupplierId() + "&issuance=issued&limit=5"));
        assertThat(list.at("/items")).hasSize(1);
        assertThat(list.at("/items/0/declarationId").asString()).isEqualTo(id);
        assertThat(list.at("/items/0/verificationOutcome").asString()).isEqualTo("VERIFIED");
    }

    @Test
    void duplicatesAndReplaysChangeNothing() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        DeclarationSubmitted d = AvroEvents.submitted("DECL-" + suffix, "SUP-" + suffix, "REF-" + suffix);
        String id = d.getDeclarationId();
        TopicProbe.sendAvro(Topics.DECLARATIONS_ACCEPTED, id, AvroEvents.accepted(d));
        TopicProbe.sendAvro(Topics.ECO_ISSUANCE_STATUS, id, AvroEvents.issuance(d, 1, IssuanceStatus.REQUESTED, null));
        TopicProbe.sendAvro(Topics.ECO_ISSUANCE_STATUS, id, AvroEvents.issuance(d, 2, IssuanceStatus.UNDER_REVIEW, null));
        TopicProbe.sendAvro(Topics.SUPPLIER_COMPLIANCE_SCORES, d.getSupplierId(), AvroEvents.score(d.getSupplierId(), 61, 5));
        TopicProbe.sendAvro(Topics.LOGISTICS_NODE_EVENTS, "TD-" + d.getReferenceNumber(),
                AvroEvents.logistics("EV-" + suffix, "DEPA", AvroEvents.T0, "TD-" + d.getReferenceNumber(), null));
        await().atMost(WAIT).untilAsserted(() -> {
            JsonNode view = json(get("/api/v1/declarations/" + id));
            assertThat(view.at("/issuance/current/status").asString()).isEqualTo("UNDER_REVIEW");
            assertThat(view.at("/supplierScore/score").asInt()).isEqualTo(61);
            assertThat(view.at("/milestones")).hasSize(1);
        });
        String before = get("/api/v1/declarations/" + id).body();

        // replays: an older issuance, the same issuance again, an older score, the same logistics
        // event, the same acceptance, a submission older than the acceptance
        TopicProbe.sendAvro(Topics.ECO_ISSUANCE_STATUS, id, AvroEvents.issuance(d, 1, IssuanceStatus.REQUESTED, null));
        TopicProbe.sendAvro(Topics.ECO_ISSUANCE_STATUS, id, AvroEvents.issuance(d, 2, IssuanceStatus.UNDER_REVIEW, null));
        TopicProbe.sendAvro(Topics.SUPPLIER_COMPLIANCE_SCORES, d.getSupplierId(), AvroEvents.score(d.getSupplierId(), 99, 4));
        TopicProbe.sendAvro(Topics.LOGISTICS_NODE_EVENTS, "TD-" + d.getReferenceNumber(),
                AvroEvents.logistics("EV-" + suffix, "DEPA", AvroEvents.T0, "TD-" + d.getReferenceNumber(), null));
        TopicProbe.sendAvro(Topics.DECLARATIONS_ACCEPTED, id, AvroEvents.accepted(d));
        TopicProbe.sendAvro(Topics.DECLARATIONS_SUBMITTED, id, d);

        // every replayed record has been consumed (and its offset committed) by status-query: the end
        // offsets taken after the sends lie past each replayed record on its partition
        Map<TopicPartition, Long> replayedUpTo = endOffsets(Topics.ECO_ISSUANCE_STATUS, Topics.SUPPLIER_COMPLIANCE_SCORES,
                Topics.LOGISTICS_NODE_EVENTS, Topics.DECLARATIONS_ACCEPTED, Topics.DECLARATIONS_SUBMITTED);
        await().atMost(WAIT).until(() -> consumedUpTo(replayedUpTo));
        assertThat(get("/api/v1/declarations/" + id).body()).isEqualTo(before);
    }

    @Test
    void aRejectionShowsEveryProblemAndIsFoundByStatus() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String id = "DECL-" + suffix;
        String supplier = "SUP-" + suffix;
        DeclarationSubmitted d = AvroEvents.submitted(id, supplier, "REF-" + suffix);
        TopicProbe.sendAvro(Topics.DECLARATIONS_SUBMITTED, id, d);
        TopicProbe.sendAvro(Topics.DECLARATIONS_REJECTED, id, AvroEvents.rejected(id, supplier, "REF-" + suffix));
        await().atMost(WAIT).untilAsserted(() -> {
            JsonNode view = json(get("/api/v1/declarations/" + id));
            assertThat(view.at("/intake/outcome").asString()).isEqualTo("REJECTED");
            assertThat(view.at("/intake/problems/0/field").asString()).isEqualTo("goods[0].hsCode");
            assertThat(view.at("/intake/problems/0/code").asString()).isEqualTo("HS_CODE_FORMAT");
            // the data of the submission stays visible next to the rejection
            assertThat(view.at("/declaration/exporter/name").asString()).isEqualTo("Ningbo Bright Lamps Co., Ltd.");
        });
        JsonNode rejected = json(get("/api/v1/declarations?supplierId=" + supplier + "&status=REJECTED"));
        assertThat(rejected.at("/items")).hasSize(1);
        assertThat(json(get("/api/v1/declarations?supplierId=" + supplier + "&status=ACCEPTED")).at("/items")).isEmpty();
        assertThat(get("/api/v1/importer/declarations/" + id + "/eco").statusCode()).isEqualTo(409);
    }

    @Test
    void theListPagesWithACursor() {
        String supplier = "SUP-PAGE-" + UUID.randomUUID().toString().substring(0, 8);
        for (int i = 1; i <= 3; i++) {
            DeclarationSubmitted d = AvroEvents.submitted(supplier + "-D" + i, supplier, supplier + "-R" + i);
            TopicProbe.sendAvro(Topics.DECLARATIONS_ACCEPTED, d.getDeclarationId(), AvroEvents.accepted(d));
        }
        await().atMost(WAIT).until(() -> json(get("/api/v1/declarations?supplierId=" + supplier)).at("/items").size() == 3);
        JsonNode first = json(get("/api/v1/declarations?supplierId=" + supplier + "&limit=2"));
        assertThat(first.at("/items")).hasSize(2);
        String cursor = first.at("/nextCursor").asString();
        JsonNode second = json(get("/api/v1/declarations?supplierId=" + supplier + "&limit=2&cursor=" + cursor));
        assertThat(second.at("/items")).hasSize(1);
        assertThat(second.at("/items/0/declarationId").asString()).isEqualTo(supplier + "-D3");
        assertThat(second.at("/nextCursor").isNull()).isTrue();
    }

    @Test
    void protectedEndpointsNeedAKeyAndUnknownDeclarationsAreProblems() throws Exception {
        HttpResponse<String> noKey = http.send(HttpRequest.newBuilder(uri("/api/v1/declarations/X")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(noKey.statusCode()).isEqualTo(401);
        HttpResponse<String> unknown = get("/api/v1/declarations/NO-SUCH-DECLARATION");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(get("/api/v1/importer/declarations/NO-SUCH-DECLARATION/eco").statusCode()).isEqualTo(404);
        HttpResponse<String> tooMany = get("/api/v1/declarations?limit=101");
        assertThat(tooMany.statusCode()).isEqualTo(400);
        assertThat(json(tooMany).at("/errors/0/field").asString()).isEqualTo("limit");
    }

    @Test
    void aRecordThatIsNotAvroGoesToThisServicesDeadLetterTopic() {
        String key = "POISON-" + UUID.randomUUID();
        TopicProbe.sendRaw(Topics.ASW_VERIFICATIONS, key, "not avro at all".getBytes(StandardCharsets.UTF_8));
        var dead = TopicProbe.awaitRawRecord(Topics.deadLetter(Topics.ASW_VERIFICATIONS, "status-query"),
                r -> key.equals(r.key()), WAIT);
        assertThat(new String(dead.value(), StandardCharsets.UTF_8)).isEqualTo("not avro at all");
    }

    @Test
    void healthIncludesMongoDb() throws Exception {
        HttpResponse<String> health = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + managementPort + "/actuator/health")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(json(health).at("/status").asString()).isEqualTo("UP");
    }

    private static String hs256(String kid, String subject) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(kid)
                .type(new JOSEObjectType("asw-verification")).build(),
                new JWTClaimsSet.Builder().issuer("originbridge").subject(subject).expirationTime(Date.from(Instant.now().plusSeconds(3600))).build());
        jwt.sign(new MACSigner("0123456789abcdef0123456789abcdef-a-guessed-shared-secret"));
        return jwt.serialize();
    }

    private static Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, RealInfrastructure.bootstrapServers()));
    }

    /** The current end offset of every partition of the topics. */
    private static Map<TopicPartition, Long> endOffsets(String... topics) {
        try (Admin admin = admin()) {
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            for (TopicDescription topic : admin.describeTopics(List.of(topics)).allTopicNames().get().values()) {
                topic.partitions().forEach(p -> latest.put(new TopicPartition(topic.name(), p.partition()), OffsetSpec.latest()));
            }
            Map<TopicPartition, Long> ends = new HashMap<>();
            admin.listOffsets(latest).all().get().forEach((tp, info) -> ends.put(tp, info.offset()));
            return ends;
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Whether the status-query group has committed at least the given offset on every partition. */
    private static boolean consumedUpTo(Map<TopicPartition, Long> offsets) throws Exception {
        try (Admin admin = admin()) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets("status-query")
                    .partitionsToOffsetAndMetadata().get();
            return offsets.entrySet().stream().allMatch(e -> e.getValue() == 0
                    || (committed.get(e.getKey()) != null && committed.get(e.getKey()).offset() >= e.getValue()));
        }
    }

    @Test
    void aDeadLetteredDeclarationShowsFailedWithTheReason() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        DeclarationSubmitted d = AvroEvents.submitted("DECL-F-" + suffix, "SUP-" + suffix, "REF-F-" + suffix);
        String id = d.getDeclarationId();
        TopicProbe.sendAvro(Topics.DECLARATIONS_ACCEPTED, id, AvroEvents.accepted(d));
        await().atMost(WAIT).until(() -> get("/api/v1/declarations/" + id).statusCode() == 200);

        TopicProbe.sendAvro(Topics.DECLARATION_FAILURES, id, org.originbridge.events.failures.DeclarationProcessingFailed
                .newBuilder().setDeclarationId(id).setService("asw-verification")
                .setSourceTopic(Topics.DECLARATIONS_ACCEPTED).setReason("exporter.name: missing")
                .setFailedAt(java.time.Instant.now()).build());

        await().atMost(WAIT).untilAsserted(() -> {
            JsonNode view = json(get("/api/v1/declarations/" + id));
            assertThat(view.at("/failure/status").asString()).isEqualTo("FAILED");
            assertThat(view.at("/failure/service").asString()).isEqualTo("asw-verification");
            assertThat(view.at("/failure/reason").asString()).isEqualTo("exporter.name: missing");
        });
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).header("Authorization", TestIssuer.bearer(TestIssuer.shared().operator())).GET().build());
    }

    private HttpResponse<String> getPublic(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET().build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }
}
