package org.originbridge.logistics.domain;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.originbridge.origin.FieldError;
import org.originbridge.origin.json.SchemaFields;

/**
 * Validates DCSA Track and Trace events (a parsed JSON tree: maps, lists, strings, numbers) and
 * normalises them to {@link NodeEvent}s. Every problem is collected, each named by its path with
 * the array index ({@code [1].eventDateTime}); nothing is published from a batch with a problem.
 *
 * <p>Field names, types, lengths, patterns and code lists come from the checked-in schema
 * ({@link DcsaEventSchema}, {@code dcsa/tnt-v2-event.schema.json}), walked with origin-core's
 * {@link SchemaFields}: a new field is declared there once. What a schema cannot say is here: the code field of
 * the event's type (with a code DCSA defines for that type) is required; an ACT event may not lie in the future
 * (beyond {@link #CLOCK_SKEW}); TRANSPORT and EQUIPMENT events need transportCall.UNLocationCode, which goes
 * through {@link UnLocode#parse}; EQUIPMENT events need an equipmentReference; and each event must carry a
 * transport document (TRD), booking (BKG) or equipment reference to be keyed by.
 */
public final class DcsaEventNormaliser {

    public static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
    public static final int MAX_BATCH = 1000;

    private final Clock clock;

    public DcsaEventNormaliser(Clock clock) {
        this.clock = clock;
    }

    /** One event's outcome: the normalised event, or its problems. */
    public record Result(NodeEvent event, List<FieldError> problems) {
        public boolean valid() {
            return event != null;
        }
    }

    /**
     * A request body: one event object or an array of them. All or nothing.
     *
     * @throws InvalidEventsException naming every bad field
     */
    public List<NodeEvent> normaliseBatch(Object body) {
        Instant receivedAt = clock.instant();
        List<NodeEvent> events = new ArrayList<>();
        List<FieldError> problems = new ArrayList<>();
        if (body instanceof Map<?, ?> single) {
            collect(normalise(single, "", receivedAt), events, problems);
        } else if (body instanceof List<?> list) {
            if (list.isEmpty()) {
                throw new InvalidEventsException("body", "must hold at least one event");
            }
            if (list.size() > MAX_BATCH) {
                throw new InvalidEventsException("body", "at most " + MAX_BATCH + " events per request");
            }
            for (int i = 0; i < list.size(); i++) {
                Object item = list.get(i);
                if (item instanceof Map<?, ?> event) {
                    collect(normalise(event, "[" + i + "].", receivedAt), events, problems);
                } else {
                    problems.add(InvalidEventsException.problem("[" + i + "]", "must be an event object"));
                }
            }
        } else {
            throw new InvalidEventsException("body", "must be a DCSA event object or an array of them");
        }
        if (!problems.isEmpty()) {
            throw new InvalidEventsException(problems);
        }
        return events;
    }

    /** One event of a feed page, judged on its own (a bad event does not hold back the others). */
    public Result normaliseOne(Object event, String path) {
        if (!(event instanceof Map<?, ?> map)) {
            return new Result(null, List.of(InvalidEventsException.problem(path, "must be an event object")));
        }
        return normalise(map, path.isEmpty() ? "" : path + ".", clock.instant());
    }

    private static void collect(Result result, List<NodeEvent> events, List<FieldError> problems) {
        if (result.valid()) {
            events.add(result.event());
        } else {
            problems.addAll(result.problems());
        }
    }

    private Result normalise(Map<?, ?> json, String prefix, Instant receivedAt) {
        List<FieldError> problems = new ArrayList<>();
        SchemaFields f = new SchemaFields(DcsaEventSchema.EVENT, json, prefix, problems);

        String eventId = f.string("eventID");
        NodeEvent.Type type = f.enumValue("eventType", NodeEvent.Type.class);
        NodeEvent.Classifier classifier = f.enumValue("eventClassifierCode", NodeEvent.Classifier.class);
        String code = type == null ? null : f.string(EventCodes.codeField(type), true);
        Instant eventDateTime = f.instant("eventDateTime");
        Instant createdDateTime = f.instant("eventCreatedDateTime");
        if (classifier == NodeEvent.Classifier.ACT && eventDateTime != null
                && eventDateTime.isAfter(receivedAt.plus(CLOCK_SKEW))) {
            f.problem("eventDateTime", "an actual (ACT) event cannot lie in the future");
        }

        UnLocode location = null;
        String mode = null;
        String imo = null;
        String voyage = null;
        boolean needsCall = type == NodeEvent.Type.TRANSPORT || type == NodeEvent.Type.EQUIPMENT;
        SchemaFields call = f.object("transportCall");
        if (call == null) {
            if (needsCall && !f.has("transportCall")) {
                f.problem("transportCall", "is required for " + type + " events");
            }
        } else {
            String rawLocation = call.string("UNLocationCode", needsCall);
            if (rawLocation != null) {
                try {
                    location = UnLocode.parse(rawLocation);
                } catch (IllegalArgumentException e) {
                    call.problem("UNLocationCode", e.getMessage());
                }
            }
            mode = call.string("modeOfTransport");
            voyage = call.string("carrierVoyageNumber");
            SchemaFields vessel = call.object("vessel");
            if (vessel != null) {
                imo = vessel.string("vesselIMONumber");
            }
        }

        String equipment = f.string("equipmentReference");
        if (equipment == null && type == NodeEvent.Type.EQUIPMENT && !f.has("equipmentReference")) {
            f.problem("equipmentReference", "is required for EQUIPMENT events");
        }

        String transportDocument = null;
        String booking = null;
        List<?> references = f.array("documentReferences");
        if (references != null) {
            for (int i = 0; i < references.size(); i++) {
                SchemaFields reference = f.item("documentReferences", references, i);
                if (reference == null) {
                    continue;
                }
                String referenceType = reference.string("documentReferenceType");
                String value = reference.string("documentReferenceValue");
                if ("TRD".equals(referenceType)) {
                    transportDocument = transportDocument == null ? value : transportDocument;
                } else if ("BKG".equals(referenceType)) {
                    booking = booking == null ? value : booking;
                }
            }
        }
        String retracted = f.string("retractedEventID");

        if (transportDocument == null && booking == null && !f.has("equipmentReference")
                && (references == null || references.isEmpty())) {
            f.problem("documentReferences",
                    "the event needs a transport document (TRD) or booking (BKG) reference, or an equipmentReference, to be keyed by");
        }
        if (!problems.isEmpty()) {
            return new Result(null, List.copyOf(problems));
        }
        return new Result(new NodeEvent(eventId, NodeEvent.Source.DCSA, type, classifier, code, eventDateTime,
                createdDateTime, location, mode, imo, voyage, equipment, transportDocument, booking, retracted,
                receivedAt), List.of());
    }
}
