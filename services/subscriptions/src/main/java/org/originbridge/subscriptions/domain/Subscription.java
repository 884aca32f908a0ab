package org.originbridge.subscriptions.domain;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A webhook subscription: owned by the OAuth2 client that created it ({@code clientId}), delivering
 * the {@code types} its owner's {@link Viewer} (snapshotted at creation) sees to {@code url}, signed
 * with {@code secret} ({@code whsec_} + base64, shown once at creation or rotation). After a rotation
 * the {@code previousSecret} still signs every delivery until {@code previousSecretUntil} (the grace
 * period), so a receiver can switch at its own pace; then it is dropped.
 */
public record Subscription(String id, String clientId, Viewer viewer, URI url, Set<EventType> types,
                           String secret, String previousSecret, Instant previousSecretUntil, Instant createdAt) {

    public Subscription {
        types = Set.copyOf(types);
        if ((previousSecret == null) != (previousSecretUntil == null)) {
            throw new IllegalArgumentException("a previous secret has an end of its grace period, and only then");
        }
    }

    public Subscription(String id, String clientId, Viewer viewer, URI url, Set<EventType> types, String secret,
                        Instant createdAt) {
        this(id, clientId, viewer, url, types, secret, null, null, createdAt);
    }

    public boolean wants(StoredEvent e) {
        return types.contains(e.type()) && viewer.sees(e);
    }

    /** The secrets that sign a delivery at {@code now}: the current one, and the previous one during its grace period. */
    public List<String> signingSecrets(Instant now) {
        return previousSecret != null && now.isBefore(previousSecretUntil) ? List.of(secret, previousSecret) : List.of(secret);
    }

    /**
     * This subscription with {@code newSecret}; the current secret keeps signing for {@code grace}
     * (none: dropped at once, e.g. after a leak). A previous secret still in its grace period is
     * dropped: at most two secrets sign.
     */
    public Subscription rotated(String newSecret, Duration grace, Instant now) {
        if (grace.isZero()) {
            return new Subscription(id, clientId, viewer, url, types, newSecret, null, null, createdAt);
        }
        return new Subscription(id, clientId, viewer, url, types, newSecret, secret, now.plus(grace), createdAt);
    }
}
