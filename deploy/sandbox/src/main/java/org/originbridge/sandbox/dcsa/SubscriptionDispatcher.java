package org.originbridge.sandbox.dcsa;

import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.originbridge.sandbox.web.BadRequestException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import tools.jackson.databind.ObjectMapper;

/**
 * Holds the subscriptions and POSTs due events to their callbacks: the body is a JSON array of
 * events, signed with the subscription's secret. An event counts as delivered only after a 2xx,
 * so a failing callback gets it again on the next round (at-least-once).
 */
public class SubscriptionDispatcher {

    private static final Logger log = LoggerFactory.getLogger(SubscriptionDispatcher.class);
    private static final int MAX_EVENTS_PER_CALLBACK = 100;

    private final DcsaFeed feed;
    private final RestClient http;
    private final ObjectMapper json;
    private final Clock clock;
    private final Set<String> allowedHosts;
    private final MeterRegistry meters;
    private final Map<String, Subscription> subscriptions = new ConcurrentHashMap<>();

    public SubscriptionDispatcher(DcsaFeed feed, RestClient http, ObjectMapper json, Clock clock, Collection<String> allowedHosts,
            MeterRegistry meters) {
        this.feed = feed;
        this.http = http;
        this.json = json;
        this.clock = clock;
        this.allowedHosts = Set.copyOf(allowedHosts.stream().map(h -> h.toLowerCase(Locale.ROOT)).toList());
        this.meters = meters;
    }

    public Subscription subscribe(SubscriptionRequest request) {
        URI callback = callback(request.callbackUrl());
        Subscription subscription = new Subscription(UUID.randomUUID().toString(), callback, request.secret(),
                blankToNull(request.transportDocumentReference()), request.eventTypes(), clock.instant());
        subscriptions.put(subscription.subscriptionID(), subscription);
        return subscription;
    }

    public Optional<Subscription> find(String id) {
        return Optional.ofNullable(subscriptions.get(id));
    }

    public List<Subscription> all() {
        return List.copyOf(subscriptions.values());
    }

    public boolean remove(String id) {
        return subscriptions.remove(id) != null;
    }

    /** One delivery round over every subscription; returns how many events were delivered. */
    public synchronized int deliverDue() {
        int delivered = 0;
        for (Subscription s : subscriptions.values()) {
            delivered += deliver(s);
        }
        return delivered;
    }

    private int deliver(Subscription s) {
        List<DcsaEvent> due = feed.query(new DcsaFeed.Query(s.transportDocumentReference(), null, Set.copyOf(s.eventTypes()),
                        null, null, Integer.MAX_VALUE))
                .stream()
                .filter(e -> !s.delivered(e.eventID()))
                .limit(MAX_EVENTS_PER_CALLBACK)
                .toList();
        if (due.isEmpty()) {
            return 0;
        }
        byte[] body = json.writeValueAsString(due).getBytes(StandardCharsets.UTF_8);
        String id = "msg_" + UUID.randomUUID();
        long sentAt = java.time.Instant.now().getEpochSecond(); // real time: the receiver checks it against its clock
        try {
            http.post()
                    .uri(s.callbackUrl())
                    .contentType(MediaType.APPLICATION_JSON)
                    .header(NotificationSignature.ID_HEADER, id)
                    .header(NotificationSignature.TIMESTAMP_HEADER, Long.toString(sentAt))
                    .header(NotificationSignature.SIGNATURE_HEADER, NotificationSignature.sign(s.secret(), id, sentAt, body))
                    .body(body)
                    .retrieve()
                    .toBodilessEntity();
            s.markDelivered(due);
            meters.counter("sandbox.dcsa.callbacks", "outcome", "delivered").increment();
            return due.size();
        } catch (RestClientException e) {
            meters.counter("sandbox.dcsa.callbacks", "outcome", "failed").increment();
            log.warn("DCSA callback {} for subscription {} failed ({}); {} event(s) will be sent again",
                    s.callbackUrl(), s.subscriptionID(), e.getMessage(), due.size());
            return 0;
        }
    }

    private URI callback(String url) {
        URI uri;
        try {
            uri = URI.create(url.trim());
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("callbackUrl", "must be an absolute http(s) URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            throw new BadRequestException("callbackUrl", "must be an absolute http(s) URL");
        }
        if (!allowedHosts.contains(uri.getHost().toLowerCase(Locale.ROOT))) {
            throw new BadRequestException("callbackUrl",
                    "host " + uri.getHost() + " is not allowed (sandbox.dcsa.callback-allowed-hosts)");
        }
        return uri;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
