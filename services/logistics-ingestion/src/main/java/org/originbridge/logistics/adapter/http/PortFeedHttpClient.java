package org.originbridge.logistics.adapter.http;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.originbridge.logistics.config.LogisticsProperties;
import org.originbridge.logistics.domain.PortFeed;
import org.originbridge.platform.outbound.ClientCredentials;
import org.originbridge.platform.resilience.ExternalCall;
import org.originbridge.platform.resilience.ExternalCallSettings;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriComponentsBuilder;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;

/**
 * {@code GET {base}/dcsa/v2/events?eventCreatedDateTime:gte=<instant>&limit=<n>} (DCSA Track and
 * Trace v2 query names) through the platform's {@link ExternalCall}: retries, breaker, metrics.
 */
@Component
@ConditionalOnProperty(name = "originbridge.logistics.poll.enabled", havingValue = "true", matchIfMissing = true)
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

    /**
     * The feed of {@code originbridge.logistics.poll}: connect timeout 3 s, read timeout 10 s, observed (each poll
     * is a span, traceparent sent), {@code poll.max-attempts} attempts of the platform's call settings; with
     * {@code poll.oauth} enabled, client credentials at the feed's token endpoint instead of {@code PORT_FEED_TOKEN}.
     */
    @Autowired
    public PortFeedHttpClient(LogisticsProperties properties, MeterRegistry registry, ObjectMapper json,
            ObservationRegistry observations) {
        this(restClient(properties.poll(), observations), externalCall(properties.poll(), registry), json,
                properties.poll().baseUrl(), properties.poll().oauth().enabled() ? null : properties.poll().token());
    }

    private static ExternalCall externalCall(LogisticsProperties.Poll poll, MeterRegistry registry) {
        ExternalCallSettings defaults = ExternalCallSettings.defaults();
        return new ExternalCall("port-feed", new ExternalCallSettings(poll.maxAttempts(),
                defaults.initialBackoff(), defaults.maxBackoff(), defaults.failureRateThreshold(),
                defaults.slidingWindowSize(), defaults.openStateWait()), registry);
    }

    private static RestClient restClient(LogisticsProperties.Poll poll, ObservationRegistry observations) {
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build());
        requests.setReadTimeout(Duration.ofSeconds(10));
        RestClient.Builder http = RestClient.builder().requestFactory(requests).observationRegistry(observations);
        if (poll.oauth().enabled()) {
            http.requestInterceptor(ClientCredentials.single(new ClientCredentials.Client(
                    "port-feed", poll.oauth().tokenUri(), poll.oauth().clientId(), poll.oauth().clientSecret())));
        }
        return http.build();
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
