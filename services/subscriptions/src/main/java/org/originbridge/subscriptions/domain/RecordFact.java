package org.originbridge.subscriptions.domain;

import java.time.Clock;

/**
 * Use case: a fact from a topic becomes an event in the log and a delivery in the queue of every
 * subscription that wants it.
 * <ol>
 *   <li>An e-CO fact without an importer takes the importer recorded with the declaration's acceptance.</li>
 *   <li>The event is recorded if absent (same natural id = same event: a redelivery changes nothing).</li>
 *   <li>Every subscription listening to the type whose owner sees the event gets a delivery, inserted
 *       if absent, so a redelivery after a crash between 2 and 3 completes the fan-out without duplicates.</li>
 * </ol>
 */
public final class RecordFact {

    private final EventLog log;
    private final Subscriptions subscriptions;
    private final Deliveries deliveries;
    private final Clock clock;

    public RecordFact(EventLog log, Subscriptions subscriptions, Deliveries deliveries, Clock clock) {
        this.log = log;
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.clock = clock;
    }

    public StoredEvent record(Fact fact) {
        Fact complete = fact;
        if (fact.importer() == null && fact.type().audience() == EventType.Audience.ECO) {
            String importer = log.importerOf(fact.key()).orElse(null);
            complete = new Fact(fact.naturalId(), fact.type(), fact.tenant(), fact.key(), importer,
                    fact.occurredAt(), fact.payloadJson());
        }
        StoredEvent event = log.recordIfAbsent(complete);
        for (Subscription s : subscriptions.listening(event.type())) {
            if (s.wants(event)) {
                deliveries.enqueueIfAbsent(Delivery.first(s, event, "", clock.instant()));
            }
        }
        return event;
    }
}
