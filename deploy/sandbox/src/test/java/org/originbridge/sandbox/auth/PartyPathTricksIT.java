package org.originbridge.sandbox.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.originbridge.sandbox.TestTokens;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/**
 * Spellings of a party path that a filter matching the raw URI would not recognise, while the
 * server routes them to the party (issue 6: {@code /%61sw/...}). Over real HTTP, so Tomcat's
 * decoding, Spring Security's firewall and matching, and MVC's routing all take part.
 * Same configuration as SandboxIT, so the test context is shared.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "sandbox.asw.client-tokens=" + TestTokens.ASW,
    "sandbox.ccpit.applicant-tokens=" + TestTokens.EXPORTER_A + "=" + TestTokens.EXPORTER_A_TOKEN,
    "sandbox.latency.min=0ms",
    "sandbox.latency.max=5ms",
    "sandbox.dcsa.delivery-interval=100ms",
})
@Import(TestTokens.PinnedClock.class)
class PartyPathTricksIT {

    private static final String ASW_BODY = """
            {"declarationId":"D-TRICK-1","coReferenceNumber":"CO-TRICK-1","documentType":"CERTIFICATE_OF_ORIGIN",
             "exportingCountry":"CN","importingCountry":"VN","exporterName":"Ningbo Parts Ltd.",
             "hsCodes":["8708.29"],"issueDate":"2026-11-21","documentHash":"%s"}
            """.formatted("ab".repeat(32));

    @LocalServerPort int port;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void aPercentEncodedPartyPathIsThePartyPathAndNeedsItsToken() {
        HttpResponse<String> withoutToken = aswPost("/%61sw/v1/verifications", null);
        assertThat(withoutToken.statusCode()).isEqualTo(401);
        assertThat(withoutToken.headers().firstValue("WWW-Authenticate")).contains("Bearer realm=\"asw\"");

        assertThat(aswPost("/%61sw/v1/verifications", "Bearer wrong").statusCode()).isEqualTo(401);
        // the same spelling with the token reaches ASW: the rule guarded the path MVC routes
        assertThat(aswPost("/%61sw/v1/verifications", "Bearer " + TestTokens.ASW).statusCode()).isEqualTo(200);
    }

    @Test
    void ccpitSpelledWithAnEncodedLetterStillWantsTheApplicantsOwnToken() {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/%63cpit/v1/applications/APP-1"))
                .header("X-Applicant-Id", TestTokens.EXPORTER_A).header("Authorization", "Bearer " + TestTokens.ASW)
                .GET().build());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).contains("Bearer realm=\"ccpit\"");
    }

    @Test
    void pathParametersDotSegmentsAndDoubledOrEncodedSlashesAreRefusedBeforeAnyRule() {
        assertThat(aswPost("/asw;x=1/v1/verifications", null).statusCode()).isEqualTo(400);
        assertThat(aswPost("/asw//v1/verifications", null).statusCode()).isEqualTo(400);
        assertThat(aswPost("/asw%2fv1/verifications", null).statusCode()).isEqualTo(400);
        // out of the open certificate lookup into the guarded applications
        assertThat(get("/ccpit/v1/certificates/../applications/APP-1").statusCode()).isEqualTo(400);
        assertThat(get("/ccpit/v1/certificates/%2e%2e/applications/APP-1").statusCode()).isEqualTo(400);
    }

    @Test
    void theOpenPathsStayOpen() {
        assertThat(get("/actuator/health").statusCode()).isEqualTo(200);
        assertThat(get("/openapi/asw.yaml").statusCode()).isEqualTo(200);
        assertThat(get("/ccpit/v1/certificates/CCPIT-RCEP-2026-00000001?verificationCode=ABCDEFGH").statusCode())
                .isEqualTo(404);
    }

    private HttpResponse<String> aswPost(String path, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(ASW_BODY));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return send(request.build());
    }

    private HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET().build());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
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
}
