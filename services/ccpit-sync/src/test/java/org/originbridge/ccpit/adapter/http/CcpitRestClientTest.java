package org.originbridge.ccpit.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.originbridge.ccpit.config.CcpitProperties;
import org.originbridge.ccpit.domain.ApplicantCredential;
import org.originbridge.ccpit.domain.ApplicantCredentials;
import org.originbridge.ccpit.domain.IssuingAuthorityClient;
import org.originbridge.platform.resilience.ExternalCall;
import org.originbridge.platform.resilience.ExternalCallSettings;

/**
 * ccpit-sync's CCPIT client against a local server playing CCPIT and its token endpoint: each
 * exporter tenant authenticates with its own OAuth2 client, and a call for tenant A carries only
 * a token issued to A's client (never B's), interleaved calls included; a tenant without a client
 * still sends its static token, and gets no token from anybody else's client.
 */
class CcpitRestClientTest {

    private HttpServer server;
    /** "clientId" per token request, from the Basic header */
    private final List<String> tokenClients = new CopyOnWriteArrayList<>();
    /** "applicant | Authorization" per API call */
    private final List<String> apiCalls = new CopyOnWriteArrayList<>();
    private final AtomicInteger issued = new AtomicInteger();
    private volatile boolean tokenEndpointDown;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/ccpit/oauth2/token", exchange -> {
            if (tokenEndpointDown) {
                respond(exchange, 503, "{\"error\":\"temporarily_unavailable\"}");
                return;
            }
            String basic = exchange.getRequestHeaders().getFirst("Authorization");
            String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String decoded = new String(Base64.getDecoder().decode(basic.substring("Basic ".length())), StandardCharsets.UTF_8);
            String clientId = decoded.substring(0, decoded.indexOf(':'));
            String secret = decoded.substring(decoded.indexOf(':') + 1);
            if (!form.contains("grant_type=client_credentials") || !secret.equals("secret-of-" + clientId)) {
                respond(exchange, 401, "{\"error\":\"invalid_client\"}");
                return;
            }
            tokenClients.add(clientId);
            respond(exchange, 200, """
                    {"access_token":"%s-token-%d","token_type":"Bearer","expires_in":300}"""
                    .formatted(clientId, issued.incrementAndGet()));
        });
        server.createContext("/ccpit/v1/applications/", exchange -> {
            apiCalls.add(exchange.getRequestHeaders().getFirst("X-Applicant-Id") + " | "
                    + exchange.getRequestHeaders().getFirst("Authorization"));
            respond(exchange, 200, """
                    {"applicationId":"APP-1","declarationId":"D-1","status":"UNDER_REVIEW"}""");
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void eachTenantsCallsCarryOnlyTokensOfItsOwnClient() {
        ApplicantCredentials credentials = ApplicantCredentials.parse("SUP-C=static-c")
                .withClientCredentials(java.util.Set.of("SUP-A", "SUP-B"));
        HttpCcpitClient ccpit = client(Map.of("SUP-A", "secret-of-SUP-A", "SUP-B", "secret-of-SUP-B"));

        for (String supplier : List.of("SUP-A", "SUP-B", "SUP-A", "SUP-C", "SUP-B", "SUP-A")) {
            ccpit.fetch(credentials.forSupplier(supplier).orElseThrow(), "APP-1");
        }

        assertThat(tokenClients).containsExactlyInAnyOrder("SUP-A", "SUP-B");
        assertThat(apiCalls).hasSize(6).allSatisfy(call -> {
            String applicant = call.substring(0, call.indexOf(" | "));
            String authorization = call.substring(call.indexOf(" | ") + 3);
            if (applicant.equals("SUP-C")) {
                assertThat(authorization).isEqualTo("Bearer static-c");
            } else {
                assertThat(authorization).as(call).startsWith("Bearer " + applicant + "-token-");
            }
        });
        // each client's token is reused: one token request per tenant for six calls
        assertThat(apiCalls.stream().filter(c -> c.startsWith("SUP-A")).distinct()).hasSize(1);
    }

    @Test
    void aTenantWithoutAnyCredentialsGetsNoTokenFromAnotherTenantsClient() {
        HttpCcpitClient ccpit = client(Map.of("SUP-A", "secret-of-SUP-A"));

        // a credential without a static token for a supplier that has no OAuth2 client
        ccpit.fetch(ApplicantCredential.clientCredentials("SUP-X"), "APP-1");

        assertThat(tokenClients).isEmpty();
        assertThat(apiCalls).containsExactly("SUP-X | null");
    }

    @Test
    void aRefusedClientIsRefusedForThatTenantAndAFailingTokenEndpointIsRetryLater() {
        HttpCcpitClient ccpit = client(Map.of("SUP-A", "wrong-secret", "SUP-B", "secret-of-SUP-B"));

        assertThatThrownBy(() -> ccpit.fetch(ApplicantCredential.clientCredentials("SUP-A"), "APP-1"))
                .isInstanceOf(IssuingAuthorityClient.Refused.class).hasMessageContaining("the client was refused");
        tokenEndpointDown = true;
        assertThatThrownBy(() -> ccpit.fetch(ApplicantCredential.clientCredentials("SUP-B"), "APP-1"))
                .isInstanceOf(IssuingAuthorityClient.Unavailable.class);
        tokenEndpointDown = false;
        ccpit.fetch(ApplicantCredential.clientCredentials("SUP-B"), "APP-1");

        assertThat(apiCalls).containsExactly("SUP-B | Bearer SUP-B-token-1");
    }

    @Test
    void withoutOAuthClientsStaticTokensAreSent() {
        client(Map.of()).fetch(new ApplicantCredential("SUP-C", "static-c"), "APP-1");

        assertThat(apiCalls).containsExactly("SUP-C | Bearer static-c");
        assertThat(tokenClients).isEmpty();
    }

    @Test
    void clientsNeedTheTokenUriAndOAuthSuppliersOverrideStaticTokens() {
        assertThatThrownBy(() -> new CcpitProperties.OAuth("", "SUP-A=s")).hasMessageContaining("CCPIT_OAUTH_TOKEN_URI");
        ApplicantCredentials merged = ApplicantCredentials.parse("SUP-A=static-a,SUP-C=static-c")
                .withClientCredentials(java.util.Set.of("SUP-A"));
        assertThat(merged.forSupplier("SUP-A")).contains(ApplicantCredential.clientCredentials("SUP-A"));
        assertThat(merged.forSupplier("SUP-C")).contains(new ApplicantCredential("SUP-C", "static-c"));
        assertThat(merged.size()).isEqualTo(2);
    }

    private HttpCcpitClient client(Map<String, String> secrets) {
        CcpitProperties properties = new CcpitProperties(URI.create(base()), "", Duration.ofSeconds(5), Duration.ofHours(6),
                Duration.ofSeconds(30), Duration.ofSeconds(30), 50, List.of("CERTIFICATE_OF_ORIGIN"), Duration.ofSeconds(2),
                Duration.ofSeconds(5), Duration.ofSeconds(5),
                new CcpitProperties.Retry(1, Duration.ofMillis(10), Duration.ofMillis(10), 50, 20, Duration.ofSeconds(1)),
                new CcpitProperties.Qr(URI.create("http://127.0.0.1:8080"), Duration.ofDays(365), 300),
                new CcpitProperties.OAuth(base() + "/ccpit/oauth2/token", ""), 4,
                new CcpitProperties.VnMoit(true, URI.create(base()), "", new CcpitProperties.Retry(1, Duration.ofMillis(10),
                        Duration.ofMillis(10), 50, 20, Duration.ofSeconds(1))),
                new CcpitProperties.Callback("", Duration.ofMinutes(5), 16384, Duration.ofSeconds(15)));
        ExternalCall call = new ExternalCall("ccpit", new ExternalCallSettings(1, Duration.ofMillis(10), Duration.ofMillis(10),
                50, 20, Duration.ofSeconds(1)), new SimpleMeterRegistry());
        return new HttpCcpitClient(CcpitRestClient.build(properties, secrets), call);
    }

    private String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
