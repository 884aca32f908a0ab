package org.originbridge.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.apicurio.registry.serde.avro.AvroKafkaDeserializer;
import io.apicurio.registry.serde.avro.AvroKafkaSerializer;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.originbridge.examples.common.Settings;
import org.originbridge.examples.procurement.ProcurementConsumer;
import org.originbridge.platform.Topics;
import org.originbridge.runtime.KafkaPrincipals;
import org.originbridge.testsupport.AuthenticatedRegistry;
import org.originbridge.testsupport.GenericScores;
import org.originbridge.testsupport.SecuredKafka;
import org.originbridge.testsupport.TestIssuer;
import tools.jackson.databind.json.JsonMapper;

/**
 * The schema registry as {@code bin/originbridge up} runs it: Apicurio Registry with OAuth2 bearer
 * tokens of the real auth server (its own seeded clients, as on a fresh data directory) and roles
 * from the token's {@code roles} claim; next to it the SASL/SCRAM broker with the principals table
 * applied. Shows: no token, or a token the auth server did not sign, is refused (401); a read-only
 * or role-less principal cannot register a schema (403); a service principal's Apicurio serdes fetch
 * their own token (client credentials) and register, another service's deserializer reads with its
 * own token; and the example procurement consumer reads the score
 * with its own credentials at both the broker and the registry.
 */
class RegistryAuthenticationIT {

    private static final Path TABLE_FILE = Path.of("../../deploy/runtime/config/kafka-principals.conf");
    private static final String SCORES = Topics.SUPPLIER_COMPLIANCE_SCORES;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String SUBJECT = "registry-auth-it-value";

    @TempDir
    static Path credentials;

    private static RealAuthServer auth;
    private static AuthenticatedRegistry registry;
    private static SecuredKafka kafka;
    private static org.originbridge.runtime.KafkaAccess access;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start() throws Exception {
        auth = RealAuthServer.startWithSeededClients();
        registry = AuthenticatedRegistry.start(auth.issuer());
        kafka = SecuredKafka.start();
        access = new org.originbridge.runtime.KafkaAccess(KafkaPrincipals.read(TABLE_FILE), credentials);
        try (Admin admin = kafka.admin()) {
            access.apply(admin); // creates the catalogue's topics too, the scores topic among them
        }
    }

    @AfterAll
    static void stop() {
        for (AutoCloseable part : new AutoCloseable[] {kafka, registry, auth}) {
            try {
                if (part != null) {
                    part.close();
                }
            } catch (Exception e) {
                // the next part still stops
            }
        }
    }

    @Test
    void withoutATokenNothingIsReadableAndNothingWritable() throws Exception {
        assertThat(register(null).statusCode()).isEqualTo(401);
        assertThat(get("/apis/ccompat/v7/subjects", null).statusCode()).isEqualTo(401);
        assertThat(get("/apis/registry/v2/search/artifacts", null).statusCode()).isEqualTo(401);
        // liveness and the version stay open (no schema in them)
        assertThat(get("/health/ready", null).statusCode()).isEqualTo(200);
        assertThat(get("/apis/registry/v2/system/info", null).statusCode()).isEqualTo(200);
    }

    @Test
    void aTokenTheAuthServerDidNotSignIsRefused() throws Exception {
        // another issuer's key, and the auth server's own token with its payload raised to admin
        assertThat(register(TestIssuer.shared().operator()).statusCode()).isEqualTo(401);
        String buyhub = auth.token("procurement-buyhub");
        String payload = new String(Base64.getUrlDecoder().decode(buyhub.split("\\.")[1]))
                .replace("\"sr-readonly\"", "\"sr-admin\"");
        assertThat(payload).contains("sr-admin");
        assertThat(register(TestIssuer.tamperedPayload(buyhub, payload)).statusCode()).isEqualTo(401);
        assertThat(register("not-a-jwt").statusCode()).isEqualTo(401);
    }

    @Test
    void aReadOnlyOrRolelessPrincipalCannotRegisterASchema() throws Exception {
        HttpResponse<String> readOnly = register(auth.token("procurement-buyhub"));
        assertThat(readOnly.statusCode()).isEqualTo(403);
        // a valid token of a client without a registry role (the provider) may not even read
        String provider = auth.token("provider-sitebuilder");
        assertThat(register(provider).statusCode()).isEqualTo(403);
        assertThat(get("/apis/ccompat/v7/subjects", provider).statusCode()).isEqualTo(403);
        // the read-only principal reads
        assertThat(get("/apis/ccompat/v7/subjects", auth.token("procurement-buyhub")).statusCode()).isEqualTo(200);
    }

