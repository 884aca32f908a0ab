package org.originbridge.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small HTTP client for the services' APIs, with an access token from {@link Tokens}. */
final class Http {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    HttpResponse<String> get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", Tokens.bearer(Tokens.operator())).GET().build());
    }

    /** GETs with the given access token. */
    HttpResponse<String> getAs(String url, String token) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", Tokens.bearer(token)).GET().build());
    }

    HttpResponse<String> getWithoutKey(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET().build());
    }

    /** POSTs JSON with the given access token (see {@link Tokens}). */
    HttpResponse<String> postJson(String url, String body, String token) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", Tokens.bearer(token))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** The JSON body of a 200 answer, or null for any other status. */
    JsonNode json(String url) {
        HttpResponse<String> response = get(url);
        return response.statusCode() == 200 ? JSON.readTree(response.body()) : null;
    }

    static JsonNode parse(String body) {
        return JSON.readTree(body);
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(request.uri() + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
