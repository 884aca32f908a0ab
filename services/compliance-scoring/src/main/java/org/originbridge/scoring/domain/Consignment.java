package org.originbridge.scoring.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** The references that join port events to an accepted declaration, and its declared ports. */
public record Consignment(String declarationId, String supplierId, String transportDocumentReference,
        String bookingReference, List<String> equipmentReferences, String portOfLoading, String portOfDischarge,
        Instant acceptedAt) {

    public Consignment {
        Objects.requireNonNull(declarationId, "declarationId");
        Objects.requireNonNull(supplierId, "supplierId");
        Objects.requireNonNull(acceptedAt, "acceptedAt");
        transportDocumentReference = blankToNull(transportDocumentReference);
        bookingReference = blankToNull(bookingReference);
        equipmentReferences = equipmentReferences == null ? List.of()
                : equipmentReferences.stream().map(Consignment::blankToNull).filter(Objects::nonNull).distinct().toList();
        portOfLoading = Locations.normalise(portOfLoading);
        portOfDischarge = Locations.normalise(portOfDischarge);
    }

    public boolean hasReferences() {
        return transportDocumentReference != null || bookingReference != null || !equipmentReferences.isEmpty();
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
