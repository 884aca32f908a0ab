package org.originbridge.logistics.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.originbridge.logistics.DcsaEvents;

class PollPortFeedTest {

    private static final Instant NOW = Instant.parse("2026-11-21T00:00:00Z");
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final FakeFeed feed = new FakeFeed();
    private final MemoryStore store = new MemoryStore();
    private final List<NodeEvent> published = new ArrayList<>();
    private final DcsaEventNormaliser normaliser = new DcsaEventNormaliser(clock);
    private final IngestNodeEvents ingest = new IngestNodeEvents(normaliser, (bytes, at) -> List.of(),
            published::addAll, IngestionMetrics.NONE, clock);

    private PollPortFeed poll(int limit) {
        return new PollPortFeed(feed, store, normaliser, ingest, IngestionMetrics.NONE, clock, Duration.ofDays(7), limit, 10);
    }

    private static Map<String, Object> event(String id, String created) {
        return DcsaEvents.equipmentDischarge(id).with("eventCreatedDateTime", created)
                .with("eventDateTime", "2026-11-20T00:00:00Z").build();
    }

    @Test
    void firstPollStartsFromTheLookbackAndPersistsTheWatermark() {
        feed.events.add(event("a", "2026-11-20T01:00:00Z"));
        feed.events.add(event("b", "2026-11-20T02:00:00Z"));

        assertThat(poll(100).pollOnce()).isEqualTo(2);

        assertThat(feed.asked.get(0)).isEqualTo(NOW.minus(Duration.ofDays(7)));
        assertThat(store.saved).isEqualTo(new Watermark(Instant.parse("2026-11-20T02:00:00Z"), java.util.Set.of("b")));
        assertThat(published).extracting(NodeEvent::eventId).containsExactly("a", "b");
    }

    @Test
    void aRestartDoesNotRepublishWhatTheWatermarkCovers() {
        feed.events.add(event("a", "2026-11-20T01:00:00Z"));
        feed.events.add(event("b", "2026-11-20T02:00:00Z"));
        poll(100).pollOnce();
        published.clear();

        feed.events.add(event("c", "2026-11-20T02:00:00Z"));
        feed.events.add(event("d", "2026-11-20T03:00:00Z"));
        assertThat(poll(100).pollOnce()).isEqualTo(2);

        assertThat(feed.asked.get(1)).isEqualTo(Instant.parse("2026-11-20T02:00:00Z"));
        assertThat(published).extracting(NodeEvent::eventId).containsExactly("c", "d");
        assertThat(poll(100).pollOnce()).isZero();
    }

    @Test
    void fullPagesAreFollowedByTheNext() {
        for (int i = 0; i < 5; i++) {
            feed.events.add(event("e" + i, "2026-11-20T0" + i + ":00:00Z"));
        }
        assertThat(poll(2).pollOnce()).isEqualTo(5);
        assertThat(published).extracting(NodeEvent::eventId).containsExactly("e0", "e1", "e2", "e3", "e4");
    }

    @Test
    void anInvalidFeedEventIsPassedOverAndDoesNotBlockTheFeed() {
        feed.events.add(event("good-1", "2026-11-20T01:00:00Z"));
        Map<String, Object> bad = event("bad", "2026-11-20T02:00:00Z");
        bad.put("eventType", "CARGO");
        feed.events.add(bad);

        assertThat(poll(100).pollOnce()).isEqualTo(1);
        feed.events.add(event("good-2", "2026-11-20T03:00:00Z"));
        assertThat(poll(100).pollOnce()).isEqualTo(1);
        assertThat(published).extracting(NodeEvent::eventId).containsExactly("good-1", "good-2");
    }

    @Test
    void aFailedPublishLeavesTheWatermarkWhereItWas() {
        feed.events.add(event("a", "2026-11-20T01:00:00Z"));
        IngestNodeEvents failing = new IngestNodeEvents(normaliser, (bytes, at) -> List.of(), events -> {
            throw new IllegalStateException("broker down");
        }, IngestionMetrics.NONE, clock);
        PollPortFeed polling = new PollPortFeed(feed, store, normaliser, failing, IngestionMetrics.NONE, clock,
                Duration.ofDays(7), 100, 10);

        try {
            polling.pollOnce();
        } catch (IllegalStateException expected) {
            // the poller logs it and tries again next time
        }
        assertThat(store.saved).isNull();
        assertThat(poll(100).pollOnce()).isEqualTo(1);
    }

    /** Serves events created at or after the asked instant, oldest first, like the DCSA feed. */
    private static final class FakeFeed implements PortFeed {
        final List<Map<String, Object>> events = new ArrayList<>();
        final List<Instant> asked = new ArrayList<>();

        @Override
        public List<Object> eventsCreatedFrom(Instant createdFrom, int limit) {
            asked.add(createdFrom);
            return events.stream()
                    .filter(e -> !Instant.parse((String) e.get("eventCreatedDateTime")).isBefore(createdFrom))
                    .sorted(Comparator.comparing(e -> Instant.parse((String) e.get("eventCreatedDateTime"))))
                    .limit(limit).map(e -> (Object) e).toList();
        }
    }

    private static final class MemoryStore implements WatermarkStore {
        Watermark saved;

        @Override
        public Optional<Watermark> load() {
            return Optional.ofNullable(saved);
        }

        @Override
        public void save(Watermark watermark) {
            saved = watermark;
        }
    }
}
