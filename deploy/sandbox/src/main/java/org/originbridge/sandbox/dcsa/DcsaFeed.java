package org.originbridge.sandbox.dcsa;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.originbridge.sandbox.web.ConflictException;
import org.originbridge.sandbox.web.NotFoundException;

/**
 * The simulated consignments and their events. An event is visible once its
 * eventCreatedDateTime has been reached on the sandbox clock.
 */
public class DcsaFeed {

    /** Filters of {@code GET /dcsa/v2/events}; null means "any". */
    public record Query(String transportDocumentReference, String equipmentReference, Set<String> eventTypes,
            Instant createdFrom, Instant createdAfter, int limit) {}

    private static final Comparator<DcsaEvent> CHRONOLOGICAL =
            Comparator.comparing(DcsaEvent::eventCreatedDateTime).thenComparing(DcsaEvent::eventDateTime);

    private final Clock clock;
    private final Duration step;
    private final Map<String, List<DcsaEvent>> eventsByDocument = new ConcurrentHashMap<>();

    public DcsaFeed(Clock clock, Duration step) {
        if (step.isZero() || step.isNegative()) {
            throw new IllegalArgumentException("sandbox.dcsa.step must be positive");
        }
        this.clock = clock;
        this.step = step;
    }

    public List<DcsaEvent> register(ConsignmentRequest consignment) {
        Duration voyageStep = consignment.stepSeconds() == null ? step : Duration.ofSeconds(consignment.stepSeconds());
        List<DcsaEvent> planned = VoyagePlan.events(consignment, clock.instant(), voyageStep);
        List<DcsaEvent> previous = eventsByDocument.putIfAbsent(consignment.transportDocumentReference(), new CopyOnWriteArrayList<>(planned));
        if (previous != null) {
            throw new ConflictException("transport document " + consignment.transportDocumentReference() + " is already registered");
        }
        return planned;
    }

    /** Adds a retraction of a visible event of this transport document, created now. */
    public DcsaEvent retract(String transportDocumentReference, String eventId) {
        List<DcsaEvent> events = eventsByDocument.get(transportDocumentReference);
        if (events == null) {
            throw new NotFoundException("no transport document " + transportDocumentReference);
        }
        Instant now = clock.instant();
        DcsaEvent original = events.stream()
                .filter(e -> e.eventID().equals(eventId) && !e.eventCreatedDateTime().isAfter(now))
                .findFirst()
                .orElseThrow(() -> new NotFoundException("no visible event " + eventId + " for " + transportDocumentReference));
        if (original.retractedEventID() != null) {
            throw new ConflictException("event " + eventId + " is itself a retraction");
        }
        if (events.stream().anyMatch(e -> eventId.equals(e.retractedEventID()))) {
            throw new ConflictException("event " + eventId + " is already retracted");
        }
        DcsaEvent retraction = original.retraction(UUID.randomUUID().toString(), now);
        events.add(retraction);
        return retraction;
    }

    /** Visible events matching the query, oldest first. */
    public List<DcsaEvent> query(Query q) {
        Instant now = clock.instant();
        Predicate<DcsaEvent> visible = e -> !e.eventCreatedDateTime().isAfter(now);
        Predicate<DcsaEvent> filter = visible
                .and(e -> q.equipmentReference() == null || q.equipmentReference().equals(e.equipmentReference()))
                .and(e -> q.eventTypes() == null || q.eventTypes().isEmpty() || q.eventTypes().contains(e.eventType()))
                .and(e -> q.createdFrom() == null || !e.eventCreatedDateTime().isBefore(q.createdFrom()))
                .and(e -> q.createdAfter() == null || e.eventCreatedDateTime().isAfter(q.createdAfter()));
        List<DcsaEvent> candidates = new ArrayList<>();
        if (q.transportDocumentReference() != null) {
            candidates.addAll(eventsByDocument.getOrDefault(q.transportDocumentReference(), List.of()));
        } else {
            eventsByDocument.values().forEach(candidates::addAll);
        }
        return candidates.stream().filter(filter).sorted(CHRONOLOGICAL).limit(q.limit()).toList();
    }
}
