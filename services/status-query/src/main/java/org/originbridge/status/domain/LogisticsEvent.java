package org.originbridge.status.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A normalised port/carrier event, as logistics-ingestion published it. */
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
        String retractedEventId) {

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
