package org.originbridge.logistics.domain;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.originbridge.origin.FieldError;

/**
 * Validates DCSA Track and Trace events (a parsed JSON tree: maps, lists, strings, numbers) and
 * normalises them to {@link NodeEvent}s. Every problem is collected, each named by its path with
 * the array index ({@code [1].eventDateTime}); nothing is published from a batch with a problem.
 *
 * <p>Rules: eventID, eventType (TRANSPORT | EQUIPMENT | SHIPMENT), eventClassifierCode
 * (PLN | EST | ACT), the code field of the type with a code DCSA defines for that type,
 * eventDateTime and eventCreatedDateTime (ISO 8601 with offset) are required; an ACT event may not
 * lie in the future (beyond {@link #CLOCK_SKEW}); TRANSPORT and EQUIPMENT events need
 * transportCall.UNLocationCode; UN/LOCODEs go through {@link UnLocode#parse}; vesselIMONumber has
 * 7 digits; modeOfTransport is VESSEL | RAIL | TRUCK | BARGE; EQUIPMENT events need an
 * equipmentReference; documentReferences are BKG | TRD with a value; and each event must carry a
 * transport document (TRD), booking (BKG) or equipment reference to be keyed by.
 */
public final class DcsaEventNormaliser {

    public static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
    public static final int MAX_BATCH = 1000;

    private static final Pattern IMO = Pattern.compile("\\d{7}");
    private static final Pattern EQUIPMENT = Pattern.compile("[A-Z0-9]{1,15}");
    private static final Set<String> MODES = Set.of("VESSEL", "RAIL", "TRUCK", "BARGE");

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
        Fields f = new Fields(json, prefix);

        String eventId = f.requiredString("eventID", 100);
        NodeEvent.Type type = f.requiredEnum("eventType", NodeEvent.Type.class);
        NodeEvent.Classifier classifier = f.requiredEnum("eventClassifierCode", NodeEvent.Classifier.class);
        String code = null;
        if (type != null) {
            String codeField = EventCodes.codeField(type);
            code = f.requiredString(codeField, 4);
            if (code != null && !EventCodes.isAllowed(type, code)) {
                f.problem(codeField, "'" + code + "' is not a DCSA " + type + " event code; allowed: "
                        + EventCodes.allowed(type).stream().sorted().toList());
                code = null;
            }
        }
        Instant eventDateTime = f.requiredInstant("eventDateTime");
        Instant createdDateTime = f.requiredInstant("eventCreatedDateTime");
        if (classifier == NodeEvent.Classifier.ACT && eventDateTime != null
                && eventDateTime.isAfter(receivedAt.plus(CLOCK_SKEW))) {
            f.problem("eventDateTime", "an actual (ACT) event cannot lie in the future");
        }

        UnLocode location = null;
        String mode = null;
        String imo = null;
        String voyage = null;
        Map<?, ?> call = f.optionalObject("transportCall");
        boolean needsCall = type == NodeEvent.Type.TRANSPORT || type == NodeEvent.Type.EQUIPMENT;
        if (call == null) {
            if (needsCall && !f.has("transportCall")) {
                f.problem("transportCall", "is required for " + type + " events");
            }
        } else {
            Fields c = f.nested(call, "transportCall.");
            String rawLocation = needsCall ? c.requiredString("UNLocationCode", 10) : c.optionalString("UNLocationCode", 10);
            if (rawLocation != null) {
                try {
                    location = UnLocode.parse(rawLocation);
                } catch (IllegalArgumentException e) {
                    c.problem("UNLocationCode", e.getMessage());
                }
            }
            mode = c.optionalString("modeOfTransport", 10);
            if (mode != null && !MODES.contains(mode)) {
                c.problem("modeOfTransport", "must be one of " + MODES.stream().sorted().toList());
            }
            voyage = c.optionalString("carrierVoyageNumber", 50);
            Map<?, ?> vessel = c.optionalObject("vessel");
            if (vessel != null) {
                Fields v = c.nested(vessel, "vessel.");
                imo = v.optionalString("vesselIMONumber", 7);
                if (imo != null && !IMO.matcher(imo).matches()) {
                    v.problem("vesselIMONumber", "must be the 7-digit IMO number");
                }
            }
        }

        String equipment = f.optionalString("equipmentReference", 15);
        if (equipment != null && !EQUIPMENT.matcher(equipment).matches()) {
            f.problem("equipmentReference", "must be up to 15 upper-case letters and digits (ISO 6346 container number)");
        } else if (equipment == null && type == NodeEvent.Type.EQUIPMENT && !f.has("equipmentReference")) {
            f.problem("equipmentReference", "is required for EQUIPMENT events");
        }