    @Test
    void aServicesSerdesAuthenticateAndRegisterAndTheExampleConsumerReadsWithItsOwnCredentials() throws Exception {
        String supplier = "SUP-REG-AUTH-" + System.nanoTime();
        Schema schema = GenericScores.schema();
        GenericRecord score = GenericScores.score(schema, supplier, "RegistryAuthenticationIT");

        // compliance-scoring (sr-developer) produces with its own Kafka principal and registry client
        Map<String, Object> config = new HashMap<>(serdeConfig("compliance-scoring"));
        config.putAll(kafka.clientConfig("compliance-scoring", access.password("compliance-scoring")));
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 60_000);
        AvroKafkaSerializer<GenericRecord> serializer = new AvroKafkaSerializer<>();
        serializer.configure(config, false);
        try (KafkaProducer<String, GenericRecord> producer = new KafkaProducer<>(config, new StringSerializer(), serializer)) {
            producer.send(new ProducerRecord<>(SCORES, supplier, score)).get(60, TimeUnit.SECONDS);
        }

        // another service's deserializer fetches its own token and reads the schema by the id in the bytes
        byte[] bytes;
        try (AvroKafkaSerializer<GenericRecord> scoring = serializer("compliance-scoring")) {
            bytes = scoring.serialize(SCORES, score);
        }
        assertThat(bytes[0]).isZero();
        try (AvroKafkaDeserializer<GenericRecord> statusQuery = new AvroKafkaDeserializer<>()) {
            statusQuery.configure(serdeConfig("status-query"), false);
            assertThat(statusQuery.deserialize(SCORES, bytes).get("supplierId")).hasToString(supplier);
        }

        Map<String, ProcurementConsumer.SupplierScore> scores = new ProcurementConsumer(new Settings(new String[] {
                "--kafka-bootstrap-servers=" + kafka.bootstrapServers(),
                "--kafka-username=procurement-buyhub",
                "--kafka-password=" + access.password("procurement-buyhub"),
                "--registry-url=" + registry.confluentCompatibleUrl(),
                "--registry-token-url=" + auth.issuer() + "/oauth2/token",
                "--registry-client-id=procurement-buyhub",
                "--registry-client-secret=" + auth.secret("procurement-buyhub"),
                "--until-supplier=" + supplier,
                "--max-seconds=120"}, Map.of())).run();
        assertThat(scores).containsKey(supplier);
        assertThat(scores.get(supplier).score()).isEqualTo(87);

        // without registry credentials the same consumer gets no schema
        assertThatThrownBy(() -> new ProcurementConsumer(new Settings(new String[] {
                "--kafka-bootstrap-servers=" + kafka.bootstrapServers(),
                "--kafka-username=procurement-buyhub",
                "--kafka-password=" + access.password("procurement-buyhub"),
                "--registry-url=" + registry.confluentCompatibleUrl(),
                "--until-supplier=" + supplier,
                "--max-seconds=60"}, Map.of())).run()).hasMessageContaining("401");
    }

    /** The serde settings of the platform (PlatformDefaults) for a registry client of the auth server. */
    private static Map<String, Object> serdeConfig(String clientId) {
        Map<String, Object> config = new HashMap<>();
        config.put("apicurio.registry.url", registry.registryUrl());
        config.put("apicurio.registry.auto-register", "true");
        config.put("apicurio.registry.use-id", "contentId");
        config.put("apicurio.registry.id-handler", "io.apicurio.registry.serde.Legacy4ByteIdHandler");
        config.put("apicurio.registry.headers.enabled", "false");
        config.put("apicurio.auth.service.token.endpoint", auth.issuer() + "/oauth2/token");
        config.put("apicurio.auth.client.id", clientId);
        config.put("apicurio.auth.client.secret", auth.secret(clientId));
        return config;
    }

    private static AvroKafkaSerializer<GenericRecord> serializer(String clientId) {
        AvroKafkaSerializer<GenericRecord> serializer = new AvroKafkaSerializer<>();
        serializer.configure(serdeConfig(clientId), false);
        return serializer;
    }

    private HttpResponse<String> register(String token) throws Exception {
        String body = JSON.writeValueAsString(Map.of("schema",
                "{\"type\":\"record\",\"name\":\"RegistryAuthIt\",\"namespace\":\"org.originbridge.it\",\"fields\":[]}"));
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create(registry.confluentCompatibleUrl() + "/subjects/" + SUBJECT + "/versions"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/vnd.schemaregistry.v1+json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(registry.baseUrl() + path))
                .timeout(Duration.ofSeconds(30)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
