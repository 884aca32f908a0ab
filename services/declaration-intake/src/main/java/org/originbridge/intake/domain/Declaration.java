package org.originbridge.intake.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A proof of origin as submitted to OriginBridge: the same fields as the Avro
 * {@code DeclarationSubmitted} record, in plain Java. Nothing beyond its structure is assumed valid:
 * Annex 3B validation is {@link DeclarationScreening}'s job. Amounts are exact decimals at the
 * schema's scale (money 2, weights and quantities 3).
 */
public record Declaration(String declarationId, String supplierId, DocumentType documentType,
                          String referenceNumber, LocalDate issueDate, Party exporter, Party producer,
                          Party importer, String destinationCountry, List<GoodsItem> goods,
                          Consignment consignment, ExporterStatement exporterDeclaration,
                          Certification certification, String approvedExporterCode, BackToBack backToBack,
                          Instant submittedAt) {

    public Declaration {
        Objects.requireNonNull(declarationId, "declarationId");
        Objects.requireNonNull(supplierId, "supplierId");
        documentType = documentType == null ? DocumentType.UNKNOWN : documentType;
        goods = goods == null ? List.of() : List.copyOf(goods);
    }

    public Declaration withSubmittedAt(Instant at) {
        return new Declaration(declarationId, supplierId, documentType, referenceNumber, issueDate, exporter, producer,
                importer, destinationCountry, goods, consignment, exporterDeclaration, certification,
                approvedExporterCode, backToBack, at);
    }

    public enum DocumentType { CERTIFICATE_OF_ORIGIN, DECLARATION_OF_ORIGIN, UNKNOWN }

    /**
     * Exporter, producer or importer/consignee: Annex 3B (a)-(c); {@code identifier} is the party's
     * id at OriginBridge when it has one (an importer reads the e-COs addressed to its id).
     */
    public record Party(String name, String address, String country, String identifier) {

        public Party(String name, String address, String country) {
            this(name, address, country, null);
        }
    }

    /** One goods line: Annex 3B (d), (f), (i), (k), (l), with its bill of materials when known. */
    public record GoodsItem(int itemNumber, String description, String hsCode, String originCriterion,
                            String originCountry, BigDecimal quantity, String quantityUnit, BigDecimal grossWeightKg,
                            Amount fobValue, BillOfMaterials billOfMaterials) {
    }

    /** An amount of money: scale 2, ISO 4217 currency. */
    public record Amount(BigDecimal amount, String currency) {
        public Amount {
            Objects.requireNonNull(amount, "amount");
            Objects.requireNonNull(currency, "currency");
        }
    }

    public enum RvcMethod { BUILD_DOWN, BUILD_UP }

    public enum MaterialOrigin { ORIGINATING, NON_ORIGINATING, UNDETERMINED }

    /** The bill of materials of one goods item, as an ERP/MES exports it. */
    public record BillOfMaterials(RvcMethod rvcMethod, BigDecimal productNetWeightKg, String rule,
                                  ProductionCosts costs, boolean minimalOperationsOnly, List<Material> materials) {
        public BillOfMaterials {
            rvcMethod = rvcMethod == null ? RvcMethod.BUILD_DOWN : rvcMethod;
            materials = materials == null ? List.of() : List.copyOf(materials);
        }
    }

    /** Build-up cost elements (Art 3.5), in the FOB currency; each may be null. */
    public record ProductionCosts(BigDecimal directLabour, BigDecimal directOverhead, BigDecimal profit,
                                  BigDecimal other) {
    }

    public record Material(String materialId, String description, String hsCode, BigDecimal value,
                           BigDecimal netWeightKg, MaterialOrigin origin, String originCountry,
                           BigDecimal deductibleCosts, boolean indirect) {
        public Material {
            origin = origin == null ? MaterialOrigin.UNDETERMINED : origin;
        }
    }

    /** Annex 3B (j) plus the references that join logistics events to the declaration. */
    public record Consignment(String invoiceNumber, LocalDate invoiceDate, LocalDate departureDate,
                              String vesselOrFlight, String voyageNumber, String portOfLoading,
                              String portOfDischarge, String transportDocumentReference, String bookingReference,
                              List<String> equipmentReferences) {
        public Consignment {
            equipmentReferences = equipmentReferences == null ? List.of() : List.copyOf(equipmentReferences);
        }
    }

    /** Annex 3B (g): declaration by the exporter or producer. */
    public record ExporterStatement(String place, LocalDate date, String signatoryName) {
    }

    /** Annex 3B (h): certification by the issuing body. */
    public record Certification(String issuingBody, String authorisedSignatory, String officialSealReference,
                                LocalDate certificationDate) {
    }

    /** Annex 3B (m): back-to-back proof of origin data. */
    public record BackToBack(String originalProofReference, LocalDate originalIssueDate,
                             String firstExportingPartyCountry, String approvedExporterCode) {
    }
}
