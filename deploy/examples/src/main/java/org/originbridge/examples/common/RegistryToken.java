package org.originbridge.examples.common;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.function.Supplier;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An OAuth2 access token for the schema registry, which requires one on the local stack (docs/security.md
 * "Schema registry"): the client-credentials grant at the authorization server's token endpoint with
 * {@code client_secret_basic}, kept until a minute before it expires. Settings: {@code registry-client-id},
 * {@code registry-client-secret} (or {@code REGISTRY_CLIENT_ID} / {@code REGISTRY_CLIENT_SECRET}) and
 * {@code registry-token-url} (default {@code http://127.0.0.1:8088/oauth2/token}). Plain JDK HTTP; a
 * Confluent client does the same with its {@code bearer.auth.*} settings.
 */
public final class RegistryToken implements Supplier<String> {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final String tokenUrl;
    private final String basic;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private String token;
    private Instant renewAt = Instant.MIN;

    public RegistryToken(String tokenUrl, String clientId, String clientSecret) {
        this.tokenUrl = tokenUrl;
        this.basic = Base64.getEncoder().encodeToString((clientId + ":" + clientSecret).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The registry token the settings name ({@code registry-client-id} and its secret); without a
     * {@code registry-client-id}, {@code fallback} (e.g. a token the example already holds, or none:
     * a supplier of {@code null} calls the registry anonymously).
     */
    public static Supplier<String> from(Settings settings, Supplier<String> fallback) {
        String clientId = settings.get("registry-client-id", null);
        if (clientId == null) {
            return fallback;
        }
        return new RegistryToken(settings.get("registry-token-url", "http://127.0.0.1:8088/oauth2/token"), clientId,
                settings.require("registry-client-secret"));
    }

    @Override
    public synchronized String get() {
        if (token == null || Instant.now().isAfter(renewAt)) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(tokenUrl)).timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Basic " + basic)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build();
            try {
                HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() != 200) {
                    throw new IllegalStateException("the authorization server refused a registry token: HTTP "
                            + answer.statusCode() + " " + answer.body());
                }
                JsonNode body = JSON.readTree(answer.body());
                token = body.path("access_token").asString();
                renewAt = Instant.now().plusSeconds(Math.max(0, body.path("expires_in").asLong(60) - 60));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return token;
    }
}
