package org.originbridge.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.originbridge.sandbox.dcsa.NotificationSignature;
import org.originbridge.sandbox.web.SandboxClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.HttpServerErrorException;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** The sandbox on a real port, called over HTTP the way the services call it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "sandbox.asw.client-tokens=" + TestTokens.ASW,
    "sandbox.ccpit.applicant-tokens=" + TestTokens.EXPORTER_A + "=" + TestTokens.EXPORTER_A_TOKEN,
    "sandbox.latency.min=0ms",
    "sandbox.latency.max=5ms",
    "sandbox.dcsa.delivery-interval=100ms",
})
@Import(TestTokens.PinnedClock.class)
class SandboxIT {

    record Delivery(String id, String timestamp, String signature, String body) {}

    @LocalServerPort int port;
    @Autowired SandboxClock clock;
    @Autowired ObjectMapper json;

    RestClient http;
    HttpServer callbackServer;
    final List<Delivery> deliveries = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() throws IOException {
        http = RestClient.builder().baseUrl("http://127.0.0.1:" + port).build();
        callbackServer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        callbackServer.createContext("/hook", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            deliveries.add(new Delivery(exchange.getRequestHeaders().getFirst(NotificationSignature.ID_HEADER),
                    exchange.getRequestHeaders().getFirst(NotificationSignature.TIMESTAMP_HEADER),
                    exchange.getRequestHeaders().getFirst(NotificationSignature.SIGNATURE_HEADER),
                    new String(body, StandardCharsets.UTF_8)));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        callbackServer.start();
    }

    @AfterEach
    void tearDown() {
        callbackServer.stop(0);
    }

    @Test
    void aswVerificationOverHttp_andAForced503CarriesRetryAfter() {
        // A Certificate of Origin is verified as issued: its certificate number and issuing authority go along
        Map<String, Object> request = Map.ofEntries(Map.entry("declarationId", "D-IT-1"),
                Map.entry("coReferenceNumber", "CO-IT-1"), Map.entry("documentType", "CERTIFICATE_OF_ORIGIN"),
                Map.entry("exportingCountry", "CN"), Map.entry("importingCountry", "VN"),
                Map.entry("exporterName", "Ningbo Parts Ltd."), Map.entry("hsCodes", List.of("8708.29")),
                Map.entry("issueDate", "2026-11-21"), Map.entry("documentHash", "ab".repeat(32)),
                Map.entry("certificateNumber", "CCPIT-RCEP-2026-00000001"), Map.entry("issuingAuthority", "CN-CCPIT"));

        JsonNode verified = http.post().uri("/asw/v1/verifications").header("Authorization", "Bearer " + TestTokens.ASW)
                .contentType(MediaType.APPLICATION_JSON).body(request).retrieve().body(JsonNode.class);
        assertThat(verified.get("outcome").asString()).isEqualTo("VERIFIED");

        try {
            http.post().uri("/asw/v1/verifications").header("Authorization", "Bearer " + TestTokens.ASW)
                    .header("X-Sandbox-Fail", "503").contentType(MediaType.APPLICATION_JSON).body(request)
                    .retrieve().toBodilessEntity();
            throw new AssertionError("expected 503");
        } catch (HttpServerErrorException e) {
            assertThat(e.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
            assertThat(e.getResponseHeaders().getFirst("Retry-After")).isEqualTo("1");
        }
    }

    @Test
    void ccpitApplicationIsIssuedAfterTwoSteps() {
        Map<String, Object> application = Map.of("declarationId", "D-IT-2", "coReferenceNumber", "CO-IT-2",
                "exporterName", "Ningbo Parts Ltd.", "importingCountry", "TH", "hsCodes", List.of("870829"));
        ResponseEntity<JsonNode> submitted = http.post().uri("/ccpit/v1/applications")
                .header("Authorization", "Bearer " + TestTokens.EXPORTER_A_TOKEN)
                .header("X-Applicant-Id", TestTokens.EXPORTER_A).header("Idempotency-Key", "D-IT-2")
                .contentType(MediaType.APPLICATION_JSON).body(application).retrieve().toEntity(JsonNode.class);
        assertThat(submitted.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        String id = submitted.getBody().get("applicationId").asString();

        clock.advance(Duration.ofSeconds(4));
        JsonNode issued = http.get().uri("/ccpit/v1/applications/{id}", id)
                .header("Authorization", "Bearer " + TestTokens.EXPORTER_A_TOKEN).header("X-Applicant-Id", TestTokens.EXPORTER_A)
                .retrieve().body(JsonNode.class);
        assertThat(issued.get("status").asString()).isEqualTo("ISSUED");

        JsonNode lookup = http.get().uri("/ccpit/v1/certificates/{n}?verificationCode={c}",
                issued.get("certificateNumber").asString(), issued.get("verificationCode").asString())
                .retrieve().body(JsonNode.class);
        assertThat(lookup.get("status").asString()).isEqualTo("ISSUED");
        // the application's queryUrl is that lookup (it used to lack the verification code and answer 400)
        JsonNode followed = http.get().uri(java.net.URI.create(issued.get("queryUrl").asString()))
                .retrieve().body(JsonNode.class);
        assertThat(followed.get("certificateNumber").asString()).isEqualTo(issued.get("certificateNumber").asString());
        assertThat(followed.get("status").asString()).isEqualTo("ISSUED");

        try {
            http.get().uri("/ccpit/v1/applications/{id}", id).header("X-Applicant-Id", TestTokens.EXPORTER_A)
                    .retrieve().toBodilessEntity();
            throw new AssertionError("expected 401");
        } catch (HttpClientErrorException e) {
            assertThat(e.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        }
    }

    @Test
    void dcsaSubscriptionReceivesSignedEventsAndARetraction() {
        String secret = "it-only-webhook-secret-0123456789";
        http.post().uri("/dcsa/v2/event-subscriptions").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("callbackUrl", "http://127.0.0.1:" + callbackServer.getAddress().getPort() + "/hook",
                        "secret", secret, "transportDocumentReference", "TRD-IT"))
                .retrieve().toBodilessEntity();
        http.post().uri("/dcsa/v2/sandbox/consignments").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("transportDocumentReference", "TRD-IT", "bookingReference", "BKG-IT",
                        "equipmentReferences", List.of("MSKU1234565"), "route", List.of("CNYSA", "VNCMT", "MYPKG"),
                        "vesselIMO", "9321483", "carrierVoyageNumber", "2411W"))
                .retrieve().toBodilessEntity();

        clock.advance(Duration.ofMinutes(1));
        await().atMost(Duration.ofSeconds(10)).until(() -> deliveredEvents().size() >= 10);

        for (Delivery d : deliveries) {
            assertThat(d.signature()).isEqualTo(NotificationSignature.sign(secret, d.id(), Long.parseLong(d.timestamp()),
                    d.body().getBytes(StandardCharsets.UTF_8)));
            assertThat(Long.parseLong(d.timestamp())).isCloseTo(java.time.Instant.now().getEpochSecond(),
                    org.assertj.core.data.Offset.offset(300L));
        }
        List<JsonNode> events = deliveredEvents();
        assertThat(events).extracting(e -> e.get("eventID").asString()).doesNotHaveDuplicates();
        String loadId = events.stream().filter(e -> "LOAD".equals(text(e, "equipmentEventTypeCode")))
                .findFirst().orElseThrow().get("eventID").asString();

        http.post().uri("/dcsa/v2/sandbox/consignments/TRD-IT/retractions").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("eventID", loadId)).retrieve().toBodilessEntity();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> deliveredEvents().stream().anyMatch(e -> loadId.equals(text(e, "retractedEventID"))));

        List<JsonNode> polled = http.get().uri("/dcsa/v2/events?transportDocumentReference=TRD-IT&limit=50")
                .retrieve().body(new ParameterizedTypeReference<List<JsonNode>>() {});
        assertThat(polled).hasSize(11);
    }

    private List<JsonNode> deliveredEvents() {
        return deliveries.stream().flatMap(d -> {
            JsonNode array = json.readTree(d.body());
            return java.util.stream.StreamSupport.stream(array.spliterator(), false);
        }).toList();
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null ? null : value.asString();
    }
}
