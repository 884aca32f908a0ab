package org.originbridge.scoring.domain;

import java.util.Objects;

/** A port event with the references it carries (any may be null). */
public record LogisticsObservation(NodeEvent event, String transportDocumentReference, String bookingReference,
        String equipmentReference) {
    public LogisticsObservation {
        Objects.requireNonNull(event, "event");
        transportDocumentReference = Consignment.blankToNull(transportDocumentReference);
        bookingReference = Consignment.blankToNull(bookingReference);
        equipmentReference = Consignment.blankToNull(equipmentReference);
    }
}
