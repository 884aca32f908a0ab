package org.originbridge.subscriptions.domain;

import java.net.URI;
import java.time.Instant;
import java.util.Set;

/**
 * A webhook subscription: owned by the OAuth2 client that created it ({@code clientId}), delivering
 * the {@code types} its owner's {@link Viewer} (snapshotted at creation) sees to {@code url}, signed
 * with {@code secret} ({@code whsec_} + base64, shown once at creation).
 */
public record Subscription(String id, String clientId, Viewer viewer, URI url, Set<EventType> types,
                           String secret, Instant createdAt) {

    public Subscription {
        types = Set.copyOf(types);
    }

    public boolean wants(StoredEvent e) {
        return types.contains(e.type()) && viewer.sees(e);
    }
}
