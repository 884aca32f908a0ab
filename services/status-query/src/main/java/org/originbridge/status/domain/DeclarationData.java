package org.originbridge.status.domain;

import java.time.LocalDate;
import java.util.List;

/**
 * The key data of a proof of origin as the read side keeps it (Annex 3B). Decimal amounts are
 * kept as their exact decimal text (scale preserved) because this is a view, not a calculation.
 */
public record DeclarationData(
        String documentType,
        String referenceNumber,
        LocalDate issueDate,
        Party exporter,
        Party producer,
        Party importer,
        String destinationCountry,
        List<Goods> goods,
        Consignment consignment,
        String approvedExporterCode,
        String issuingBody) {

    public DeclarationData {
        goods = goods == null ? List.of() : List.copyOf(goods);
    }

    /** A trading party; {@code identifier} is its id at OriginBridge (an importer's, for e-CO retrieval). */
    public record Party(String name, String address, String country, String identifier) {

        public Party(String name, String address, String country) {
            this(name, address, country, null);
        }
    }

    /** One goods item. */
    public record Goods(Integer itemNumber, String description, String hsCode, String originCriterion,
            String originCountry, String quantity, String quantityUnit, String grossWeightKg,
            String fobAmount, String fobCurrency) {
    }

    /** Consignment details plus the references that join logistics events to the declaration. */
    public record Consignment(String invoiceNumber, LocalDate invoiceDate, LocalDate departureDate,
            String vesselOrFlight, String voyageNumber, String portOfLoading, String portOfDischarge,
            String transportDocumentReference, String bookingReference, List<String> equipmentReferences) {

        public Consignment {
            equipmentReferences = equipmentReferences == null ? List.of() : List.copyOf(equipmentReferences);
        }
    }
}
