package org.originbridge.origin.declaration;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import org.originbridge.origin.code.InvalidCodeException;
import org.originbridge.origin.code.UnLocode;

/**
 * An RCEP proof of origin (Certificate of Origin or Declaration of Origin) with every Annex 3B field, named
 * and nested exactly like the Avro contract {@code DeclarationSubmitted} (schemas/): the same record and
 * field names, so a field path in a {@link DeclarationValidator} problem is the contract's path (e.g.
 * {@code goods[0].fobValue.currency}). Codes and amounts are kept as submitted so that the validator can
 * report every problem at once; nothing here is assumed valid until validated. The one normalisation is
 * UN/LOCODEs: a port that parses as a {@link UnLocode} is held as its normalised code ({@code "cn sha"} ->
 * the code {@link UnLocode#parse} gives), one that does not is kept as given for the validator to report.
 * Amounts are exact decimals at the schema's scale (money 2, weights and quantities 3).
 *
 * @param documentType         CO or Declaration of Origin; {@link ProofOfOriginType#UNKNOWN} when not given
 * @param referenceNumber      (e) CO reference number, or the Declaration of Origin's unique reference number
 * @param issueDate            date of issue (CO) or of the declaration (DO)
 * @param exporter             (a) exporter name and address; its country is the exporting Party
 * @param producer             (b) producer name and address, if known (may be null)
 * @param importer             (c) importer or consignee name and address
 * @param destinationCountry   RCEP Party of destination (ISO alpha-2)
 * @param goods                (d), (f), (i), (k), (l) per goods line, each with its bill of materials when known
 * @param consignment          (j) consignment details plus the references that join logistics events to it
 * @param exporterDeclaration  (g) declaration by the exporter or producer
 * @param certification        (h) issuing-body certification: required for a CO (may be null for a DO)
 * @param approvedExporterCode approved exporter code: required for a DO
 * @param backToBack           (m) back-to-back data, null when not back-to-back
 * @param submittedAt          when OriginBridge accepted it for processing (null until then)
 */
