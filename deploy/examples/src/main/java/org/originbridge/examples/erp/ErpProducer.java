package org.originbridge.examples.erp;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.originbridge.examples.common.KafkaCredentials;
import org.originbridge.examples.common.RegistryToken;
import org.originbridge.examples.common.SchemaRegistry;
import org.originbridge.examples.common.Settings;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * An exporter's ERP handing its Certificates of Origin to OriginBridge, both ways an ERP can:
 * <ol>
 *   <li>gets an access token from the authorization server (OAuth2 client credentials; the client
 *       is the exporter's, so the token acts for its supplier id only);</li>
 *   <li>posts a declaration with its bill of materials to declaration-intake
 *       ({@code POST /api/v1/declarations}, answered 202 with the status URL);</li>
 *   <li>produces a second declaration, the same JSON as an Avro record, straight onto
 *       {@code coo-declarations-submitted} with plain kafka-clients: key = declaration id, value in
 *       Confluent's wire format with the schema the registry holds for {@code coo-declarations-submitted-value}.</li>
 * </ol>
 * Settings ({@code --name=value} or the environment variable): {@code token-url}, {@code client-id},
 * {@code client-secret}, {@code supplier-id}, {@code intake-url}, {@code kafka-bootstrap-servers},
 * {@code registry-url} (the registry's Confluent-compatible API; called with the exporter's token, or
 * with {@code registry-client-id}'s, see {@link RegistryToken}), {@code kafka-username} and
 * {@code kafka-password} (SASL/SCRAM; the local stack's principal {@code erp-producer} may write
 * {@code coo-declarations-submitted} only). See docs/examples.md.
 */
public final class ErpProducer {

    /** What the ERP handed over: the declaration ids and where intake said to follow the HTTP one. */
    public record Result(String httpDeclarationId, String statusUrl, String kafkaDeclarationId, long kafkaOffset) {
    }

    public static final String TOPIC = "coo-declarations-submitted";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Settings settings;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public ErpProducer(Settings settings) {
        this.settings = settings;
    }

    public static void main(String[] args) {
        Result result = new ErpProducer(Settings.of(args)).run();
        System.out.println("posted " + result.httpDeclarationId() + " over HTTP; follow it at " + result.statusUrl());
        System.out.println("produced " + result.kafkaDeclarationId() + " onto " + TOPIC + " at offset " + result.kafkaOffset());
    }

    public Result run() {
        String supplierId = settings.require("supplier-id");
        String token = accessToken();

        // 2. over HTTP: intake validates the structure at once (400 lists every bad field) and answers 202
        String httpId = "ERP-HTTP-" + suffix();
        HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(settings.get("intake-url", "http://127.0.0.1:8101")
                        + "/api/v1/declarations"))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(declaration(httpId, supplierId).toString())).build());
        if (answer.statusCode() != 202) {
            throw new IllegalStateException("intake refused the declaration: HTTP " + answer.statusCode() + " " + answer.body());
        }
        String statusUrl = JSON.readTree(answer.body()).path("statusUrl").asString();

        // 3. onto the topic: the same document as an Avro record of the registered schema
        String kafkaId = "ERP-KAFKA-" + suffix();
        // the registry wants a token too: the exporter's own (its client may read schemas) unless
        // registry-client-id names another client
        SchemaRegistry registry = new SchemaRegistry(settings.get("registry-url", "http://127.0.0.1:8081/apis/ccompat/v7"),
                RegistryToken.from(settings, () -> token));
        SchemaRegistry.Registered schema = registry.latest(TOPIC);
        ObjectNode document = declaration(kafkaId, supplierId);
        document.put("submittedAt", Instant.now().toString());
        GenericRecord record = JsonToAvro.record(schema.schema(), document);
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.get("kafka-bootstrap-servers", "127.0.0.1:9092"));
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "example-erp-producer");
        KafkaCredentials.apply(settings, config);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
            RecordMetadata sent = producer.send(new ProducerRecord<>(TOPIC, kafkaId, SchemaRegistry.encode(schema, record)))
                    .get(30, TimeUnit.SECONDS);
            return new Result(httpId, statusUrl, kafkaId, sent.offset());
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the broker did not acknowledge " + kafkaId + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** 1. client credentials at the authorization server's token endpoint (client_secret_basic). */
    String accessToken() {
        String basic = Base64.getEncoder().encodeToString((settings.require("client-id") + ":" + settings.require("client-secret"))
                .getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(settings.get("token-url", "http://127.0.0.1:8088/oauth2/token")))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("the authorization server refused a token: HTTP " + answer.statusCode() + " " + answer.body());
        }
        return JSON.readTree(answer.body()).path("access_token").asString();
    }

    /** The ERP's declaration (a power adapter with its bill of materials) under a new id and reference number. */
    static ObjectNode declaration(String declarationId, String supplierId) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String text = template();
        for (Map.Entry<String, String> value : Map.of(
                "declarationId", declarationId,
                "supplierId", supplierId,
                "referenceNumber", "RCEP-" + declarationId,
                "yesterday", today.minusDays(1).toString(),
                "twoDaysAgo", today.minusDays(2).toString()).entrySet()) {
            text = text.replace("${" + value.getKey() + "}", value.getValue());
        }
        JsonNode tree = JSON.readTree(text);
        return (ObjectNode) tree;
    }

    private static String template() {
        try (InputStream in = ErpProducer.class.getResourceAsStream("/erp/declaration-template.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }
}
