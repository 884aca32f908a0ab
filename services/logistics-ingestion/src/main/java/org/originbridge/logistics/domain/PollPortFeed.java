package org.originbridge.logistics.domain;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;

import org.originbridge.logistics.domain.IngestionMetrics.Channel;
import org.originbridge.logistics.domain.IngestionMetrics.Outcome;

/**
 * Use case: read the port feed from the persisted watermark, publish what is new, then move the
 * watermark (publish first, so a crash in between re-reads a page: at-least-once; consumers
 * deduplicate by eventId). A page that is full is followed by the next one, up to
 * {@code maxPages} per run. An invalid event in the feed cannot be fixed by asking again: it is
 * counted as rejected, logged with its problems and passed over, so it does not block the feed.
 */
public final class PollPortFeed {

    private static final Logger LOG = Logger.getLogger(PollPortFeed.class.getName());

    private final PortFeed feed;
    private final WatermarkStore store;
    private final DcsaEventNormaliser normaliser;
    private final IngestNodeEvents ingest;
    private final IngestionMetrics metrics;
    private final Clock clock;
    private final Duration initialLookback;
    private final int limit;
    private final int maxPages;

    public PollPortFeed(PortFeed feed, WatermarkStore store, DcsaEventNormaliser normaliser, IngestNodeEvents ingest,
            IngestionMetrics metrics, Clock clock, Duration initialLookback, int limit, int maxPages) {
        this.feed = feed;
        this.store = store;
        this.normaliser = normaliser;
        this.ingest = ingest;
        this.metrics = metrics;
        this.clock = clock;
        this.initialLookback = initialLookback;
        this.limit = limit;
        this.maxPages = maxPages;
    }

    /** Polls until the feed has nothing new (or {@code maxPages} pages); returns the number of events published. */
    public int pollOnce() {
        Watermark watermark = store.load().orElseGet(() -> Watermark.startingAt(clock.instant().minus(initialLookback)));
        int published = 0;
        for (int page = 0; page < maxPages; page++) {
            List<Object> raw = feed.eventsCreatedFrom(watermark.createdFrom(), limit);
            List<NodeEvent> fresh = new ArrayList<>();
            Set<String> rejectedIds = new HashSet<>();
            for (int i = 0; i < raw.size(); i++) {
                Object item = raw.get(i);
                String rawId = item instanceof Map<?, ?> map && map.get("eventID") instanceof String id ? id : null;
                if (rawId != null && watermark.seenAtWatermark().contains(rawId)) {
                    continue;
                }
                DcsaEventNormaliser.Result result = normaliser.normaliseOne(item, "[" + i + "]");
                if (result.valid()) {
                    fresh.add(result.event());
                } else {
                    metrics.events(Channel.DCSA_POLL, Outcome.REJECTED, 1);
                    LOG.warning("port feed event " + rawId + " skipped as invalid: " + result.problems());
                    if (rawId != null) {
                        rejectedIds.add(rawId);
                    }
                }
            }
            if (!fresh.isEmpty()) {
                ingest.publish(Channel.DCSA_POLL, fresh);
                published += fresh.size();
            }
            Watermark next = advance(watermark, fresh, rejectedIds);
            if (!next.equals(watermark)) {
                store.save(next);
            }
            boolean full = raw.size() >= limit;
            if (!full) {
                break;
            }
            if (next.equals(watermark)) {
                LOG.warning("port feed page of " + raw.size() + " events brought nothing new at "
                        + watermark.createdFrom() + ": more events share one creation time than the page limit ("
                        + limit + "); raise originbridge.logistics.poll.limit");
                break;
            }
            watermark = next;
        }
        return published;
    }

    static Watermark advance(Watermark current, List<NodeEvent> fresh, Set<String> rejectedIds) {
        Instant newest = current.createdFrom();
        for (NodeEvent e : fresh) {
            if (e.eventCreatedDateTime().isAfter(newest)) {
                newest = e.eventCreatedDateTime();
            }
        }
        Set<String> seen = new HashSet<>(newest.equals(current.createdFrom()) ? current.seenAtWatermark() : Set.of());
        for (NodeEvent e : fresh) {
            if (e.eventCreatedDateTime().equals(newest)) {
                seen.add(e.eventId());
            }
        }
        seen.addAll(rejectedIds);
        return new Watermark(newest, seen);
    }
}
