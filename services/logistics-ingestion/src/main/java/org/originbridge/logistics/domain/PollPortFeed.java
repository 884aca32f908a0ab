package org.originbridge.logistics.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.logging.Logger;

import org.originbridge.logistics.domain.IngestionMetrics.Channel;
import org.originbridge.logistics.domain.IngestionMetrics.Outcome;

/**
 * Use case: read the port feed from the persisted watermark, publish what is new, then move the
 * watermark (publish first, so a crash in between re-reads a page: at-least-once; consumers
 * deduplicate by eventId). A page that is full is followed by the next one, up to
 * {@code maxPages} per run.
 *
 * <p>The watermark moves past <em>every</em> event the poller has looked at, valid or not: an
 * invalid event cannot be fixed by asking again, so it is counted as rejected once, logged with
 * its problems and passed over, and it never blocks the feed. Each event has a <em>position</em>:
 * its {@code eventCreatedDateTime} when that is readable (ISO 8601 with offset); otherwise, since
 * the feed serves events oldest first, the position of the event before it in the page (or the
 * current watermark for the first one). Positions only move forward within a page, so an event
 * the feed serves out of order keeps the position reached so far. The watermark becomes the last
 * position of the page, and the keys of all events at that position are remembered
 * ({@link Watermark#seenAtWatermark()}) because the next query ({@code >=}) returns them again. An
 * event's key is its {@code eventID}, or, when that is missing or unusable as a key (not a
 * string, blank, longer than 100 characters, surrounding spaces, a comma), a SHA-256 fingerprint
 * of its content ({@code sha256:<hex>}).
 *
 * <p>A full page whose events all sit at the watermark's position and were handled already (as
 * many events at one creation time, or unreadable ones right after it, as the page holds) cannot
 * move the watermark: the same query is then asked again with twice the page size, up to
 * {@value #MAX_PAGE_SIZE} (the DCSA feed's maximum), and only beyond that does the poll stop with
 * a warning. The page size returns to {@code limit} once the watermark moves.
 */
public final class PollPortFeed {

    private static final Logger LOG = Logger.getLogger(PollPortFeed.class.getName());
    static final String FINGERPRINT_PREFIX = "sha256:";
    static final int MAX_PAGE_SIZE = 1000;

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
        int size = limit;
        for (int page = 0; page < maxPages; page++) {
            List<Object> raw = feed.eventsCreatedFrom(watermark.createdFrom(), size);
            List<NodeEvent> fresh = new ArrayList<>();
            Instant position = watermark.createdFrom();
            Set<String> seenAtPosition = new HashSet<>(watermark.seenAtWatermark());
            for (int i = 0; i < raw.size(); i++) {
                Object item = raw.get(i);
                Instant created = creationTime(item);
                if (created != null && created.isAfter(position)) {
                    position = created;
                    seenAtPosition.clear();
                }
                String key = key(item);
                seenAtPosition.add(key);
                if (watermark.seenAtWatermark().contains(key)) {
                    continue;
                }
                DcsaEventNormaliser.Result result = normaliser.normaliseOne(item, "[" + i + "]");
                if (result.valid()) {
                    fresh.add(result.event());
                } else {
                    metrics.events(Channel.DCSA_POLL, Outcome.REJECTED, 1);
                    LOG.warning("port feed event " + key + " (position " + position + ") skipped as invalid: "
                            + result.problems());
                }
            }
            if (!fresh.isEmpty()) {
                ingest.publish(Channel.DCSA_POLL, fresh);
                published += fresh.size();
            }
            Watermark next = new Watermark(position, seenAtPosition);
            if (!next.equals(watermark)) {
                store.save(next);
            }
            boolean full = raw.size() >= size;
            if (!full) {
                break;
            }
            if (next.equals(watermark)) {
                if (size >= MAX_PAGE_SIZE) {
                    LOG.warning("port feed page of " + raw.size() + " events brought nothing new at "
                            + watermark.createdFrom() + ": all of them sit at that creation time (or follow it with"
                            + " an unreadable creation time) and were handled already; the feed's largest page ("
                            + MAX_PAGE_SIZE + ") cannot reach past them");
                    break;
                }
                size = Math.min(size * 2, MAX_PAGE_SIZE);
                continue;
            }
            size = limit;
            watermark = next;
        }
        return published;
    }

    /** The event's {@code eventCreatedDateTime} when readable (read as the normaliser reads it), else null. */
    static Instant creationTime(Object item) {
        if (item instanceof Map<?, ?> map && map.get("eventCreatedDateTime") instanceof String value) {
            try {
                return OffsetDateTime.parse(value.trim()).toInstant();
            } catch (DateTimeParseException e) {
                return null;
            }
        }
        return null;
    }

    /** The key remembered for an event: its eventID when usable as one, else a fingerprint of its content. */
    static String key(Object item) {
        if (item instanceof Map<?, ?> map && map.get("eventID") instanceof String id && !id.isBlank()
                && id.length() <= 100 && id.equals(id.strip()) && id.indexOf(',') < 0
                && !id.startsWith(FINGERPRINT_PREFIX)) {
            return id;
        }
        StringBuilder canonical = new StringBuilder();
        canonical(item, canonical);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
            return FINGERPRINT_PREFIX + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** A rendering that does not depend on map order, so the same feed event gives the same fingerprint. */
    private static void canonical(Object value, StringBuilder out) {
        if (value instanceof Map<?, ?> map) {
            TreeMap<String, Object> sorted = new TreeMap<>();
            map.forEach((k, v) -> sorted.put(String.valueOf(k), v));
            out.append('{');
            sorted.forEach((k, v) -> {
                quote(k, out);
                out.append(':');
                canonical(v, out);
                out.append(',');
            });
            out.append('}');
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (Object v : list) {
                canonical(v, out);
                out.append(',');
            }
            out.append(']');
        } else if (value instanceof String s) {
            quote(s, out);
        } else {
            out.append(value);
        }
    }

    private static void quote(String s, StringBuilder out) {
        out.append('"').append(s.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
    }
}
