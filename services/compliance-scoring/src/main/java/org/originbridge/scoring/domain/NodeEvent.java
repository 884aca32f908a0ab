package org.originbridge.scoring.domain;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * A port/carrier event as evidence of how a consignment travelled.
 *
 * @param eventId          the event's id (an event counts once)
 * @param code             DCSA event code (DEPA, ARRI, LOAD, DISC, STRP, STUF, ...)
 * @param actual           true for ACT events; planned/estimated events are not evidence
 * @param location         UN/LOCODE, may be null
 * @param at               when it happened
 * @param retractedEventId when set, this event retracts an earlier one and is no evidence itself
 */
public record NodeEvent(String eventId, String code, boolean actual, String location, Instant at,
        String retractedEventId) {

    public NodeEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(at, "at");
        code = code.trim().toUpperCase(Locale.ROOT);
        location = Locations.normalise(location);
    }

    public boolean isRetraction() {
        return retractedEventId != null;
    }
}
