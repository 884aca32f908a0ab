package org.originbridge.logistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.originbridge.events.logistics.EventSource;
import org.originbridge.events.logistics.LogisticsNodeEvent;
import org.originbridge.logistics.adapter.file.FileWatermarkStore;
import org.originbridge.platform.signing.WebhookSignature;
import org.originbridge.platform.Topics;
import org.originbridge.testsupport.RealInfrastructure;
import org.originbridge.testsupport.TestIssuer;
import org.originbridge.testsupport.TopicProbe;
import org.originbridge.testsupport.WithoutSecurity;
import org.originbridge.sandbox.SandboxApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The service against a real broker and registry: DCSA events pushed over HTTP, signed subscription
 * callbacks, EDIFACT reports and the port feed poller (against a local DCSA stub) all end up as
 * LogisticsNodeEvents on logistics-node-events with the documented key.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        // a free management port: a local stack on the default ports must not break the test
        "management.server.port=0",
        "originbridge.logistics.webhook-secret=" + LogisticsIngestionIT.SECRET,
        "originbridge.logistics.poll.enabled=true",
        "originbridge.logistics.poll.interval=300ms",
        "originbridge.logistics.poll.initial-delay=0s",
        "originbridge.logistics.poll.limit=2",
        "originbridge.logistics.poll.oauth.client-id=" + LogisticsIngestionIT.FEED_CLIENT_ID,
        "originbridge.logistics.poll.oauth.client-secret=" + LogisticsIngestionIT.FEED_CLIENT_SECRET})
class LogisticsIngestionIT {

    static final String SECRET = "it-webhook-secret-0123456789abcdef";
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final String API_KEY = TestIssuer.shared().exporter("SUP-SZ-POWERTECH");

    static final String FEED_CLIENT_ID = "it-port-feed-client";
    static final String FEED_CLIENT_SECRET = "it-only-port-feed-secret-0123456789";
    private static final PortFeedStub FEED = new PortFeedStub();
    private static ConfigurableApplicationContext sandbox;
    private static final Path STATE;

