package org.originbridge.logistics.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.originbridge.logistics.DcsaEvents;

class PollPortFeedTest {

    private static final Instant NOW = Instant.parse("2026-11-21T00:00:00Z");
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final FakeFeed feed = new FakeFeed();
    private final MemoryStore store = new MemoryStore();
    private final CountingMetrics metrics = new CountingMetrics();
    private final List<NodeEvent> published = new ArrayList<>();
    private final DcsaEventNormaliser normaliser = new DcsaEventNormaliser(clock);
    private final IngestNodeEvents ingest = new IngestNodeEvents(normaliser, (bytes, at) -> List.of(),
            (events, tenant) -> published.addAll(events), IngestionMetrics.NONE, clock);

    private PollPortFeed poll(int limit) {
        return new PollPortFeed(feed, store, normaliser, ingest, metrics, clock, Duration.ofDays(7), limit, 10);
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
        IngestNodeEvents failing = new IngestNodeEvents(normaliser, (bytes, at) -> List.of(), (events, tenant) -> {
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

    @Test
    void aFullPageOfInvalidEventsIsPassedOverAndTheValidEventOnTheNextPageIsPublished() {
        for (int i = 1; i <= 3; i++) {
            feed.events.add(invalid(event("bad-" + i, "2026-11-20T0" + i + ":00:00Z")));
        }
        feed.events.add(event("good", "2026-11-20T04:00:00Z"));

        assertThat(poll(3).pollOnce()).isEqualTo(1);

        assertThat(published).extracting(NodeEvent::eventId).containsExactly("good");
        assertThat(metrics.rejected).isEqualTo(3);
        assertThat(store.saved).isEqualTo(new Watermark(Instant.parse("2026-11-20T04:00:00Z"), Set.of("good")));
    }

    @Test
    void aFullPageOfInvalidEventsMovesTheWatermarkSoALaterPollReadsOn() {
        for (int i = 1; i <= 2; i++) {
            feed.events.add(invalid(event("bad-" + i, "2026-11-20T0" + i + ":00:00Z")));
        }
        assertThat(poll(2).pollOnce()).isZero();
        assertThat(store.saved.createdFrom()).isEqualTo(Instant.parse("2026-11-20T02:00:00Z"));

        feed.events.add(event("good", "2026-11-20T03:00:00Z"));
        assertThat(poll(2).pollOnce()).isEqualTo(1);
        assertThat(published).extracting(NodeEvent::eventId).containsExactly("good");
        assertThat(metrics.rejected).isEqualTo(2);
    }

    @Test
    void theSameInvalidEventIsCountedOnceAcrossPolls() {
        feed.events.add(event("good", "2026-11-20T01:00:00Z"));
        feed.events.add(invalid(event("bad", "2026-11-20T02:00:00Z")));
        Map<String, Object> noId = invalid(event("ignored", "2026-11-20T02:00:00Z"));
        noId.remove("eventID");
        feed.events.add(noId);

        for (int i = 0; i < 3; i++) {
            poll(100).pollOnce();
        }

        assertThat(metrics.rejected).isEqualTo(2);
        assertThat(published).extracting(NodeEvent::eventId).containsExactly("good");
    }

    @Test
    void eventsWithAnUnreadableCreationTimeArePlacedByTheirPositionAndCountedOnce() {
        feed.events.add(event("a", "2026-11-20T01:00:00Z"));
        Map<String, Object> garbled = event("garbled", "2026-11-20T02:00:00Z");
        garbled.put("eventCreatedDateTime", "yesterday");
        feed.add(Instant.parse("2026-11-20T02:00:00Z"), garbled);
        Map<String, Object> missing = event("missing", "2026-11-20T03:00:00Z");
        missing.remove("eventCreatedDateTime");
        missing.remove("eventID");
        feed.add(Instant.parse("2026-11-20T03:00:00Z"), missing);
        feed.add(Instant.parse("2026-11-20T03:30:00Z"), "not an event");

        // a full page of one readable event and unreadable ones after it: the page is widened, not stuck
        assertThat(poll(2).pollOnce()).isEqualTo(1);
        assertThat(metrics.rejected).isEqualTo(3);
        assertThat(store.saved.createdFrom()).isEqualTo(Instant.parse("2026-11-20T01:00:00Z"));
        assertThat(store.saved.seenAtWatermark()).hasSize(4).contains("a", "garbled");

        poll(2).pollOnce();
        assertThat(metrics.rejected).isEqualTo(3);

        feed.events.add(event("b", "2026-11-20T04:00:00Z"));
        assertThat(poll(2).pollOnce()).isEqualTo(1);
        assertThat(published).extracting(NodeEvent::eventId).containsExactly("a", "b");
        assertThat(metrics.rejected).isEqualTo(3);
        assertThat(store.saved).isEqualTo(new Watermark(Instant.parse("2026-11-20T04:00:00Z"), Set.of("b")));
    }

    @Test
    void theFingerprintOfAnEventWithoutAnIdDoesNotDependOnFieldOrder() {
        Map<String, Object> one = new LinkedHashMap<>();
        one.put("x", 1);
        one.put("y", List.of("a", Map.of("z", true)));
        Map<String, Object> other = new LinkedHashMap<>();
        other.put("y", List.of("a", Map.of("z", true)));
        other.put("x", 1);

        assertThat(PollPortFeed.key(one)).startsWith("sha256:").isEqualTo(PollPortFeed.key(other));
        assertThat(PollPortFeed.key(Map.of("x", 2))).isNotEqualTo(PollPortFeed.key(one));
        assertThat(PollPortFeed.key(Map.of("eventID", "E-1"))).isEqualTo("E-1");
        assertThat(PollPortFeed.key(Map.of("eventID", "E,1"))).startsWith("sha256:");
    }

    private static Map<String, Object> invalid(Map<String, Object> event) {
        event.put("eventType", "CARGO");
        return event;
    }

    /**
     * Serves events created at or after the asked instant, oldest first, like the DCSA feed; the
     * feed's own creation time of each event may differ from (or be missing in) its payload.
     */
    private static final class FakeFeed implements PortFeed {
        final List<Map<String, Object>> events = new ArrayList<>();
        final List<Map.Entry<Instant, Object>> others = new ArrayList<>();
        final List<Instant> asked = new ArrayList<>();

        void add(Instant feedTime, Object payload) {
            others.add(Map.entry(feedTime, payload));
        }

        @Override
        public List<Object> eventsCreatedFrom(Instant createdFrom, int limit) {
            asked.add(createdFrom);
            List<Map.Entry<Instant, Object>> all = new ArrayList<>(others);
            events.forEach(e -> all.add(Map.entry(Instant.parse((String) e.get("eventCreatedDateTime")), e)));
            return all.stream()
                    .filter(e -> !e.getKey().isBefore(createdFrom))
                    .sorted(Comparator.comparing(Map.Entry::getKey))
                    .limit(limit).map(Map.Entry::getValue).toList();
        }
    }

    private static final class CountingMetrics implements IngestionMetrics {
        int rejected;

        @Override
        public void events(Channel channel, Outcome outcome, int events) {
            if (channel == Channel.DCSA_POLL && outcome == Outcome.REJECTED) {
                rejected += events;
            }
        }

        @Override
        public void ingest(Channel channel, Outcome outcome, Duration elapsed) {
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
