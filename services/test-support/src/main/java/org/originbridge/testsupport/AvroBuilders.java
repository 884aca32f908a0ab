package org.originbridge.testsupport;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.originbridge.events.asw.CheckResult;
import org.originbridge.events.asw.CheckStatus;
import org.originbridge.events.asw.VerificationCompleted;
import org.originbridge.events.asw.VerificationOutcome;
import org.originbridge.events.ccpit.IssuanceStatus;
import org.originbridge.events.ccpit.IssuanceStatusChanged;
import org.originbridge.events.common.Money;
import org.originbridge.events.common.Party;
import org.originbridge.events.intake.Consignment;
import org.originbridge.events.intake.DeclarationAccepted;
import org.originbridge.events.intake.DeclarationRejected;
import org.originbridge.events.intake.DeclarationSubmitted;
import org.originbridge.events.intake.ExporterDeclaration;
import org.originbridge.events.intake.FieldProblem;
import org.originbridge.events.intake.GoodsItem;
import org.originbridge.events.intake.IssuingBodyCertification;
import org.originbridge.events.intake.OriginPreCheck;
import org.originbridge.events.intake.PreCheckStatus;
import org.originbridge.events.intake.ProofOfOriginType;
import org.originbridge.events.logistics.EventClassifier;
import org.originbridge.events.logistics.EventSource;
import org.originbridge.events.logistics.LogisticsNodeEvent;
import org.originbridge.events.logistics.NodeEventType;
import org.originbridge.events.scoring.ScoreBand;
import org.originbridge.events.scoring.ScoreFactor;
import org.originbridge.events.scoring.SupplierComplianceScore;

/**
 * Shared Avro test data: one valid record of each public topic's value, as the generated Avro builder with every
 * field a consumer needs already set, so a test states only what it bends ({@code .setX(...)} is the wither):
 * <pre>{@code
 * DeclarationSubmitted d = AvroBuilders.declarationSubmitted("DECL-1").setDestinationCountry("KR").build();
 * IssuanceStatusChanged issued = AvroBuilders.issuanceStatusChanged(d, IssuanceStatus.ISSUED, 3).build();
 * }</pre>
 * The defaults are a complete RCEP Certificate of Origin (CN -> VN, LED lamps, HS 9405.40, CTH) that intake
 * accepts: dates relative to today (UTC), so the proof stays within its one-year validity; instants are now,
 * truncated to milliseconds (the schema's precision, so a record equals itself after a round trip); decimals at
 * the schema's scale; {@code tenantId} is the supplier id, as the services set it. Records that follow a
 * declaration ({@link #declarationAccepted}, {@link #verificationCompleted}, {@link #issuanceStatusChanged})
 * copy its ids and reference number.
 */
public final class AvroBuilders {

    /** The supplier (exporter tenant) of the default declaration. */
    public static final String SUPPLIER = "SUP-NB-BRIGHTLAMPS";

    private AvroBuilders() {
    }

