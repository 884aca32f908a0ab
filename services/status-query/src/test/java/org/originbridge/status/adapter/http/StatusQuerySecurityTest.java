package org.originbridge.status.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.originbridge.status.domain.Fixtures.T0;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.originbridge.status.adapter.mongo.MongoStatusStore;
import org.originbridge.status.domain.DeclarationData;
import org.originbridge.status.domain.Fixtures;
import org.originbridge.status.domain.IntakeRecord;
import org.originbridge.testsupport.EmbeddedMongo;
import org.originbridge.testsupport.TestIssuer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Attacks on status-query's HTTP API over a real socket, with the read model seeded directly (no
 * broker): path tricks, forged and foreign tokens, missing scopes, tenant isolation of reads,
 * CORS of the public paths, and the public rate limit behind a (trusted or spoofed) proxy.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.kafka.listener.auto-startup=false",
        "spring.kafka.admin.auto-create=false",
        "originbridge.security.public-requests-per-minute=5",
        "originbridge.security.cors.allowed-origins=https://exporter.example",
        // 127.0.0.2 plays the operator's reverse proxy; nobody else's X-Forwarded-For is trusted
        "server.tomcat.remoteip.internal-proxies=127\\\\.0\\\\.0\\\\.2"})
class StatusQuerySecurityTest {