public record Declaration(String declarationId, String supplierId, ProofOfOriginType documentType,
                          String referenceNumber, LocalDate issueDate, Party exporter, Party producer,
                          Party importer, String destinationCountry, List<GoodsItem> goods,
                          Consignment consignment, ExporterDeclaration exporterDeclaration,
                          IssuingBodyCertification certification, String approvedExporterCode,
                          BackToBackDetails backToBack, Instant submittedAt) {

    public Declaration {
        Objects.requireNonNull(declarationId, "declarationId");
        Objects.requireNonNull(supplierId, "supplierId");
        documentType = documentType == null ? ProofOfOriginType.UNKNOWN : documentType;
        goods = goods == null ? List.of() : List.copyOf(goods);
    }

    public Declaration withSubmittedAt(Instant at) {
        return new Declaration(declarationId, supplierId, documentType, referenceNumber, issueDate, exporter, producer,
                importer, destinationCountry, goods, consignment, exporterDeclaration, certification,
                approvedExporterCode, backToBack, at);
    }

    public boolean isBackToBack() {
        return backToBack != null;
    }

    /** The two RCEP proofs of origin (Art 3.16), or UNKNOWN when the submitter named none. */
    public enum ProofOfOriginType {
        /** Certificate of Origin issued by an issuing body: needs issuing-body certification (Annex 3B (h)). */
        CERTIFICATE_OF_ORIGIN,
        /** Declaration of Origin by an approved exporter: needs the approved exporter code instead. */
        DECLARATION_OF_ORIGIN,
        UNKNOWN
    }

    /**
     * Exporter, producer or importer/consignee: Annex 3B (a)-(c); {@code identifier} is the party's
     * id at OriginBridge when it has one (an importer reads the e-COs addressed to its id).
     */
    public record Party(String name, String address, String country, String identifier) {

        public Party(String name, String address, String country) {
            this(name, address, country, null);
        }
    }

    /**
     * One goods line: Annex 3B (d) description and 6-digit HS code, (f) origin criterion (e.g. {@code WO},
     * {@code CTH}, {@code RVC40}, markers {@code ACU}/{@code DMI}), (i) RCEP country of origin, (k) FOB value,
     * (l) quantity; with its bill of materials when known.
     */
    public record GoodsItem(int itemNumber, String description, String hsCode, String originCriterion,
                            String originCountry, BigDecimal quantity, String quantityUnit, BigDecimal grossWeightKg,
                            Money fobValue, BillOfMaterials billOfMaterials) {
    }

    /** An amount of money: scale 2, ISO 4217 currency (both as given; the validator checks them). */
    public record Money(BigDecimal amount, String currency) {
        public Money {
            Objects.requireNonNull(amount, "amount");
            Objects.requireNonNull(currency, "currency");
        }
    }

    public enum RvcMethod { BUILD_DOWN, BUILD_UP }

    public enum MaterialOrigin { ORIGINATING, NON_ORIGINATING, UNDETERMINED }

    /** The bill of materials of one goods item, as an ERP/MES exports it. */
    public record BillOfMaterials(RvcMethod rvcMethod, BigDecimal productNetWeightKg, String rule,
                                  ProductionCosts costs, boolean minimalOperationsOnly, List<BomMaterial> materials) {
        public BillOfMaterials {
            rvcMethod = rvcMethod == null ? RvcMethod.BUILD_DOWN : rvcMethod;
            materials = materials == null ? List.of() : List.copyOf(materials);
        }
    }

    /** Build-up cost elements (Art 3.5), in the FOB currency; each may be null. */
    public record ProductionCosts(BigDecimal directLabour, BigDecimal directOverhead, BigDecimal profit,
                                  BigDecimal other) {
    }

    /** One line of a bill of materials; the rules on its amounts are {@link org.originbridge.origin.bom.BomRules}. */
    public record BomMaterial(String materialId, String description, String hsCode, BigDecimal value,
                              BigDecimal netWeightKg, MaterialOrigin origin, String originCountry,
                              BigDecimal deductibleCosts, boolean indirect) {
        public BomMaterial {
            origin = origin == null ? MaterialOrigin.UNDETERMINED : origin;
        }
    }

    /**
     * Annex 3B (j) plus the references that join logistics events to the declaration. The ports are
     * normalised UN/LOCODEs when they parse (see the record's doc), else as given.
     */
    public record Consignment(String invoiceNumber, LocalDate invoiceDate, LocalDate departureDate,
                              String vesselOrFlight, String voyageNumber, String portOfLoading,
                              String portOfDischarge, String transportDocumentReference, String bookingReference,
                              List<String> equipmentReferences) {
        public Consignment {
            portOfLoading = normalisedLocode(portOfLoading);
            portOfDischarge = normalisedLocode(portOfDischarge);
            equipmentReferences = equipmentReferences == null ? List.of() : List.copyOf(equipmentReferences);
        }

        private static String normalisedLocode(String text) {
            if (text == null || text.isBlank()) {
                return text;
            }
            try {
                return UnLocode.parse(text).code();
            } catch (InvalidCodeException e) {
                return text; // reported by the validator, with the text as given
            }
        }
    }

    /** Annex 3B (g): declaration by the exporter or producer: where, when and by whom. */
    public record ExporterDeclaration(String place, LocalDate date, String signatoryName) {
    }

    /** Annex 3B (h): certification by the issuing body; the seal is applied when its reference is given. */
    public record IssuingBodyCertification(String issuingBody, String authorisedSignatory, String officialSealReference,
                                           LocalDate certificationDate) {
        public boolean sealed() {
            return officialSealReference != null && !officialSealReference.isBlank();
        }
    }

    /** Annex 3B (m): back-to-back proof of origin data (Art 3.19). */
    public record BackToBackDetails(String originalProofReference, LocalDate originalIssueDate,
                                    String firstExportingPartyCountry, String approvedExporterCode) {
    }
}
