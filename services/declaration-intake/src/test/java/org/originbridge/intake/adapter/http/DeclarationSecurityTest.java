package org.originbridge.intake.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.originbridge.intake.Declarations.certificateOfOrigin;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.originbridge.intake.Declarations;
import org.originbridge.intake.domain.SubmissionChannel;
import org.originbridge.testsupport.EmbeddedMongo;
import org.originbridge.testsupport.TestIssuer;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * Attacks on intake's HTTP API over a real socket (the broker replaced by a mock channel): path
 * tricks, forged and foreign tokens, missing scopes, submitting for another exporter, re-using
 * another exporter's declaration id or reference number.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.kafka.listener.auto-startup=false",
        "spring.kafka.admin.auto-create=false"})
class DeclarationSecurityTest {

    private static final TestIssuer ISSUER = TestIssuer.shared();
    private static final String A = "SUP-SEC-A-" + UUID.randomUUID();
    private static final String B = "SUP-SEC-B-" + UUID.randomUUID();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestIssuer.registerProperties(registry);
        EmbeddedMongo.registerProperties(registry, "intake-security-test");
    }

    @LocalServerPort
    int port;

    @MockitoBean
    SubmissionChannel channel;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void pathTricksNeverReachTheApiWithoutAToken() throws Exception {
        String body = Declarations.json(certificateOfOrigin().supplierId(A).build());
        for (String path : new String[] {"/%61pi/v1/declarations", "/api;x=1/v1/declarations", "//api/v1/declarations",
                "/api/v1/../v1/declarations", "/api/v1/%2e%2e/v1/declarations", "/api%2fv1/declarations",
                "/api/v1/declarations;jsessionid=x"}) {
            int status = rawPost(path, body, null);
            assertThat(status).as(path).isIn(400, 401);
        }
        verify(channel, never()).submit(any());
    }

    @Test
    void anEncodedPathWithATokenWithoutTheScopeIsStill403() throws Exception {
        String readOnly = ISSUER.token("reader", "exporter", java.util.List.of(A), null, "declarations.read");
        String body = Declarations.json(certificateOfOrigin().supplierId(A).build());

        assertThat(rawPost("/%61pi/v1/declarations", body, readOnly)).isIn(400, 403);
        assertThat(post(body, readOnly).statusCode()).isEqualTo(403);
        verify(channel, never()).submit(any());
    }

    @Test
    void forgedExpiredAndForeignTokensAre401ProblemJson() throws Exception {
        String body = Declarations.json(certificateOfOrigin().supplierId(A).build());
        for (String token : new String[] {ISSUER.expired(A), ISSUER.foreignIssuer(A), ISSUER.wrongAudience(A),
                ISSUER.algNone(A), ISSUER.hs256WithPublicKey(A), ISSUER.unknownKid(A), "not-a-jwt",
                TestIssuer.tamperedPayload(ISSUER.exporter(B), "{\"sub\":\"x\"}")}) {
            HttpResponse<String> response = post(body, token);
            assertThat(response.statusCode()).as(token).isEqualTo(401);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    t -> assertThat(t).startsWith("application/problem+json"));
            assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                    h -> assertThat(h).startsWith("Bearer"));
        }
        verify(channel, never()).submit(any());
    }

    @Test
    void anExporterCannotSubmitForAnotherExporter() throws Exception {
        HttpResponse<String> response = post(Declarations.json(certificateOfOrigin().supplierId(B).build()), ISSUER.exporter(A));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("supplierId");
        verify(channel, never()).submit(any());
    }

    @Test
    void aProviderSubmitsForTheExportersItManagesOnly() throws Exception {
        String provider = ISSUER.provider(A);

        assertThat(post(Declarations.json(certificateOfOrigin().supplierId(A).referenceNumber("REF-P-" + UUID.randomUUID())
                .build()), provider).statusCode()).isEqualTo(202);
        assertThat(post(Declarations.json(certificateOfOrigin().supplierId(B).build()), provider).statusCode()).isEqualTo(403);
        assertThat(post(Declarations.json(certificateOfOrigin().supplierId(A).build()), ISSUER.importer("JP-X")).statusCode())
                .as("an importer has no declarations.write").isEqualTo(403);
    }

    @Test
    void reusingAnotherExportersDeclarationIdOrReferenceIs409AndPublishesNothing() throws Exception {
        String id = "DECL-SEC-" + UUID.randomUUID();
        String reference = "REF-SEC-" + UUID.randomUUID();
        assertThat(post(Declarations.json(certificateOfOrigin().id(id).supplierId(B).referenceNumber(reference).build()),
                ISSUER.exporter(B)).statusCode()).isEqualTo(202);
        clearInvocations(channel);

        HttpResponse<String> sameId = post(Declarations.json(certificateOfOrigin().id(id).supplierId(A)
                .referenceNumber("REF-SEC-A-" + UUID.randomUUID()).build()), ISSUER.exporter(A));
        HttpResponse<String> sameReference = post(Declarations.json(certificateOfOrigin().id("DECL-SEC-A-" + UUID.randomUUID())
                .supplierId(A).referenceNumber(reference).build()), ISSUER.exporter(A));

        assertThat(sameId.statusCode()).isEqualTo(409);
        assertThat(sameId.body()).contains("declarationId").doesNotContain(B);
        assertThat(sameReference.statusCode()).isEqualTo(409);
        assertThat(sameReference.body()).contains("referenceNumber");
        verify(channel, never()).submit(any());

        // the owner itself may submit its declaration again
        assertThat(post(Declarations.json(certificateOfOrigin().id(id).supplierId(B).referenceNumber(reference).build()),
                ISSUER.exporter(B)).statusCode()).isEqualTo(202);
    }

    private HttpResponse<String> post(String body, String token) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/declarations"))
                .header("Content-Type", "application/json").header("Authorization", TestIssuer.bearer(token))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A request line written as is (no client-side normalisation of the path); returns the status. */
    private int rawPost(String path, String body, String token) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            String head = "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + (token == null ? "" : "Authorization: Bearer " + token + "\r\n")
                    + "Content-Length: " + bytes.length + "\r\nConnection: close\r\n\r\n";
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(bytes);
            out.flush();
            InputStream in = socket.getInputStream();
            String statusLine = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
            return Integer.parseInt(statusLine.substring(9, 12));
        }
    }
}