    private static final TestIssuer ISSUER = TestIssuer.shared();
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final String A = "SUP-A-" + RUN;
    private static final String B = "SUP-B-" + RUN;
    private static final String C = "SUP-C-" + RUN;
    private static final String IMPORTER = "JP-OSAKA-DENKI-" + RUN;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestIssuer.registerProperties(registry);
        EmbeddedMongo.registerProperties(registry, "status-query-security-test");
    }

    @LocalServerPort
    int port;

    @Autowired
    MongoStatusStore store;

    private final HttpClient http = HttpClient.newHttpClient();

    /** One declaration per tenant; A's is issued and addressed to the importer. */
    private void seed() {
        for (String tenant : List.of(A, B, C)) {
            String id = "D-" + tenant;
            DeclarationData d = Fixtures.declaration("REF-" + tenant);
            if (tenant.equals(A)) {
                d = new DeclarationData(d.documentType(), d.referenceNumber(), d.issueDate(), d.exporter(), d.producer(),
                        new DeclarationData.Party("Osaka Denki KK", "Osaka", "JP", IMPORTER), d.destinationCountry(),
                        d.goods(), d.consignment(), d.approvedExporterCode(), d.issuingBody());
            }
            store.recordIntake(id, tenant, "REF-" + tenant, IntakeRecord.of(IntakeRecord.ACCEPTED, T0, null, null), d);
            store.recordIssuance(id, tenant, "REF-" + tenant, Fixtures.issuance(1, "ISSUED", T0));
        }
    }

    @Test
    void pathTricksAnswer400Or401NeverData() throws Exception {
        seed();
        for (String path : List.of("/%61pi/v1/declarations", "/api;x=1/v1/declarations", "//api/v1/declarations",
                "/api/v1/../v1/declarations", "/api/v1/public/../../v1/declarations", "/api/v1/public/%2e%2e/%2e%2e/v1/declarations",
                "/api%2fv1/declarations", "/api/v1/declarations/D-" + A + ";x=1", "/API/v1/declarations")) {
            int status = rawGet(path, null, null, null);
            assertThat(status).as(path).isIn(400, 401);
        }
        // and an encoded path with an exporter's token is still scoped to the exporter
        assertThat(rawGet("/%61pi/v1/declarations/D-" + B, ISSUER.exporter(A), null, null)).isIn(400, 404);
    }

    @Test
    void forgedExpiredAndForeignTokensAre401() throws Exception {
        for (String token : List.of(ISSUER.expired(A), ISSUER.foreignIssuer(A), ISSUER.wrongAudience(A), ISSUER.algNone(A),
                ISSUER.hs256WithPublicKey(A), ISSUER.unknownKid(A), "garbage")) {
            HttpResponse<String> response = get("/api/v1/declarations", token);
            assertThat(response.statusCode()).as(token).isEqualTo(401);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    t -> assertThat(t).startsWith("application/problem+json"));
        }
        assertThat(get("/api/v1/declarations", null).statusCode()).isEqualTo(401);
    }

    @Test
    void aMissingScopeIs403() throws Exception {
        assertThat(get("/api/v1/declarations", ISSUER.procurement()).statusCode()).isEqualTo(403);
        assertThat(get("/api/v1/declarations/D-" + A, ISSUER.importer(IMPORTER)).statusCode()).isEqualTo(403);
        HttpResponse<String> noEcoScope = get("/api/v1/importer/declarations/D-" + A + "/eco",
                ISSUER.token("x", "importer", List.of(), IMPORTER, "declarations.read"));
        assertThat(noEcoScope.statusCode()).isEqualTo(403);
        assertThat(noEcoScope.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/problem+json"));
    }

    @Test
    void exportersProvidersImportersAndOperatorsSeeOnlyWhatIsTheirs() throws Exception {
        seed();
        String a = ISSUER.exporter(A);
        assertThat(get("/api/v1/declarations/D-" + A, a).statusCode()).isEqualTo(200);
        HttpResponse<String> foreign = get("/api/v1/declarations/D-" + B, a);
        HttpResponse<String> unknown = get("/api/v1/declarations/D-NOBODY-" + RUN, a);
        assertThat(foreign.statusCode()).as("no existence oracle").isEqualTo(404);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(foreign.body().replace("D-" + B, "X")).isEqualTo(unknown.body().replace("D-NOBODY-" + RUN, "X"));

        assertThat(get("/api/v1/declarations?limit=100", a).body()).contains("D-" + A).doesNotContain("D-" + B, "D-" + C);
        assertThat(get("/api/v1/declarations?supplierId=" + B, a).body()).doesNotContain("D-" + B);

        String provider = ISSUER.provider(A, B);
        assertThat(get("/api/v1/declarations?limit=100", provider).body()).contains("D-" + A, "D-" + B).doesNotContain("D-" + C);
        assertThat(get("/api/v1/declarations/D-" + C, provider).statusCode()).isEqualTo(404);

        String importer = ISSUER.importer(IMPORTER);
        assertThat(get("/api/v1/importer/declarations/D-" + A + "/eco", importer).statusCode()).isEqualTo(200);
        assertThat(get("/api/v1/importer/declarations/D-" + B + "/eco", importer).statusCode()).isEqualTo(404);
        assertThat(get("/api/v1/importer/declarations/D-" + A + "/eco", ISSUER.importer("KR-OTHER")).statusCode())
                .isEqualTo(404);
        assertThat(get("/api/v1/importer/declarations/D-" + B + "/eco", a).statusCode()).isEqualTo(404);

        String operator = ISSUER.operator();
        assertThat(get("/api/v1/declarations?limit=100", operator).body()).contains("D-" + A, "D-" + B, "D-" + C);
        assertThat(get("/api/v1/importer/declarations/D-" + C + "/eco", operator).statusCode()).isEqualTo(200);
    }

    @Test
    void publicPathsHaveAnExplicitCorsPolicy() throws Exception {
        HttpResponse<String> allowed = preflight("/api/v1/public/verifications/REF-X", "https://exporter.example");
        assertThat(allowed.statusCode()).isEqualTo(200);
        assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://exporter.example");

        assertThat(preflight("/api/v1/public/verifications/REF-X", "https://evil.example").statusCode()).isEqualTo(403);
        HttpResponse<String> protectedPath = preflight("/api/v1/declarations", "https://exporter.example");
        assertThat(protectedPath.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void thePublicRateLimitHoldsAndASpoofedForwardedForBuysNoFreshBucket() throws Exception {
        String path = "/api/v1/public/verifications/REF-RATE?code=x";
        // a burst from 127.0.0.1 (an untrusted peer), each request claiming another client address
        int refused = 0;
        for (int i = 0; i < 15; i++) {
            int status = rawGet(path, null, "203.0.113." + i, "127.0.0.1");
            assertThat(status).isNotEqualTo(500);
            if (status == 429) {
                refused++;
            }
        }
        assertThat(refused).as("the forged X-Forwarded-For is ignored: one bucket, 5 per minute").isGreaterThanOrEqualTo(7);

        // the trusted proxy's X-Forwarded-For names the client: another client has its own bucket
        assertThat(rawGet(path, null, "198.51.100.7", "127.0.0.2")).isNotEqualTo(429);
        int fromProxyClient = 0;
        for (int i = 0; i < 10; i++) {
            if (rawGet(path, null, "198.51.100.8", "127.0.0.2") == 429) {
                fromProxyClient++;
            }
        }
        assertThat(fromProxyClient).as("and that client is limited too").isGreaterThanOrEqualTo(3);
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET();
        if (token != null) {
            request.header("Authorization", TestIssuer.bearer(token));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> preflight(String path, String origin) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).header("Origin", origin)
                .header("Access-Control-Request-Method", "GET").build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A GET written as is (no client-side normalisation), optionally from another loopback address. */
    private int rawGet(String path, String token, String forwardedFor, String fromAddress) throws IOException {
        try (Socket socket = new Socket()) {
            if (fromAddress != null) {
                socket.bind(new InetSocketAddress(fromAddress, 0));
            }
            socket.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            String head = "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + (token == null ? "" : "Authorization: Bearer " + token + "\r\n")
                    + (forwardedFor == null ? "" : "X-Forwarded-For: " + forwardedFor + "\r\n")
                    + "Connection: close\r\n\r\n";
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String statusLine = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
            return Integer.parseInt(statusLine.substring(9, 12));
        }
    }
}
