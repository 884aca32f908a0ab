package org.originbridge.subscriptions.domain;

import java.time.Instant;

/**
 * One event for one subscription: its queue entry. {@code seq} is the event's log position, which
 * orders deliveries of the same {@code key} within a subscription. {@code state}: PENDING (waiting,
 * or in flight while its lease lasts), DELIVERED, DEAD (retries exhausted: the dead-letter list).
 */
public record Delivery(String id, String subscriptionId, String eventId, String key, long seq,
                       int attempts, Instant due, State state, String lastError) {

    public enum State { PENDING, DELIVERED, DEAD }

    public static Delivery first(Subscription s, StoredEvent e, String idSuffix, Instant now) {
        return new Delivery(s.id() + ":" + e.id() + idSuffix, s.id(), e.id(), e.key(), e.seq(), 0, now,
                State.PENDING, null);
    }
}
