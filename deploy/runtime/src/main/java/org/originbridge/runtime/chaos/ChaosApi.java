package org.originbridge.runtime.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The HTTP side of the suite: access tokens from the local authorization server (client
 * credentials, secrets read from its clients.json in the chaos data directory), declarations
 * submitted to declaration-intake, consolidated statuses from status-query (operator token), the
 * sandbox's chaos settings and its operator-only call ledger.
 */
final class ChaosApi {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TOKEN_REFRESH = Duration.ofMinutes(5);

    private record Token(String value, Instant fetched) {}

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ChaosEnvironment env;
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();

    ChaosApi(ChaosEnvironment env) {
        this.env = env;
    }

    /** A declaration submission's answer: HTTP status (0 when no answer came). */
    int submit(String exporterClient, String declarationJson) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(env.url("declaration-intake", "/api/v1/declarations")))
                    .timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + token(exporterClient))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(declarationJson)).build();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException | RuntimeException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    /** The consolidated status, or null when status-query does not know it (404) or does not answer. */
    JsonNode status(String declarationId) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(env.url("status-query", "/api/v1/declarations/" + declarationId)))
                    .timeout(Duration.ofSeconds(20))
                    .header("Authorization", "Bearer " + token("operator")).GET().build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? JSON.readTree(response.body()) : null;
        } catch (IOException | RuntimeException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** {@code PUT /sandbox/chaos} with the given failure rate (1.0 = every ASW/CCPIT/DCSA call answers 503). */
    void sandboxFailureRate(double rate) throws IOException, InterruptedException {
        ObjectNode body = JSON.createObjectNode().put("failureRate", rate);
        HttpRequest request = HttpRequest.newBuilder(URI.create(env.url("sandbox", "/sandbox/chaos")))
                .timeout(Duration.ofSeconds(20)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body.toString())).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("PUT /sandbox/chaos answered " + response.statusCode() + ": " + response.body());
        }
    }

    /** {@code GET /sandbox/ledger} (operator token): calls per declaration at ASW and CCPIT. */
    JsonNode sandboxLedger() throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(env.url("sandbox", "/sandbox/ledger")))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + env.sandboxOperatorToken()).GET().build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("GET /sandbox/ledger answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    private String token(String client) {
        Token t = tokens.get(client);
        if (t != null && t.fetched().plus(TOKEN_REFRESH).isAfter(Instant.now())) {
            return t.value();
        }
        t = new Token(fetchToken(client), Instant.now());
        tokens.put(client, t);
        return t.value();
    }

    private String fetchToken(String client) {
        try {
            String secret = null;
            for (JsonNode c : JSON.readTree(Files.readString(env.authClientsFile())).path("clients")) {
                if (client.equals(c.path("clientId").asText())) {
                    secret = c.path("clientSecret").asText();
                }
            }
            if (secret == null) {
                throw new IllegalStateException("no client " + client + " in " + env.authClientsFile());
            }
            String basic = Base64.getEncoder().encodeToString((client + ":" + secret).getBytes(StandardCharsets.UTF_8));
            HttpRequest request = HttpRequest.newBuilder(URI.create(env.url("auth-server", "/oauth2/token")))
                    .timeout(Duration.ofSeconds(20)).header("Authorization", "Basic " + basic)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("the auth server refused a token for " + client + ": HTTP " + response.statusCode());
            }
            return JSON.readTree(response.body()).path("access_token").asText();
        } catch (IOException e) {
            throw new IllegalStateException("no token for " + client + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    static String read(Path file) throws IOException {
        return Files.readString(file);
    }
}
