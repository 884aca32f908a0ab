package org.originbridge.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An OAuth2 client-credentials access token for the schema registry, fetched from the auth server's token endpoint
 * and fetched again a minute before it expires. Reads the same settings as the services' serdes:
 * {@code ORIGINBRIDGE_REGISTRY_CLIENT_ID}, {@code _SECRET}, {@code _TOKEN_URL} ({@link #fromEnvironment(Clock)}); without
 * them there is no token (an anonymous registry). For tools outside Spring (the pipeline benchmark).
 */
public final class RegistryToken implements Supplier<String> {

    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern EXPIRES_IN = Pattern.compile("\"expires_in\"\\s*:\\s*(\\d+)");

    private final URI tokenUrl;
    private final String clientId;
    private final String clientSecret;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private String token;
    private Instant refreshAt = Instant.MIN;

    public RegistryToken(URI tokenUrl, String clientId, String clientSecret, Clock clock) {
        this.tokenUrl = tokenUrl;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.clock = clock;
    }

    /** The token source the environment configures, or one that answers null when no client is configured. */
    public static Supplier<String> fromEnvironment(Clock clock) {
        String id = System.getenv("ORIGINBRIDGE_REGISTRY_CLIENT_ID");
        String secret = System.getenv("ORIGINBRIDGE_REGISTRY_CLIENT_SECRET");
        String url = System.getenv("ORIGINBRIDGE_REGISTRY_TOKEN_URL");
        if (id == null || id.isBlank() || secret == null || url == null || url.isBlank()) {
            return () -> null;
        }
        return new RegistryToken(URI.create(url), id, secret, clock);
    }

    @Override
    public synchronized String get() {
        Instant now = clock.instant();
        if (token == null || !now.isBefore(refreshAt)) {
            String body = "grant_type=client_credentials";
            String basic = Base64.getEncoder().encodeToString((URLEncoder.encode(clientId, StandardCharsets.UTF_8) + ":"
                    + URLEncoder.encode(clientSecret, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
            HttpRequest request = HttpRequest.newBuilder(tokenUrl).timeout(Duration.ofSeconds(10))
                    .header("Authorization", "Basic " + basic)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            String answer = send(request);
            Matcher t = ACCESS_TOKEN.matcher(answer);
            if (!t.find()) {
                throw new IllegalStateException(tokenUrl + " answered without an access_token");
            }
            Matcher e = EXPIRES_IN.matcher(answer);
            long seconds = e.find() ? Long.parseLong(e.group(1)) : 300;
            token = t.group(1);
            refreshAt = now.plusSeconds(Math.max(0, seconds - 60));
        }
        return token;
    }

    private String send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(tokenUrl + " refused client '" + clientId + "': HTTP " + response.statusCode());
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
