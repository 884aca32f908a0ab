package org.originbridge.logistics.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * A normalised port or carrier event: what a delivery route needs, whatever the source spoke.
 * At least one of the three references is set; {@link #key()} picks the one the topic is keyed by.
 */
public record NodeEvent(
        String eventId,
        Source source,
        Type eventType,
        Classifier classifier,
        String eventCode,
        Instant eventDateTime,
        Instant eventCreatedDateTime,
        UnLocode location,
        String modeOfTransport,
        String vesselImo,
        String carrierVoyageNumber,
        String equipmentReference,
        String transportDocumentReference,
        String bookingReference,
        String retractedEventId,
        Instant receivedAt) {

    public enum Source { DCSA, EDIFACT }

    public enum Type { TRANSPORT, EQUIPMENT, SHIPMENT }

    public enum Classifier { PLN, EST, ACT }

    public NodeEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(classifier, "classifier");
        Objects.requireNonNull(eventCode, "eventCode");
        Objects.requireNonNull(eventDateTime, "eventDateTime");
        Objects.requireNonNull(eventCreatedDateTime, "eventCreatedDateTime");
        Objects.requireNonNull(receivedAt, "receivedAt");
        if (transportDocumentReference == null && bookingReference == null && equipmentReference == null) {
            throw new IllegalArgumentException("a node event needs a transport document, booking or equipment reference");
        }
    }

    /** Topic key: transport document reference, else booking reference, else equipment reference. */
    public String key() {
        if (transportDocumentReference != null) {
            return transportDocumentReference;
        }
        return bookingReference != null ? bookingReference : equipmentReference;
    }

    public String nodeName() {
        return location == null ? null : location.nodeName().orElse(null);
    }
}