        String transportDocument = null;
        String booking = null;
        List<?> references = f.optionalList("documentReferences");
        if (references != null) {
            for (int i = 0; i < references.size(); i++) {
                String path = "documentReferences[" + i + "]";
                if (!(references.get(i) instanceof Map<?, ?> reference)) {
                    f.problem(path, "must be an object with documentReferenceType and documentReferenceValue");
                    continue;
                }
                Fields r = f.nested(reference, path + ".");
                String referenceType = r.requiredString("documentReferenceType", 3);
                String value = r.requiredString("documentReferenceValue", 100);
                if ("TRD".equals(referenceType)) {
                    transportDocument = transportDocument == null ? value : transportDocument;
                } else if ("BKG".equals(referenceType)) {
                    booking = booking == null ? value : booking;
                } else if (referenceType != null) {
                    r.problem("documentReferenceType", "must be BKG or TRD");
                }
            }
        }
        String retracted = f.optionalString("retractedEventID", 100);

        if (transportDocument == null && booking == null && !f.has("equipmentReference")
                && (references == null || references.isEmpty())) {
            f.problem("documentReferences",
                    "the event needs a transport document (TRD) or booking (BKG) reference, or an equipmentReference, to be keyed by");
        }
        if (!f.problems.isEmpty()) {
            return new Result(null, List.copyOf(f.problems));
        }
        return new Result(new NodeEvent(eventId, NodeEvent.Source.DCSA, type, classifier, code, eventDateTime,
                createdDateTime, location, mode, imo, voyage, equipment, transportDocument, booking, retracted,
                receivedAt), List.of());
    }

    /** Typed access to one JSON object's fields, collecting problems under a path prefix. */
    private static final class Fields {
        private final Map<?, ?> json;
        private final String prefix;
        private final List<FieldError> problems;

        Fields(Map<?, ?> json, String prefix) {
            this(json, prefix, new ArrayList<>());
        }

        private Fields(Map<?, ?> json, String prefix, List<FieldError> problems) {
            this.json = json;
            this.prefix = prefix;
            this.problems = problems;
        }

        Fields nested(Map<?, ?> child, String childPrefix) {
            return new Fields(child, prefix + childPrefix, problems);
        }

        void problem(String field, String message) {
            problems.add(InvalidEventsException.problem(prefix + field, message));
        }

        boolean has(String field) {
            return json.get(field) != null;
        }

        String optionalString(String field, int maxLength) {
            Object value = json.get(field);
            if (value == null) {
                return null;
            }
            if (!(value instanceof String s)) {
                problem(field, "must be a string");
                return null;
            }
            String trimmed = s.trim();
            if (trimmed.isEmpty()) {
                problem(field, "must not be blank");
                return null;
            }
            if (trimmed.length() > maxLength) {
                problem(field, "must be at most " + maxLength + " characters");
                return null;
            }
            return trimmed;
        }

        String requiredString(String field, int maxLength) {
            if (json.get(field) == null) {
                problem(field, "is required");
                return null;
            }
            return optionalString(field, maxLength);
        }

        <E extends Enum<E>> E requiredEnum(String field, Class<E> type) {
            String value = requiredString(field, 20);
            if (value == null) {
                return null;
            }
            for (E constant : type.getEnumConstants()) {
                if (constant.name().equals(value)) {
                    return constant;
                }
            }
            problem(field, "must be one of " + java.util.Arrays.stream(type.getEnumConstants()).map(Enum::name).toList());
            return null;
        }

        Instant requiredInstant(String field) {
            String value = requiredString(field, 40);
            if (value == null) {
                return null;
            }
            try {
                return OffsetDateTime.parse(value).toInstant();
            } catch (DateTimeParseException e) {
                problem(field, "must be an ISO 8601 date-time with offset, e.g. 2026-11-20T07:42:00Z");
                return null;
            }
        }

        Map<?, ?> optionalObject(String field) {
            Object value = json.get(field);
            if (value == null) {
                return null;
            }
            if (value instanceof Map<?, ?> map) {
                return map;
            }
            problem(field, "must be an object");
            return null;
        }

        List<?> optionalList(String field) {
            Object value = json.get(field);
            if (value == null) {
                return null;
            }
            if (value instanceof List<?> list) {
                return list;
            }
            problem(field, "must be an array");
            return null;
        }
    }
}
