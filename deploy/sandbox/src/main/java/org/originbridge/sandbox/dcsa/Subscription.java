package org.originbridge.sandbox.dcsa;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** A registered callback and the events already delivered to it (at-least-once delivery). */
public final class Subscription {

    private final String subscriptionID;
    private final URI callbackUrl;
    private final String secret;
    private final String transportDocumentReference;
    private final List<String> eventTypes;
    private final Instant createdDateTime;
    private final Set<String> delivered = ConcurrentHashMap.newKeySet();

    public Subscription(String subscriptionID, URI callbackUrl, String secret, String transportDocumentReference,
            List<String> eventTypes, Instant createdDateTime) {
        this.subscriptionID = subscriptionID;
        this.callbackUrl = callbackUrl;
        this.secret = secret;
        this.transportDocumentReference = transportDocumentReference;
        this.eventTypes = eventTypes == null ? List.of() : List.copyOf(eventTypes);
        this.createdDateTime = createdDateTime;
    }

    public String subscriptionID() { return subscriptionID; }
    public URI callbackUrl() { return callbackUrl; }
    String secret() { return secret; }
    public String transportDocumentReference() { return transportDocumentReference; }
    public List<String> eventTypes() { return eventTypes; }
    public Instant createdDateTime() { return createdDateTime; }

    boolean delivered(String eventId) {
        return delivered.contains(eventId);
    }

    void markDelivered(List<DcsaEvent> events) {
        events.forEach(e -> delivered.add(e.eventID()));
    }
}