    /** A valid Certificate of Origin with this id; reference {@code CO-<id>}, consignment references from the id. */
    public static DeclarationSubmitted.Builder declarationSubmitted(String declarationId) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String reference = "CO-" + declarationId;
        Party exporter = party("Ningbo Bright Lamps Co., Ltd.", "18 Harbour Rd, Ningbo", "CN");
        return DeclarationSubmitted.newBuilder()
                .setDeclarationId(declarationId).setSupplierId(SUPPLIER)
                .setDocumentType(ProofOfOriginType.CERTIFICATE_OF_ORIGIN)
                .setReferenceNumber(reference).setIssueDate(today.minusDays(1))
                .setExporter(exporter).setProducer(party("Ningbo Bright Lamps Co., Ltd.", "18 Harbour Rd, Ningbo", "CN"))
                .setImporter(party("Saigon Lighting JSC", "District 7, Ho Chi Minh City", "VN"))
                .setDestinationCountry("VN")
                .setGoods(List.of(goodsItem(1).build()))
                .setConsignment(Consignment.newBuilder().setInvoiceNumber("INV-" + declarationId)
                        .setInvoiceDate(today.minusDays(3)).setDepartureDate(today.plusDays(1))
                        .setVesselOrFlight("EVER GIVEN").setVoyageNumber("0021E")
                        .setPortOfLoading("CNNGB").setPortOfDischarge("VNCMT")
                        .setTransportDocumentReference("TD-" + declarationId).setBookingReference("BK-" + declarationId)
                        .setEquipmentReferences(List.of("MSKU1234565")).build())
                .setExporterDeclaration(ExporterDeclaration.newBuilder().setPlace("Ningbo").setDate(today.minusDays(2))
                        .setSignatoryName("Chen Jing").build())
                .setCertification(IssuingBodyCertification.newBuilder().setIssuingBody("CCPIT Ningbo")
                        .setAuthorisedSignatory("Wang Fang").setOfficialSealReference("CCPIT-NB-SEAL-03")
                        .setCertificationDate(today.minusDays(1)).build())
                .setSubmittedAt(now());
    }

    /** A valid goods item: LED lamps, HS 940540, CTH, 1,200 PCE, FOB 18,500.00 USD, no bill of materials. */
    public static GoodsItem.Builder goodsItem(int itemNumber) {
        return GoodsItem.newBuilder().setItemNumber(itemNumber).setDescription("LED lamps").setHsCode("940540")
                .setOriginCriterion("CTH").setOriginCountry("CN")
                .setQuantity(new BigDecimal("1200.000")).setQuantityUnit("PCE").setGrossWeightKg(new BigDecimal("840.000"))
                .setFobValue(Money.newBuilder().setAmount(new BigDecimal("18500.00")).setCurrency("USD").build());
    }

    /** Intake's acceptance of the declaration: pre-check performed, every item originating. */
    public static DeclarationAccepted.Builder declarationAccepted(DeclarationSubmitted declaration) {
        return DeclarationAccepted.newBuilder().setDeclarationId(declaration.getDeclarationId())
                .setSupplierId(declaration.getSupplierId()).setTenantId(declaration.getSupplierId())
                .setAcceptedAt(now()).setDeclaration(declaration)
                .setOriginPreCheck(OriginPreCheck.newBuilder().setStatus(PreCheckStatus.PERFORMED)
                        .setSummary(declaration.getGoods().size() + " of " + declaration.getGoods().size()
                                + " item(s) originating").build());
    }

    /** Intake's rejection of the declaration, naming one bad field ({@code goods[0].hsCode}, {@code INVALID_HS_CODE}). */
    public static DeclarationRejected.Builder declarationRejected(DeclarationSubmitted declaration) {
        return DeclarationRejected.newBuilder().setDeclarationId(declaration.getDeclarationId())
                .setSupplierId(declaration.getSupplierId()).setTenantId(declaration.getSupplierId())
                .setReferenceNumber(declaration.getReferenceNumber()).setRejectedAt(now())
                .setProblems(List.of(FieldProblem.newBuilder().setField("goods[0].hsCode").setCode("INVALID_HS_CODE")
                        .setMessage("must be 6 digits").build()))
                .setDeclaration(declaration);
    }

    /** The destination's verdict: VERIFIED, every check VALID, with this verification code. */
    public static VerificationCompleted.Builder verificationCompleted(DeclarationSubmitted declaration, String verificationCode) {
        CheckResult valid = CheckResult.newBuilder().setStatus(CheckStatus.VALID).setReason("checked by ASW").build();
        return VerificationCompleted.newBuilder().setDeclarationId(declaration.getDeclarationId())
                .setSupplierId(declaration.getSupplierId()).setTenantId(declaration.getSupplierId())
                .setReferenceNumber(declaration.getReferenceNumber()).setOutcome(VerificationOutcome.VERIFIED)
                .setAswReference("ASW-" + declaration.getReferenceNumber()).setDocumentHash("9f86d081884c7d65")
                .setDocumentIntegrity(valid).setIssuanceStatus(valid).setIssuerIdentity(valid)
                .setVerificationCode(verificationCode).setVerifiedAt(now());
    }

    /**
     * The issuing authority's status change number {@code sequence}; an ISSUED one carries a certificate number,
     * query URL and authority verification code.
     */
    public static IssuanceStatusChanged.Builder issuanceStatusChanged(DeclarationSubmitted declaration,
            IssuanceStatus status, int sequence) {
        boolean issued = status == IssuanceStatus.ISSUED;
        String reference = declaration.getReferenceNumber();
        return IssuanceStatusChanged.newBuilder().setDeclarationId(declaration.getDeclarationId())
                .setSupplierId(declaration.getSupplierId()).setTenantId(declaration.getSupplierId())
                .setReferenceNumber(reference).setApplicationId("APP-" + reference)
                .setStatus(status).setSequence(sequence)
                .setCertificateNumber(issued ? "CCPIT-" + reference : null)
                .setQueryUrl(issued ? "https://co.ccpit.example/q/" + reference : null)
                .setIssuingAuthority(issued ? "CCPIT" : null)
                .setAuthorityVerificationCode(issued ? "AVC-" + reference : null)
                .setChangedAt(now());
    }

    /**
     * An actual (ACT) vessel departure (TRANSPORT / DEPA) from Ningbo, keyed by this transport document reference,
     * as logistics-ingestion publishes it (UN/LOCODE normalised, node named).
     */
    public static LogisticsNodeEvent.Builder logisticsNodeEvent(String eventId, String transportDocumentReference) {
        Instant at = now().minusSeconds(60);
        return LogisticsNodeEvent.newBuilder().setEventId(eventId).setSource(EventSource.DCSA)
                .setEventType(NodeEventType.TRANSPORT).setEventClassifier(EventClassifier.ACT).setEventCode("DEPA")
                .setEventDateTime(at).setEventCreatedDateTime(at.plusSeconds(2))
                .setUnLocationCode("CNNGB").setNodeName("Ningbo").setModeOfTransport("VESSEL")
                .setVesselImo("9811000").setCarrierVoyageNumber("0021E")
                .setTransportDocumentReference(transportDocumentReference).setReceivedAt(at.plusSeconds(3));
    }

    /**
     * A supplier's score {@code score} (0-100, banded as compliance-scoring does: 85 / 70 / 50) at version 1, one
     * factor of weight 100, valid for a year.
     */
    public static SupplierComplianceScore.Builder supplierComplianceScore(String supplierId, int score) {
        Instant asOf = now();
        return SupplierComplianceScore.newBuilder().setSupplierId(supplierId).setTenantId(supplierId).setScore(score)
                .setBand(score >= 85 ? ScoreBand.EXCELLENT : score >= 70 ? ScoreBand.GOOD : score >= 50 ? ScoreBand.FAIR
                        : ScoreBand.POOR)
                .setFactors(List.of(ScoreFactor.newBuilder().setCode("VERIFIED_RATE").setName("Verified declarations")
                        .setWeight(100).setValue(score).setExplanation(score + "% of declarations verified").build()))
                .setVersion(1).setAsOf(asOf).setValidUntil(asOf.plus(365, ChronoUnit.DAYS))
                .setSource("compliance-scoring");
    }

    private static Party party(String name, String address, String country) {
        return Party.newBuilder().setName(name).setAddress(address).setCountry(country).build();
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
