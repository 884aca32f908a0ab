package org.originbridge.asw.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.originbridge.asw.config.AswProperties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;

/**
 * ASW's HTTP client against a local server playing ASW and its token endpoint: with OAuth2
 * client credentials it gets a token (client_secret_basic), reuses it, and fetches a new one
 * after ASW answers 401; without them it sends the static token.
 */
class AswRestClientTest {

    private HttpServer server;
    private final List<String> apiAuthorizations = new CopyOnWriteArrayList<>();
    private final List<String> tokenRequests = new CopyOnWriteArrayList<>();
    private final AtomicInteger issued = new AtomicInteger();
    private volatile boolean rejectNextApiCall;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/asw/oauth2/token", exchange -> {
            String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            tokenRequests.add(exchange.getRequestHeaders().getFirst("Authorization") + " | " + form);
            respond(exchange, 200, """
                    {"access_token":"issued-%d","token_type":"Bearer","expires_in":300}""".formatted(issued.incrementAndGet()));
        });
        server.createContext("/asw/nsw/MY/v1/ping", exchange -> {
            apiAuthorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
            if (rejectNextApiCall) {
                rejectNextApiCall = false;
                respond(exchange, 401, "{}");
            } else {
                respond(exchange, 200, "{}");
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void withClientCredentialsEveryCallCarriesATokenFromTheTokenEndpointReusedUntilRefused() {
        RestClient http = client(properties(null,
                new AswProperties.OAuth(base() + "/asw/oauth2/token", "originbridge-asw", "s3cret-s3cret")));

        ping(http);
        ping(http);

        assertThat(tokenRequests).hasSize(1);
        assertThat(tokenRequests.get(0))
                .startsWith("Basic " + Base64.getEncoder().encodeToString("originbridge-asw:s3cret-s3cret".getBytes(StandardCharsets.UTF_8)))
                .contains("grant_type=client_credentials");
        assertThat(apiAuthorizations).containsExactly("Bearer issued-1", "Bearer issued-1");

        rejectNextApiCall = true;
        assertThatThrownBy(() -> ping(http)).isInstanceOf(HttpClientErrorException.Unauthorized.class);
        ping(http);

        assertThat(tokenRequests).hasSize(2);
        assertThat(apiAuthorizations).endsWith("Bearer issued-2");
    }

    @Test
    void withoutClientCredentialsTheStaticTokenIsSent() {
        ping(client(properties("static-token", new AswProperties.OAuth(null, null, null))));

        assertThat(apiAuthorizations).containsExactly("Bearer static-token");
        assertThat(tokenRequests).isEmpty();
    }

    @Test
    void credentialsComeAllThreeOrNoneAndOneKindIsRequired() {
        assertThatThrownBy(() -> new AswProperties.OAuth(base() + "/asw/oauth2/token", "id", null))
                .hasMessageContaining("together");
        assertThatThrownBy(() -> properties(" ", new AswProperties.OAuth(null, null, null)))
                .hasMessageContaining("ASW_CLIENT_TOKEN");
    }

    private void ping(RestClient http) {
        http.get().uri("/v1/ping").retrieve().toBodilessEntity();
    }

    private static RestClient client(AswProperties properties) {
        AswProperties.Resolved my = properties.resolvedChannels().stream().filter(c -> c.id().equals("ASW-MY")).findFirst().orElseThrow();
        return AswRestClient.build(my, AswRestClient.httpClient(properties.connectTimeout()), properties.readTimeout());
    }

    @Test
    void everyChannelHasItsOwnBaseUrlUnderTheRootAndCanHaveItsOwnUrlAndCredentials() {
        AswProperties p = new AswProperties(URI.create("http://sandbox.test/"), "shared", new AswProperties.OAuth(null, null, null),
                Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofDays(1), Duration.ofSeconds(5),
                new AswProperties.Retry(1, Duration.ofMillis(10), Duration.ofMillis(10), 50, 20, Duration.ofSeconds(1)),
                java.util.Map.of("jp-customs", new AswProperties.ChannelOverride(URI.create("https://customs.jp.test/rcep"), "jp-token", null)),
                java.util.List.of(" kr-customs "), 8, Duration.ofSeconds(30), Duration.ofSeconds(10), Duration.ofSeconds(60));

        java.util.Map<String, AswProperties.Resolved> channels = new java.util.TreeMap<>();
        p.resolvedChannels().forEach(c -> channels.put(c.id(), c));

        assertThat(channels).hasSize(14).doesNotContainKey("KR-CUSTOMS");
        assertThat(channels.get("ASW-MY").baseUrl()).hasToString("http://sandbox.test/asw/nsw/MY");
        assertThat(channels.get("ASW-MY").clientToken()).isEqualTo("shared");
        assertThat(channels.get("CN-CUSTOMS").baseUrl()).hasToString("http://sandbox.test/customs/CN");
        assertThat(channels.get("JP-CUSTOMS").baseUrl()).hasToString("https://customs.jp.test/rcep");
        assertThat(channels.get("JP-CUSTOMS").clientToken()).isEqualTo("jp-token");
        assertThat(p.toString()).doesNotContain("jp-token").doesNotContain("shared");
        assertThatThrownBy(() -> new AswProperties(URI.create("http://x"), "t", new AswProperties.OAuth(null, null, null),
                Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofDays(1), Duration.ofSeconds(5),
                new AswProperties.Retry(1, Duration.ofMillis(10), Duration.ofMillis(10), 50, 20, Duration.ofSeconds(1)),
                java.util.Map.of("US-CUSTOMS", new AswProperties.ChannelOverride(null, null, null)), null, 8, Duration.ofSeconds(30),
                Duration.ofSeconds(10), Duration.ofSeconds(60))).hasMessageContaining("US-CUSTOMS");
    }

    private AswProperties properties(String clientToken, AswProperties.OAuth oauth) {
        return new AswProperties(URI.create(base()), clientToken, oauth, Duration.ofSeconds(2), Duration.ofSeconds(5),
                Duration.ofDays(1), Duration.ofSeconds(5),
                new AswProperties.Retry(1, Duration.ofMillis(10), Duration.ofMillis(10), 50, 20, Duration.ofSeconds(1)),
                null, null, 8, Duration.ofSeconds(30), Duration.ofSeconds(10), Duration.ofSeconds(60));
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