    static {
        try {
            STATE = Files.createTempDirectory("logistics-it-state");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        RealInfrastructure.registerProperties(registry);
        TestIssuer.registerProperties(registry);
        registry.add("originbridge.logistics.poll.base-url", FEED::baseUrl);
        // the poller's tokens come from the sandbox's DCSA token endpoint (client credentials)
        registry.add("originbridge.logistics.poll.oauth.token-uri", () -> sandboxUrl() + "/dcsa/oauth2/token");
        registry.add("originbridge.logistics.poll.state-directory", STATE::toString);
    }

    /** The sandbox application in this JVM, for its DCSA token endpoint and the feed that checks its tokens. */
    static synchronized String sandboxUrl() {
        if (sandbox == null) {
            sandbox = new SpringApplicationBuilder(SandboxApplication.class).run(
                    "--server.port=0", "--spring.application.name=originbridge-sandbox",
                    "--sandbox.dcsa.oauth-clients=" + FEED_CLIENT_ID + "=" + FEED_CLIENT_SECRET,
                    "--sandbox.latency.min=0ms", "--sandbox.latency.max=2ms",
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
    static void stopFeed() {
        FEED.stop();
        if (sandbox != null) {
            sandbox.close();
            sandbox = null;
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    MeterRegistry meters;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void dcsaEventsPostedWithTheApiKeyArePublishedKeyedByTransportDocument() throws Exception {
        String id1 = UUID.randomUUID().toString();
        String id2 = UUID.randomUUID().toString();
        String tdr = "TDR-" + UUID.randomUUID();
        String body = DcsaEvents.Json.array(
                DcsaEvents.equipmentDischarge(id1).references("BKG", "BKG-1", "TRD", tdr),
                DcsaEvents.vesselDeparture(id2).references("BKG", "BKG-2").transportCall("UNLocationCode", "CNSHA"));

        HttpResponse<String> response = post("/api/v1/logistics/dcsa-events", "application/json", body, API_KEY, null);

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(response.body()).contains(id1, id2);
        ConsumerRecord<String, LogisticsNodeEvent> discharge = awaitEvent(id1);
        assertThat(discharge.key()).isEqualTo(tdr);
        assertThat(discharge.value().getEventCode()).isEqualTo("DISC");
        assertThat(discharge.value().getSource()).isEqualTo(EventSource.DCSA);
        assertThat(discharge.value().getNodeName()).isEqualTo("Port Klang");
        assertThat(discharge.value().getTenantId()).as("the pushing exporter's tenant").isEqualTo("SUP-SZ-POWERTECH");
        ConsumerRecord<String, LogisticsNodeEvent> departure = awaitEvent(id2);
        assertThat(departure.key()).isEqualTo("BKG-2");
        assertThat(departure.value().getUnLocationCode()).isEqualTo("CNSGH");
        assertThat(counter("dcsa-api", "accepted")).isGreaterThanOrEqualTo(2);
    }

    @Test
    void invalidEventsAreAnsweredWithProblemJsonNamingEachFieldAndIndex() throws Exception {
        String body = DcsaEvents.Json.array(
                DcsaEvents.equipmentDischarge(UUID.randomUUID().toString()),
                DcsaEvents.equipmentDischarge(UUID.randomUUID().toString()).with("eventType", "CARGO"),
                DcsaEvents.vesselDeparture(UUID.randomUUID().toString()).transportCall("UNLocationCode", "Shanghai"));

        HttpResponse<String> response = post("/api/v1/logistics/dcsa-events", "application/json", body, API_KEY, null);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains("[1].eventType", "[2].transportCall.UNLocationCode");
        assertThat(post("/api/v1/logistics/dcsa-events", "application/json", "{not json", API_KEY, null).statusCode())
                .isEqualTo(400);
    }

    @Test
    void theApiNeedsATokenWithLogisticsWrite() throws Exception {
        String body = DcsaEvents.equipmentDischarge(UUID.randomUUID().toString()).json();
        assertThat(post("/api/v1/logistics/dcsa-events", "application/json", body, null, null).statusCode()).isEqualTo(401);
        assertThat(post("/api/v1/logistics/dcsa-events", "application/json", body, "wrong", null).statusCode()).isEqualTo(401);
        assertThat(post("/api/v1/logistics/dcsa-events", "application/json", body,
                TestIssuer.shared().expired("SUP-SZ-POWERTECH"), null).statusCode()).isEqualTo(401);
        assertThat(post("/api/v1/logistics/dcsa-events", "application/json", body, TestIssuer.shared().procurement(), null)
                .statusCode()).as("no logistics.write scope").isEqualTo(403);
    }

    @Test
    void signedCallbackIsAcceptedWithoutTokenAndUnsignedOrTamperedOnesAreRefused() throws Exception {
        String booking = "BKG-CB-" + UUID.randomUUID();
        String unsignedId = UUID.randomUUID().toString();
        String tamperedId = UUID.randomUUID().toString();
        String signedId = UUID.randomUUID().toString();
        WebhookSignature carrier = new WebhookSignature(SECRET, WebhookSignature.DEFAULT_TOLERANCE, java.time.Clock.systemUTC());

        String unsigned = DcsaEvents.Json.array(DcsaEvents.equipmentDischarge(unsignedId).references("BKG", booking));
        HttpResponse<String> refused = post("/api/v1/logistics/dcsa-callbacks", "application/json", unsigned, null, null);
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.body()).contains("missing webhook-id");

        String tampered = DcsaEvents.Json.array(DcsaEvents.equipmentDischarge(tamperedId).references("BKG", booking));
        Signed signatureOfOther = Signed.by(carrier, unsigned);
        assertThat(post("/api/v1/logistics/dcsa-callbacks", "application/json", tampered, null, signatureOfOther)
                .statusCode()).isEqualTo(401);
        Signed wrongSecret = Signed.by(new WebhookSignature("not-the-shared-secret-at-all!!!!", WebhookSignature.DEFAULT_TOLERANCE, java.time.Clock.systemUTC()), tampered);
        assertThat(post("/api/v1/logistics/dcsa-callbacks", "application/json", tampered, null, wrongSecret)
                .statusCode()).isEqualTo(401);

        String signed = DcsaEvents.Json.array(DcsaEvents.equipmentDischarge(signedId).references("BKG", booking));
        Signed delivery = Signed.by(carrier, signed);
        HttpResponse<String> accepted = post("/api/v1/logistics/dcsa-callbacks", "application/json", signed, null,
                delivery);
        assertThat(accepted.statusCode()).isEqualTo(202);
        HttpResponse<String> replayed = post("/api/v1/logistics/dcsa-callbacks", "application/json", signed, null, delivery);
        assertThat(replayed.statusCode()).isEqualTo(401);
        assertThat(replayed.body()).contains("already delivered");

        // Same key, so the same partition: anything refused before would have been read before the signed one.
        List<String> seenWithThisKey = new ArrayList<>();
        ConsumerRecord<String, LogisticsNodeEvent> record = TopicProbe.awaitRecord(Topics.LOGISTICS_NODE_EVENTS,
                LogisticsNodeEvent.class, r -> {
                    if (booking.equals(r.key())) {
                        seenWithThisKey.add(r.value().getEventId());
                    }
                    return signedId.equals(r.value().getEventId());
                }, TIMEOUT);
        assertThat(record.key()).isEqualTo(booking);
        assertThat(seenWithThisKey).containsExactly(signedId);
        assertThat(counter("dcsa-callback", "unauthorized")).isGreaterThanOrEqualTo(3);

        // A signed delivery that is not accepted (here 400, as after a 503) does not use up its id: the carrier's retry
        // of the same delivery is handled again (400 again), not refused as a replay (401).
        String invalid = "[{\"eventID\": \"" + UUID.randomUUID() + "\"}]";
        Signed invalidDelivery = Signed.by(carrier, invalid);
        assertThat(post("/api/v1/logistics/dcsa-callbacks", "application/json", invalid, null, invalidDelivery)
                .statusCode()).isEqualTo(400);
        assertThat(post("/api/v1/logistics/dcsa-callbacks", "application/json", invalid, null, invalidDelivery)
                .statusCode()).isEqualTo(400);
    }

    @Test
    void edifactReportsArePublishedAsEdifactEvents() throws Exception {
        byte[] codeco = EdifactSamples.read(EdifactSamples.CODECO_GATE_CAI_MEP);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/api/v1/logistics/edifact"))
                .header("Content-Type", "text/plain").header("Authorization", TestIssuer.bearer(API_KEY))
                .POST(HttpRequest.BodyPublishers.ofByteArray(codeco)).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(response.body()).contains("\"accepted\":2");
        ConsumerRecord<String, LogisticsNodeEvent> gateOut = TopicProbe.awaitRecord(Topics.LOGISTICS_NODE_EVENTS,
                LogisticsNodeEvent.class, r -> r.value().getSource() == EventSource.EDIFACT
                        && "GTOT".equals(r.value().getEventCode()), TIMEOUT);
        assertThat(gateOut.key()).isEqualTo("ONEYSHAB3333333");
        assertThat(gateOut.value().getUnLocationCode()).isEqualTo("VNCMT");

        HttpResponse<String> broken = http.send(HttpRequest.newBuilder(uri("/api/v1/logistics/edifact"))
                .header("Content-Type", "text/plain").header("Authorization", TestIssuer.bearer(API_KEY))
                .POST(HttpRequest.BodyPublishers.ofString(new String(codeco, StandardCharsets.US_ASCII)
                        .replace("BGM+36+", "BGM+12+"))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(broken.statusCode()).isEqualTo(400);
        assertThat(broken.body()).contains("message[0].BGM");
    }

    @Test
    void thePollerPublishesFeedEventsAndKeepsItsWatermark() {
        String tdr = "TDR-POLL-" + UUID.randomUUID();
        Instant created = Instant.now().minusSeconds(60);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String id = UUID.randomUUID().toString();
            ids.add(id);
            FEED.add(DcsaEvents.equipmentDischarge(id).references("TRD", tdr)
                    .with("eventCreatedDateTime", created.plusSeconds(i).toString())
                    .with("eventDateTime", created.minusSeconds(30).toString()));
        }

        for (String id : ids) {
            ConsumerRecord<String, LogisticsNodeEvent> record = awaitEvent(id);
            assertThat(record.key()).isEqualTo(tdr);
        }
        assertThat(FEED.queries).anySatisfy(q -> assertThat(q).contains("eventCreatedDateTime:gte=").contains("limit=2"));
        // every poll carried a token the sandbox's DCSA token endpoint issued: the sandbox's own feed accepts it
        assertThat(FEED.authorizations).isNotEmpty().allSatisfy(a -> assertThat(a).startsWith("Bearer "));
        String issued = FEED.authorizations.get(FEED.authorizations.size() - 1);
        assertThat(sandboxFeedStatus(issued)).isEqualTo(200);
        assertThat(sandboxFeedStatus("Bearer not-issued-by-the-sandbox")).isEqualTo(401);
        await().atMost(TIMEOUT).untilAsserted(() -> assertThat(new FileWatermarkStore(STATE).load())
                .hasValueSatisfying(w -> assertThat(w.createdFrom()).isEqualTo(created.plusSeconds(2))));
    }

    private int sandboxFeedStatus(String authorization) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(sandboxUrl() + "/dcsa/v2/events?limit=1"))
                    .header("Authorization", authorization).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private ConsumerRecord<String, LogisticsNodeEvent> awaitEvent(String eventId) {
        return TopicProbe.awaitRecord(Topics.LOGISTICS_NODE_EVENTS, LogisticsNodeEvent.class,
                r -> eventId.equals(r.value().getEventId()), TIMEOUT);
    }

    private double counter(String channel, String outcome) {
        var counter = meters.find("originbridge.logistics.events").tag("channel", channel).tag("outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** The three Standard Webhooks headers of one delivery, signed now with a fresh id. */
    record Signed(String id, String timestamp, String signature) {
        static Signed by(WebhookSignature signer, String body) {
            String id = "msg_" + UUID.randomUUID();
            long now = java.time.Instant.now().getEpochSecond();
            return new Signed(id, Long.toString(now), signer.sign(id, now, body.getBytes(StandardCharsets.UTF_8)));
        }
    }

    private HttpResponse<String> post(String path, String contentType, String body, String apiKey, Signed signature)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (apiKey != null) {
            request.header("Authorization", TestIssuer.bearer(apiKey));
        }
        if (signature != null) {
            request.header(WebhookSignature.ID_HEADER, signature.id())
                    .header(WebhookSignature.TIMESTAMP_HEADER, signature.timestamp())
                    .header(WebhookSignature.SIGNATURE_HEADER, signature.signature());
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * A DCSA feed on a local port: GET /dcsa/v2/events honouring eventCreatedDateTime:gte and limit;
     * 401 without a bearer token (the test checks the tokens it got with the sandbox).
     */
    static final class PortFeedStub {
        final List<DcsaEvents> events = new CopyOnWriteArrayList<>();
        final List<String> queries = new CopyOnWriteArrayList<>();
        final List<String> authorizations = new CopyOnWriteArrayList<>();
        private final HttpServer server;

        PortFeedStub() {
            try {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            server.createContext("/dcsa/v2/events", exchange -> {
                String authorization = exchange.getRequestHeaders().getFirst("Authorization");
                if (authorization == null || !authorization.startsWith("Bearer ")) {
                    exchange.sendResponseHeaders(401, -1);
                    exchange.close();
                    return;
                }
                authorizations.add(authorization);
                String query = exchange.getRequestURI().getRawQuery();
                queries.add(URLDecoder.decode(query == null ? "" : query, StandardCharsets.UTF_8));
                Instant from = Instant.EPOCH;
                int limit = 100;
                for (String pair : (query == null ? "" : query).split("&")) {
                    String[] kv = pair.split("=", 2);
                    String name = URLDecoder.decode(kv[0], StandardCharsets.UTF_8);
                    String value = kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "";
                    if (name.equals("eventCreatedDateTime:gte")) {
                        from = Instant.parse(value);
                    } else if (name.equals("limit")) {
                        limit = Integer.parseInt(value);
                    }
                }
                Instant since = from;
                List<Object> page = events.stream().map(DcsaEvents::build)
                        .filter(e -> !Instant.parse((String) e.get("eventCreatedDateTime")).isBefore(since))
                        .sorted(java.util.Comparator.comparing(e -> Instant.parse((String) e.get("eventCreatedDateTime"))))
                        .limit(limit).map(e -> (Object) e).toList();
                byte[] body = DcsaEvents.Json.write(page).getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
        }

        String baseUrl() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        void add(DcsaEvents event) {
            events.add(event);
        }

        void stop() {
            server.stop(0);
        }
    }
}
