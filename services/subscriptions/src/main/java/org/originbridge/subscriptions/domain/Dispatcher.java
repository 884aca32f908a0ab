package org.originbridge.subscriptions.domain;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Use case: one dispatch round. All state is in {@link Deliveries}, so a dispatcher that is killed
 * loses nothing: its claims lapse when their lease ends and any dispatcher takes them again.
 * <ol>
 *   <li>Take the due, unleased PENDING deliveries in log order.</li>
 *   <li>Skip one whose subscription already has a delivery in flight (one at a time per subscription:
 *       a slow endpoint holds at most one worker) or that is not the first PENDING of its key
 *       (order per declaration / supplier: a later event waits for the earlier one, also while that
 *       one backs off).</li>
 *   <li>Claim it with a lease and hand it to the bounded worker pool; if the pool is full the lease
 *       is simply left to lapse (tried next round after the lease).</li>
 *   <li>The worker sends it: 2xx = DELIVERED; else retried per {@link RetrySchedule}; after the last
 *       attempt DEAD (the subscription's dead-letter list; it no longer holds back its key).</li>
 * </ol>
 */
public final class Dispatcher {

    private final Deliveries deliveries;
    private final Subscriptions subscriptions;
    private final EventLog log;
    private final WebhookSender sender;
    private final RetrySchedule schedule;
    private final Duration lease;
    private final int batch;
    private final Clock clock;

    public Dispatcher(Deliveries deliveries, Subscriptions subscriptions, EventLog log, WebhookSender sender,
                      RetrySchedule schedule, Duration lease, int batch, Clock clock) {
        this.deliveries = deliveries;
        this.subscriptions = subscriptions;
        this.log = log;
        this.sender = sender;
        this.schedule = schedule;
        this.lease = lease;
        this.batch = batch;
        this.clock = clock;
    }

    /** One round; returns how many deliveries were handed to the workers. */
    public int dispatch(Executor workers) {
        Instant now = clock.instant();
        Set<String> busy = new HashSet<>();
        int started = 0;
        for (Delivery d : deliveries.due(now, batch)) {
            if (busy.contains(d.subscriptionId())) {
                continue;
            }
            if (deliveries.inFlight(d.subscriptionId(), now)) {
                busy.add(d.subscriptionId());
                continue;
            }
            if (!deliveries.isHeadOfKey(d) || !deliveries.claim(d.id(), now, now.plus(lease))) {
                continue;
            }
            busy.add(d.subscriptionId());
            try {
                workers.execute(() -> attempt(d));
                started++;
            } catch (RejectedExecutionException full) {
                return started; // the lease lapses; the next rounds take it again
            }
        }
        return started;
    }

    /** One attempt of a claimed delivery and its bookkeeping. */
    public void attempt(Delivery d) {
        Optional<Subscription> subscription = subscriptions.byId(d.subscriptionId());
        Optional<StoredEvent> event = log.byId(d.eventId());
        if (subscription.isEmpty() || event.isEmpty()) {
            deliveries.discard(d.id());
            return;
        }
        WebhookSender.Attempt outcome;
        try {
            outcome = sender.send(subscription.get(), event.get());
        } catch (RuntimeException e) {
            outcome = new WebhookSender.Attempt(false, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        Instant now = clock.instant();
        int failures = d.attempts() + 1;
        if (outcome.delivered()) {
            deliveries.delivered(d.id(), now);
        } else if (schedule.exhausted(failures)) {
            deliveries.dead(d.id(), failures, outcome.detail());
        } else {
            Duration wait = schedule.delay(failures, ThreadLocalRandom.current()::nextDouble);
            deliveries.retryAt(d.id(), failures, now.plus(wait), outcome.detail());
        }
    }
}
