package org.originbridge.status.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A normalised port/carrier event, as logistics-ingestion published it; {@code tenantId} is the
 * exporter tenant that pushed it, null or "" for carrier feeds.
 */
public record LogisticsEvent(
        String eventId,
        String source,
        String eventType,
        String eventClassifier,
        String eventCode,
        Instant eventDateTime,
        Instant eventCreatedDateTime,
        String unLocationCode,
        String nodeName,
        String modeOfTransport,
        String vesselImo,
        String carrierVoyageNumber,
        String equipmentReference,
        String transportDocumentReference,
        String bookingReference,
        String retractedEventId,
        String tenantId) {

    public LogisticsEvent(String eventId, String source, String eventType, String eventClassifier, String eventCode,
            Instant eventDateTime, Instant eventCreatedDateTime, String unLocationCode, String nodeName,
            String modeOfTransport, String vesselImo, String carrierVoyageNumber, String equipmentReference,
            String transportDocumentReference, String bookingReference, String retractedEventId) {
        this(eventId, source, eventType, eventClassifier, eventCode, eventDateTime, eventCreatedDateTime, unLocationCode,
                nodeName, modeOfTransport, vesselImo, carrierVoyageNumber, equipmentReference, transportDocumentReference,
                bookingReference, retractedEventId, null);
    }

    /** Visible on a declaration of this tenant: carrier-fed events, or events the same tenant pushed. */
    public boolean visibleTo(String tenant) {
        return tenantId == null || tenantId.isEmpty() || tenantId.equals(tenant);
    }

    /** The references this event can be joined by, each tagged with its kind. */
    public List<String> references() {
        List<String> refs = new ArrayList<>(3);
        if (transportDocumentReference != null) {
            refs.add(References.transportDocument(transportDocumentReference));
        }
        if (bookingReference != null) {
            refs.add(References.booking(bookingReference));
        }
        if (equipmentReference != null) {
            refs.add(References.equipment(equipmentReference));
        }
        return refs;
    }
}
