package org.originbridge.asw.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What asw-verification needs of an accepted declaration: the face of the proof of origin
 * (RCEP Annex 3B), from which the document hash is computed, and the identifiers around it.
 * Nullable fields are those the schema makes optional.
 */
public record Declaration(
        String declarationId,
        String supplierId,
        String documentType,
        String referenceNumber,
        LocalDate issueDate,
        Party exporter,
        Party producer,
        Party importer,
        String destinationCountry,
        List<Item> goods,
        Shipment consignment,
        String approvedExporterCode,
        String issuingBody) {

    public Declaration {
        goods = goods == null ? List.of() : List.copyOf(goods);
    }

    public record Party(String name, String address, String country) {}

    /** One goods item as printed on the proof of origin. */
    public record Item(
            int itemNumber,
            String description,
            String hsCode,
            String originCriterion,
            String originCountry,
            BigDecimal quantity,
            String quantityUnit,
            BigDecimal grossWeightKg,
            BigDecimal fobAmount,
            String fobCurrency) {}

    /** Annex 3B (j): the means of transport and route, plus the transport document. */
    public record Shipment(
            String invoiceNumber,
            LocalDate invoiceDate,
            LocalDate departureDate,
            String vesselOrFlight,
            String voyageNumber,
            String portOfLoading,
            String portOfDischarge,
            String transportDocumentReference) {}
}
