package org.originbridge.sandbox.dcsa;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.originbridge.sandbox.web.BadRequestException;
import org.originbridge.sandbox.web.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Port / carrier feed in the DCSA Track and Trace v2 shape: poll {@code GET /events}, subscribe
 * with signed callbacks, plus sandbox-only endpoints to register a voyage and retract an event.
 * Contract: /openapi/dcsa.yaml.
 */
@RestController
@RequestMapping("/dcsa/v2")
public class DcsaController {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;

    public record ConsignmentView(String transportDocumentReference, int plannedEvents, Instant firstEventDateTime,
            Instant lastEventDateTime) {}

    public record SubscriptionView(String subscriptionID, URI callbackUrl, String transportDocumentReference,
            List<String> eventTypes, Instant createdDateTime) {

        static SubscriptionView of(Subscription s) {
            return new SubscriptionView(s.subscriptionID(), s.callbackUrl(), s.transportDocumentReference(), s.eventTypes(),
                    s.createdDateTime());
        }
    }

    public record RetractionRequest(@NotBlank String eventID) {}

    private final DcsaFeed feed;
    private final SubscriptionDispatcher subscriptions;

    public DcsaController(DcsaFeed feed, SubscriptionDispatcher subscriptions) {
        this.feed = feed;
        this.subscriptions = subscriptions;
    }

    @GetMapping("/events")
    public List<DcsaEvent> events(
            @RequestParam(required = false) String transportDocumentReference,
            @RequestParam(required = false) String equipmentReference,
            @RequestParam(required = false) String eventType,
            @RequestParam(name = "eventCreatedDateTime:gte", required = false) String createdGte,
            @RequestParam(name = "eventCreatedDateTime:gt", required = false) String createdGt,
            @RequestParam(required = false) Integer limit) {
        int max = limit == null ? DEFAULT_LIMIT : limit;
        if (max < 1 || max > MAX_LIMIT) {
            throw new BadRequestException("limit", "must be between 1 and " + MAX_LIMIT);
        }
        Set<String> types = eventType == null ? Set.of()
                : Arrays.stream(eventType.split(",")).map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
        for (String type : types) {
            if (!Set.of("SHIPMENT", "EQUIPMENT", "TRANSPORT").contains(type)) {
                throw new BadRequestException("eventType", "must be SHIPMENT, EQUIPMENT or TRANSPORT (comma-separated)");
            }
        }
        return feed.query(new DcsaFeed.Query(blankToNull(transportDocumentReference), blankToNull(equipmentReference), types,
                instant("eventCreatedDateTime:gte", createdGte), instant("eventCreatedDateTime:gt", createdGt), max));
    }

    @PostMapping("/event-subscriptions")
    public ResponseEntity<SubscriptionView> subscribe(@Valid @RequestBody SubscriptionRequest request) {
        Subscription s = subscriptions.subscribe(request);
        return ResponseEntity.status(HttpStatus.CREATED)
                .location(URI.create("/dcsa/v2/event-subscriptions/" + s.subscriptionID()))
                .body(SubscriptionView.of(s));
    }

    @GetMapping("/event-subscriptions")
    public List<SubscriptionView> subscriptions() {
        return subscriptions.all().stream().map(SubscriptionView::of).toList();
    }

    @GetMapping("/event-subscriptions/{subscriptionID}")
    public SubscriptionView subscription(@PathVariable String subscriptionID) {
        return subscriptions.find(subscriptionID).map(SubscriptionView::of)
                .orElseThrow(() -> new NotFoundException("no subscription " + subscriptionID));
    }

    @DeleteMapping("/event-subscriptions/{subscriptionID}")
    public ResponseEntity<Void> unsubscribe(@PathVariable String subscriptionID) {
        if (!subscriptions.remove(subscriptionID)) {
            throw new NotFoundException("no subscription " + subscriptionID);
        }
        return ResponseEntity.noContent().build();
    }

    /** Sandbox only: register a voyage whose events then appear one step apart. */
    @PostMapping("/sandbox/consignments")
    public ResponseEntity<ConsignmentView> register(@Valid @RequestBody ConsignmentRequest request) {
        String transshipment = request.transshipmentProblem();
        if (transshipment != null) {
            throw new BadRequestException("transshipmentPorts", transshipment);
        }
        List<DcsaEvent> planned = feed.register(request);
        return ResponseEntity.status(HttpStatus.CREATED).body(new ConsignmentView(request.transportDocumentReference(),
                planned.size(), planned.get(0).eventDateTime(), planned.get(planned.size() - 1).eventDateTime()));
    }

    /** Sandbox only: emit a retraction of an already visible event. */
    @PostMapping("/sandbox/consignments/{transportDocumentReference}/retractions")
    public ResponseEntity<DcsaEvent> retract(@PathVariable String transportDocumentReference,
            @Valid @RequestBody RetractionRequest request) {
        return ResponseEntity.status(HttpStatus.CREATED).body(feed.retract(transportDocumentReference, request.eventID()));
    }

    private static Instant instant(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.trim()).toInstant();
        } catch (DateTimeParseException e) {
            throw new BadRequestException(field, "must be an ISO 8601 date-time with offset, e.g. 2026-11-22T05:00:00Z");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
