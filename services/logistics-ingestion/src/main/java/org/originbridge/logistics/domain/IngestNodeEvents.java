package org.originbridge.logistics.domain;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

import org.originbridge.logistics.domain.IngestionMetrics.Channel;
import org.originbridge.logistics.domain.IngestionMetrics.Outcome;

/**
 * Use case: accept events from one channel, all or nothing. Validates and normalises them, then
 * publishes them and answers their ids only once every one is acknowledged. Bad input raises
 * {@link InvalidEventsException} and publishes nothing; a publishing failure propagates (the
 * sender retries; event ids keep the retry harmless).
 */
public final class IngestNodeEvents {

    private final DcsaEventNormaliser dcsa;
    private final EdifactTranslator edifact;
    private final NodeEventPublisher publisher;
    private final IngestionMetrics metrics;
    private final Clock clock;

    public IngestNodeEvents(DcsaEventNormaliser dcsa, EdifactTranslator edifact, NodeEventPublisher publisher,
            IngestionMetrics metrics, Clock clock) {
        this.dcsa = dcsa;
        this.edifact = edifact;
        this.publisher = publisher;
        this.metrics = metrics;
        this.clock = clock;
    }

    /**
     * DCSA events (one object or an array, parsed JSON) pushed to our API by an exporter tenant, or
     * delivered by a subscription (tenant "": the carrier is nobody's tenant).
     */
    public List<String> acceptDcsa(Channel channel, Object body, String tenant) {
        return accept(channel, tenant, () -> dcsa.normaliseBatch(body));
    }

    /** One EDIFACT interchange of COARRI and/or CODECO messages, pushed by an exporter tenant. */
    public List<String> acceptEdifact(byte[] interchange, String tenant) {
        return accept(Channel.EDIFACT, tenant, () -> edifact.translate(interchange, clock.instant()));
    }

    /** Publishes events already validated (by the feed poller; no tenant). */
    public void publish(Channel channel, List<NodeEvent> events) {
        accept(channel, "", () -> events);
    }

    /** A callback whose signature did not verify: nothing was read. */
    public void refusedUnsigned(Channel channel) {
        metrics.events(channel, Outcome.UNAUTHORIZED, 1);
    }

    private List<String> accept(Channel channel, String tenant, Supplier<List<NodeEvent>> normalise) {
        Instant start = clock.instant();
        Outcome outcome = Outcome.FAILED;
        int count = 0;
        try {
            List<NodeEvent> events;
            try {
                events = normalise.get();
            } catch (InvalidEventsException e) {
                outcome = Outcome.REJECTED;
                count = 1;
                throw e;
            }
            count = events.size();
            if (!events.isEmpty()) {
                publisher.publish(events, tenant == null ? "" : tenant);
            }
            outcome = Outcome.ACCEPTED;
            return events.stream().map(NodeEvent::eventId).toList();
        } finally {
            metrics.events(channel, outcome, count);
            metrics.ingest(channel, outcome, Duration.between(start, clock.instant()));
        }
    }
}
