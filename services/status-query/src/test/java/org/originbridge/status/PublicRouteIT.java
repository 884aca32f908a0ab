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
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.originbridge.events.asw.VerificationCompleted;
import org.originbridge.events.intake.Consignment;
import org.originbridge.events.intake.DeclarationSubmitted;
import org.originbridge.events.logistics.EventClassifier;
import org.originbridge.events.logistics.LogisticsNodeEvent;
import org.originbridge.events.signing.SigningKeyPublished;
import org.originbridge.platform.Topics;
import org.originbridge.platform.signing.ShortCode;
import org.originbridge.platform.signing.SigningKeys;
import org.originbridge.platform.signing.TokenSigner;
import org.originbridge.status.config.StatusQueryProperties;
import org.originbridge.testsupport.EmbeddedMongo;
import org.originbridge.testsupport.RealInfrastructure;
import org.originbridge.testsupport.TestIssuer;
import org.originbridge.testsupport.TopicProbe;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The delivery route through the real broker, registry and Mongo wire server: PLN/EST/ACT events
 * (an alias, an out-of-order estimate, a retraction, another tenant's event) projected, then read
 * from the authenticated view, the public route entry and the route page, with hostile inputs.
 */
// a free management port: a local stack on the default ports must not break the test
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "management.server.port=0")
class PublicRouteIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        RealInfrastructure.registerProperties(registry);
        EmbeddedMongo.registerProperties(registry, "status-query-route-it");
        TestIssuer.registerProperties(registry);
    }

    @LocalServerPort
    int port;
    @Autowired
    StatusQueryProperties properties;

    static final SigningKeys ASW_KEYS = keys();
    final TokenSigner signer = new TokenSigner(ASW_KEYS, Clock.systemUTC());
    private final HttpClient http = HttpClient.newHttpClient();

    static SigningKeys keys() {
        try {
            return new SigningKeys(Files.createTempDirectory("route-it-asw"), "asw-verification", Duration.ofDays(400),
                    Clock.systemUTC());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static LogisticsNodeEvent event(String id, EventClassifier classifier, String code, String port, Instant at,
            Instant created, String tdr, String tenant, String retracts) {
        return LogisticsNodeEvent.newBuilder(AvroEvents.logistics(id, code, at, tdr, retracts))
                .setEventClassifier(classifier).setUnLocationCode(port).setNodeName(null).setVesselImo("9321483")
                .setCarrierVoyageNumber("447E").setEventCreatedDateTime(created).setTenantId(tenant).build();
    }

    @Test
    void theRouteIsBuiltFromPlanEstimateAndActualsAndShownOnlyWithTheCode() throws Exception {
        SigningKeys.SigningKey key = ASW_KEYS.current();
        TopicProbe.sendAvro(Topics.SIGNING_KEYS, key.kid(), SigningKeyPublished.newBuilder().setKid(key.kid())
                .setService("asw-verification").setJwk(key.publicJwk().toJSONString()).setNotBefore(key.notBefore())
                .setCurrent(true).setPublishedAt(Instant.now()).build());
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        DeclarationSubmitted base = AvroEvents.submitted("DECL-R-" + suffix, "SUP-R-" + suffix, "REF-R-" + suffix);
        // declared as CNSHA: the carrier reports Yangshan CNYSA and Shanghai CNSGH, one node
        DeclarationSubmitted d = DeclarationSubmitted.newBuilder(base)
                .setConsignment(Consignment.newBuilder(base.getConsignment()).setPortOfLoading("CNSHA").build()).build();
        String id = d.getDeclarationId();
        String tdr = "TD-" + d.getReferenceNumber();
        String code = signer.sign(properties.tokens().verificationCodeType(), id,
                Map.of("referenceNumber", d.getReferenceNumber()), Duration.ofDays(365));
        String shortCode = ShortCode.generate();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant planned = now.minus(Duration.ofDays(2));
        TopicProbe.sendAvro(Topics.DECLARATIONS_ACCEPTED, id, AvroEvents.accepted(d));
        TopicProbe.sendAvro(Topics.ASW_VERIFICATIONS, id, VerificationCompleted.newBuilder(AvroEvents.verified(d, code))
                .setShortCode(shortCode).build());
        String tenant = d.getSupplierId();
        List<LogisticsNodeEvent> events = List.of(
                event("PLN-DEPA-" + suffix, EventClassifier.PLN, "DEPA", "CNYSA", now.minus(Duration.ofHours(2)), planned, tdr, "", null),
                event("PLN-ARRI-" + suffix, EventClassifier.PLN, "ARRI", "VNCMT", now.plus(Duration.ofHours(60)), planned, tdr, "", null),
                // the newer estimate is sent before the older one: the one created last wins
                event("EST-2-" + suffix, EventClassifier.EST, "ARRI", "VNTOT", now.plus(Duration.ofHours(70)), now.minus(Duration.ofHours(1)), tdr, "", null),
                event("EST-1-" + suffix, EventClassifier.EST, "ARRI", "VNCMT", now.plus(Duration.ofHours(50)), now.minus(Duration.ofHours(20)), tdr, tenant, null),
                event("ACT-DEPA-" + suffix, EventClassifier.ACT, "DEPA", "CNSGH", now.minus(Duration.ofHours(1)), now.minus(Duration.ofHours(1)), tdr, "", null),
                // a wrong arrival, retracted
                event("ACT-WRONG-" + suffix, EventClassifier.ACT, "ARRI", "VNCMT", now.minus(Duration.ofMinutes(30)), now.minus(Duration.ofMinutes(30)), tdr, "", null),
                event("RETRACT-" + suffix, EventClassifier.ACT, "ARRI", "VNCMT", now.minus(Duration.ofMinutes(30)), now.minus(Duration.ofMinutes(20)), tdr, "", "ACT-WRONG-" + suffix),
                // another exporter's tenant cannot move this consignment
                event("OTHER-" + suffix, EventClassifier.ACT, "ARRI", "VNCMT", now.minus(Duration.ofMinutes(10)), now.minus(Duration.ofMinutes(10)), tdr, "SUP-SOMEONE-ELSE", null));
        for (LogisticsNodeEvent e : events) {
            TopicProbe.sendAvro(Topics.LOGISTICS_NODE_EVENTS, tdr, e);
        }

        await().atMost(WAIT).untilAsserted(() -> {
            JsonNode view = json(get("/api/v1/declarations/" + id));
            assertThat(view.at("/verification/outcome").asString()).isEqualTo("VERIFIED");
            assertThat(view.at("/milestones")).hasSize(5);
            assertThat(view.at("/route/stops/0/unLocode").asString()).isEqualTo("CNYSA");
        });
        JsonNode route = json(get("/api/v1/declarations/" + id)).at("/route");
        assertThat(route.at("/stops")).hasSize(2);
        assertThat(route.at("/stops/0/reportedAs").toString()).contains("CNYSA").contains("CNSGH");
        assertThat(route.at("/stops/1/unLocode").asString()).isEqualTo("VNCMT");
        assertThat(route.at("/stops/1/role").asString()).isEqualTo("DISCHARGE");
        assertThat(route.at("/position/kind").asString()).isEqualTo("ON_LEG");
        assertThat(route.at("/position/from").asString()).isEqualTo("CNYSA");
        assertThat(route.at("/legs/0/status").asString()).isEqualTo("UNDERWAY");
        assertThat(route.at("/legs/0/vesselImo").asString()).isEqualTo("9321483");
        assertThat(route.at("/eta/basis").asString()).isEqualTo("EST");
        assertThat(Instant.parse(route.at("/eta/at").asString())).isEqualTo(now.plus(Duration.ofHours(70)));

        // the public entry: the same route with the code or the short code, nothing about the parties or goods
        HttpResponse<String> pub = getPublic("/api/v1/public/routes/" + d.getReferenceNumber() + "?code="
                + URLEncoder.encode(code, StandardCharsets.UTF_8));
        assertThat(pub.statusCode()).isEqualTo(200);
        JsonNode publicRoute = json(pub);
        assertThat(publicRoute.at("/referenceNumber").asString()).isEqualTo(d.getReferenceNumber());
        assertThat(publicRoute.at("/stops")).isEqualTo(route.at("/stops"));
        assertThat(publicRoute.at("/eta")).isEqualTo(route.at("/eta"));
        assertThat(publicRoute.at("/landmarks").valueStream().map(n -> n.at("/unLocode").asString()).toList())
                .containsExactly("CNYSA", "VNCMT", "MYPKG");
        assertThat(pub.body()).doesNotContain("Saigon Lighting").doesNotContain("Ningbo Bright").doesNotContain("940540")
                .doesNotContain(id);
        HttpResponse<String> byShort = getPublic("/api/v1/public/routes/" + d.getReferenceNumber() + "?code="
                + URLEncoder.encode(ShortCode.display(shortCode).toLowerCase(), StandardCharsets.UTF_8));
        assertThat(byShort.statusCode()).isEqualTo(200);

        // hostile inputs: a wrong code and an unknown reference get one and the same 404
        String otherCode = signer.sign(properties.tokens().verificationCodeType(), "OTHER", Map.of(), Duration.ofDays(1));
        HttpResponse<String> wrong = getPublic("/api/v1/public/routes/" + d.getReferenceNumber() + "?code=" + otherCode);
        HttpResponse<String> unknown = getPublic("/api/v1/public/routes/NO-SUCH-REF?code=" + otherCode);
        HttpResponse<String> wrongShort = getPublic("/api/v1/public/routes/" + d.getReferenceNumber() + "?code="
                + ShortCode.withCheck("0000000000"));
        for (HttpResponse<String> refused : List.of(wrong, unknown, wrongShort)) {
            assertThat(refused.statusCode()).isEqualTo(404);
            assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            assertThat(json(refused).at("/detail").asString()).isEqualTo(json(unknown).at("/detail").asString());
            assertThat(refused.body()).doesNotContain("CNYSA");
        }
        assertThat(getPublic("/api/v1/public/routes/" + d.getReferenceNumber()).statusCode()).isEqualTo(400);
        assertThat(getPublic("/api/v1/public/routes/" + d.getReferenceNumber() + "?code=" + "A".repeat(4097)).statusCode())
                .isEqualTo(400);
        assertThat(getPublic("/api/v1/public/routes/" + "R".repeat(101) + "?code=" + otherCode).statusCode()).isEqualTo(400);
        for (String odd : List.of("%00", "..%2F..%2Fdeclarations%2F" + id, "%2e%2e", "REF%0AX")) {
            HttpResponse<String> r = getPublic("/api/v1/public/routes/" + odd + "?code=" + otherCode);
            assertThat(r.statusCode()).as(odd).isBetween(400, 404);
            assertThat(r.body()).as(odd).doesNotContain("CNYSA").doesNotContain("Ningbo");
        }

        // the page: the custom element plus the same route as a table, readable without JavaScript
        HttpResponse<String> page = getPublic("/routes/" + d.getReferenceNumber() + "?code="
                + URLEncoder.encode(ShortCode.display(shortCode), StandardCharsets.UTF_8));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(page.headers().firstValue("Content-Security-Policy").orElse("")).contains("script-src 'self'")
                .contains("style-src 'self'").contains("frame-ancestors 'none'").doesNotContain("unsafe-inline");
        assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        assertThat(page.body()).contains("<originbridge-route reference=\"" + d.getReferenceNumber() + "\"")
                .contains("/embed/originbridge-route.js").contains("Shanghai Yangshan (CNYSA)").contains("Cai Mep (VNCMT)")
                .contains("On the way from Shanghai Yangshan to Cai Mep").contains("(estimated)")
                .doesNotContain("Saigon Lighting");
        assertThat(getPublic("/routes/" + d.getReferenceNumber() + "?code=" + otherCode).statusCode()).isEqualTo(404);
        HttpResponse<String> noCode = getPublic("/routes/" + d.getReferenceNumber());
        assertThat(noCode.statusCode()).isEqualTo(400);
        assertThat(noCode.body()).contains("<input name=\"code\"");
        HttpResponse<String> script = getPublic("/routes/%3Cscript%3Ealert(1)%3C%2Fscript%3E?code=x%22%3E%3Cscript%3E");
        assertThat(script.statusCode()).isBetween(400, 404);
        assertThat(script.body()).doesNotContain("<script>alert").doesNotContain("\"><script>");
        HttpResponse<String> scriptRef = getPublic("/routes/%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E");
        assertThat(scriptRef.body()).doesNotContain("<img");

        // what the page loads is served by status-query itself, without a token
        for (String asset : List.of("/embed/originbridge-route.js", "/embed/originbridge-route.css",
                "/embed/originbridge-route-element.css",
                "/webjars/leaflet/1.9.4/dist/leaflet.js", "/webjars/leaflet/1.9.4/dist/leaflet.css",
                "/vendor/topojson-client/topojson-client.min.js", "/maps/land-50m.json")) {
            assertThat(getPublic(asset).statusCode()).as(asset).isEqualTo(200);
        }

        // live: a browser follows the declaration's event stream; a new port event (the vessel arrives at
        // Cai Mep) changes the route but not the verification card: the stream pushes a 'route' event
        java.util.concurrent.BlockingQueue<String> routes = new java.util.concurrent.LinkedBlockingQueue<>();
        java.util.concurrent.CompletableFuture<HttpResponse<Void>> stream = routeEvents(d.getReferenceNumber(),
                ShortCode.display(shortCode), routes);
        try {
            // the stream is registered once its first 'card' event has come (no route event for an unchanged route)
            await().atMost(WAIT).until(() -> !routes.isEmpty() && routes.contains("card"));
            TopicProbe.sendAvro(Topics.LOGISTICS_NODE_EVENTS, tdr, event("ACT-ARRI-" + suffix, EventClassifier.ACT, "ARRI",
                    "VNTOT", now.minus(Duration.ofMinutes(5)), now.minus(Duration.ofMinutes(5)), tdr, "", null));
            String change = await().atMost(WAIT).until(
                    () -> routes.stream().filter(l -> l.startsWith("route ")).reduce((a, b) -> b).orElse(null),
                    l -> l != null && l.contains("ARRIVED"));
            JsonNode pushed = JSON.readTree(change.substring("route ".length()));
            assertThat(pushed.at("/referenceNumber").asString()).isEqualTo(d.getReferenceNumber());
            assertThat(pushed.at("/position/kind").asString()).isEqualTo("ARRIVED");
            assertThat(pushed.at("/position/at").asString()).isEqualTo("VNCMT");
            assertThat(change).doesNotContain("Saigon Lighting").doesNotContain(id);
        } finally {
            stream.cancel(true);
        }
    }

    /** Opens the live stream; puts "card" for each card event and "route DATA" for each route event. */
    private java.util.concurrent.CompletableFuture<HttpResponse<Void>> routeEvents(String reference, String code,
            java.util.concurrent.BlockingQueue<String> events) {
        HttpRequest request = HttpRequest.newBuilder(uri("/api/v1/public/verifications/" + reference + "/events?code="
                + URLEncoder.encode(code, StandardCharsets.UTF_8))).header("Accept", "text/event-stream").GET().build();
        String[] name = new String[1];
        return http.sendAsync(request, HttpResponse.BodyHandlers.fromLineSubscriber(new java.util.concurrent.Flow.Subscriber<String>() {
            @Override
            public void onSubscribe(java.util.concurrent.Flow.Subscription subscription) {
                subscription.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(String line) {
                if (line.startsWith("event:")) {
                    name[0] = line.substring(6);
                } else if (line.startsWith("data:") && "card".equals(name[0])) {
                    events.add("card");
                } else if (line.startsWith("data:") && "route".equals(name[0])) {
                    events.add("route " + line.substring(5));
                }
            }

            @Override
            public void onError(Throwable throwable) {
            }

            @Override
            public void onComplete() {
            }
        }));
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).header("Authorization", TestIssuer.bearer(TestIssuer.shared().operator()))
                .GET().build());
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
