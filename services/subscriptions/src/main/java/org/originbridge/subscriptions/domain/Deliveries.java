package org.originbridge.subscriptions.domain;

import java.time.Instant;
import java.util.List;

/**
 * Port: the per-subscription delivery queues. Every state change is a single-document conditional
 * update, so any number of dispatchers (or a restarted one) share the queues safely; a dispatcher
 * that dies keeps its claims only until their lease ends.
 */
public interface Deliveries {

    /** Inserts unless a delivery with the same id exists (a redelivered fact queues nothing new). */
    boolean enqueueIfAbsent(Delivery delivery);

    /** PENDING, due and not leased, in log order. */
    List<Delivery> due(Instant now, int limit);

    /** No PENDING delivery of the same subscription and key comes before this one. */
    boolean isHeadOfKey(Delivery delivery);

    /** A delivery of this subscription is leased (in flight) now. */
    boolean inFlight(String subscriptionId, Instant now);

    /** Takes the lease if the delivery is still PENDING and unleased. */
    boolean claim(String id, Instant now, Instant leaseUntil);

    void delivered(String id, Instant at);

    void retryAt(String id, int attempts, Instant due, String error);

    void dead(String id, int attempts, String error);

    /** Drops a delivery whose subscription is gone. */
    void discard(String id);

    List<Delivery> deadLetters(String subscriptionId, int limit);

    /** Dead letters back to PENDING with fresh attempts; returns how many. */
    long replayDead(String subscriptionId, Instant now);

    void deleteAllOf(String subscriptionId);
}
