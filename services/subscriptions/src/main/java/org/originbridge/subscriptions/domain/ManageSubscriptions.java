package org.originbridge.subscriptions.domain;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Use case: subscriptions of one OAuth2 client. A subscription is visible only to the client that
 * created it (anyone else: not found). Creating one checks the URL ({@link SsrfGuard}: shape and
 * resolved addresses), the event types (known, at least one, and each one its owner can see at all)
 * and the per-client limit.
 */
public final class ManageSubscriptions {

    /** A request the caller must fix; the message names the field. */
    public static final class Invalid extends RuntimeException {
        public Invalid(String message) {
            super(message, null, false, false);
        }
    }

    /** The request conflicts with a concurrent change (two rotations of one secret at once): try again. */
    public static final class Conflict extends RuntimeException {
        public Conflict(String message) {
            super(message, null, false, false);
        }
    }

    private final Subscriptions subscriptions;
    private final Deliveries deliveries;
    private final EventLog log;
    private final SsrfGuard guard;
    private final int maxPerClient;
    private final int maxReplay;
    private final Duration defaultGrace;
    private final Duration maxGrace;
    private final Clock clock;

    public ManageSubscriptions(Subscriptions subscriptions, Deliveries deliveries, EventLog log, SsrfGuard guard,
                               int maxPerClient, int maxReplay, Duration defaultGrace, Duration maxGrace, Clock clock) {
        if (defaultGrace.isNegative() || defaultGrace.compareTo(maxGrace) > 0) {
            throw new IllegalArgumentException("the default grace period lies between 0 and the maximum");
        }
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.log = log;
        this.guard = guard;
        this.maxPerClient = maxPerClient;
        this.maxReplay = maxReplay;
        this.defaultGrace = defaultGrace;
        this.maxGrace = maxGrace;
        this.clock = clock;
    }

    public Subscription create(String clientId, Viewer viewer, String url, List<String> typeNames) {
        if (typeNames == null || typeNames.isEmpty() || typeNames.size() > EventType.values().length) {
            throw new Invalid("types: list one or more event types");
        }
        Set<EventType> types = new LinkedHashSet<>();
        for (String name : typeNames) {
            EventType type = EventType.fromWireName(name == null ? "" : name)
                    .orElseThrow(() -> new Invalid("types: unknown event type"));
            if (!viewer.mayReceive(type)) {
                throw new Invalid("types: " + type.wireName() + " is not visible to this client");
            }
            types.add(type);
        }
        SsrfGuard.Refused refused = null;
        try {
            guard.check(guard.checkShape(url));
        } catch (SsrfGuard.Refused e) {
            refused = e;
        }
        if (refused != null) {
            throw new Invalid(refused.getMessage());
        }
        if (subscriptions.countOwnedBy(clientId) >= maxPerClient) {
            throw new Invalid("at most " + maxPerClient + " subscriptions per client");
        }
        Subscription s = new Subscription("sub_" + UUID.randomUUID().toString().replace("-", ""), clientId, viewer,
                guard.checkShape(url), types, WebhookSecret.generate(), clock.instant());
        subscriptions.save(s);
        return s;
    }

    public List<Subscription> list(String clientId) {
        return subscriptions.ownedBy(clientId);
    }

    public Optional<Subscription> get(String clientId, String id) {
        return subscriptions.byId(id).filter(s -> s.clientId().equals(clientId));
    }

    public boolean delete(String clientId, String id) {
        if (get(clientId, id).isEmpty()) {
            return false;
        }
        deliveries.deleteAllOf(id);
        return subscriptions.delete(id);
    }

    /**
     * Gives the subscription a new secret (returned once, in the subscription) and keeps the current
     * one signing for {@code graceSeconds} (null: the default grace period; 0: dropped at once, for a
     * leaked secret; at most the maximum grace period). Empty when the caller has no such subscription.
     */
    public Optional<Subscription> rotateSecret(String clientId, String id, Long graceSeconds) {
        Duration grace = defaultGrace;
        if (graceSeconds != null) {
            if (graceSeconds < 0 || graceSeconds > maxGrace.toSeconds()) {
                throw new Invalid("graceSeconds: between 0 and " + maxGrace.toSeconds());
            }
            grace = Duration.ofSeconds(graceSeconds);
        }
        Optional<Subscription> found = get(clientId, id);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Subscription rotated = found.get().rotated(WebhookSecret.generate(), grace, clock.instant());
        if (!subscriptions.replaceSecrets(found.get(), rotated)) {
            throw new Conflict("the secret was rotated concurrently; rotate again to get a secret you hold");
        }
        return Optional.of(rotated);
    }

    public Optional<List<Delivery>> deadLetters(String clientId, String id, int limit) {
        return get(clientId, id).map(s -> deliveries.deadLetters(s.id(), limit));
    }

    public Optional<Long> replayDeadLetters(String clientId, String id) {
        return get(clientId, id).map(s -> deliveries.replayDead(s.id(), clock.instant()));
    }

    /**
     * Queues again every event recorded at or after {@code since} that the subscription wants (at
     * most {@code maxReplay}), with the events' own ids as {@code webhook-id}: a receiver that
     * already has one drops it. Returns how many were queued.
     */
    public Optional<Integer> replaySince(String clientId, String id, Instant since) {
        Optional<Subscription> found = get(clientId, id);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Subscription s = found.get();
        Instant now = clock.instant();
        String suffix = ":replay-" + now.toEpochMilli();
        List<StoredEvent> events = new ArrayList<>(log.since(since, s.types(), maxReplay));
        int queued = 0;
        for (StoredEvent e : events) {
            if (s.wants(e) && deliveries.enqueueIfAbsent(Delivery.first(s, e, suffix, now))) {
                queued++;
            }
        }
        return Optional.of(queued);
    }
}
