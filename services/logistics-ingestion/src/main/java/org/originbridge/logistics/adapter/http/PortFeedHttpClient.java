package org.originbridge.logistics.adapter.http;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import org.originbridge.logistics.domain.PortFeed;
import org.originbridge.platform.resilience.ExternalCall;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriComponentsBuilder;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;

/**
 * {@code GET {base}/dcsa/v2/events?eventCreatedDateTime:gte=<instant>&limit=<n>} (DCSA Track and
 * Trace v2 query names) through the platform's {@link ExternalCall}: retries, breaker, metrics.
 */
public class PortFeedHttpClient implements PortFeed {

    private final RestClient http;
    private final ExternalCall call;
    private final ObjectMapper json;
    private final String baseUrl;
    private final String token;

    public PortFeedHttpClient(RestClient http, ExternalCall call, ObjectMapper json, String baseUrl, String token) {
        this.http = http;
        this.call = call;
        this.json = json;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.token = token == null || token.isBlank() ? null : token.trim();
    }

    @Override
    public List<Object> eventsCreatedFrom(Instant createdFrom, int limit) {
        URI uri = UriComponentsBuilder.fromUriString(baseUrl + "/dcsa/v2/events")
                .queryParam("eventCreatedDateTime:gte", createdFrom.toString())
                .queryParam("limit", limit)
                .encode().build().toUri();
        byte[] body = call.execute("events", () -> http.get().uri(uri)
                .accept(MediaType.APPLICATION_JSON)
                .headers(h -> {
                    if (token != null) {
                        h.set(HttpHeaders.AUTHORIZATION, "Bearer " + token);
                    }
                })
                .retrieve().body(byte[].class));
        if (body == null || body.length == 0) {
            return List.of();
        }
        Object parsed;
        try {
            parsed = json.readValue(body, Object.class);
        } catch (JacksonException e) {
            throw new IllegalStateException("the port feed answered malformed JSON: " + e.getOriginalMessage(), e);
        }
        if (!(parsed instanceof List<?> events)) {
            throw new IllegalStateException("the port feed answered " + parsed.getClass().getSimpleName()
                    + " where a JSON array of events was expected");
        }
        return java.util.Collections.unmodifiableList(new java.util.ArrayList<Object>(events));
    }
}
