package org.originbridge.status;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
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
import org.originbridge.events.intake.FieldProblem;
import org.originbridge.events.intake.GoodsItem;
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

/** Avro test data builders: one valid event of each public topic. */
public final class AvroEvents {

    public static final Instant T0 = Instant.parse("2026-11-20T08:00:00Z");

    private AvroEvents() {
    }

    public static DeclarationSubmitted submitted(String id, String supplierId, String reference) {
        return DeclarationSubmitted.newBuilder()
                .setDeclarationId(id).setSupplierId(supplierId)
                .setDocumentType(ProofOfOriginType.CERTIFICATE_OF_ORIGIN)
                .setReferenceNumber(reference).setIssueDate(LocalDate.parse("2026-11-19"))
                .setExporter(Party.newBuilder().setName("Ningbo Bright Lamps Co., Ltd.").setAddress("18 Harbour Rd, Ningbo")
                        .setCountry("CN").build())
                .setImporter(Party.newBuilder().setName("Saigon Lighting JSC").setAddress("District 7, HCMC")
                        .setCountry("VN").build())
                .setDestinationCountry("VN")
                .setGoods(List.of(GoodsItem.newBuilder().setItemNumber(1).setDescription("LED lamps").setHsCode("940540")
                        .setOriginCriterion("CTH").setOriginCountry("CN")
                        .setQuantity(new BigDecimal("1200.000")).setQuantityUnit("PCE")
                        .setFobValue(Money.newBuilder().setAmount(new BigDecimal("18500.00")).setCurrency("USD").build())
                        .build()))
                .setConsignment(Consignment.newBuilder().setInvoiceNumber("INV-" + reference)
                        .setDepartureDate(LocalDate.parse("2026-11-21")).setVesselOrFlight("EVER GIVEN")
                        .setPortOfLoading("CNYSA").setPortOfDischarge("VNCMT")
                        .setTransportDocumentReference("TD-" + reference).setBookingReference("BK-" + reference)
                        .setEquipmentReferences(List.of("EQ-" + reference)).build())
                .setSubmittedAt(T0)
                .build();
    }

    public static DeclarationAccepted accepted(DeclarationSubmitted d) {
        return DeclarationAccepted.newBuilder().setDeclarationId(d.getDeclarationId()).setSupplierId(d.getSupplierId())
                .setAcceptedAt(T0.plusSeconds(1)).setDeclaration(d)
                .setOriginPreCheck(OriginPreCheck.newBuilder().setStatus(PreCheckStatus.PERFORMED)
                        .setSummary("1 of 1 items originating").build())
                .build();
    }

    public static DeclarationRejected rejected(String id, String supplierId, String reference) {
        return DeclarationRejected.newBuilder().setDeclarationId(id).setSupplierId(supplierId).setReferenceNumber(reference)
                .setRejectedAt(T0.plusSeconds(1))
                .setProblems(List.of(FieldProblem.newBuilder().setField("goods[0].hsCode").setCode("HS_CODE_FORMAT")
                        .setMessage("must be 6 digits").build()))
                .build();
    }

    public static VerificationCompleted verified(DeclarationSubmitted d, String code) {
        CheckResult valid = CheckResult.newBuilder().setStatus(CheckStatus.VALID).setReason("checked by ASW").build();
        return VerificationCompleted.newBuilder().setDeclarationId(d.getDeclarationId()).setSupplierId(d.getSupplierId())
                .setReferenceNumber(d.getReferenceNumber()).setOutcome(VerificationOutcome.VERIFIED)
                .setAswReference("ASW-" + d.getReferenceNumber()).setDocumentHash("9f86d081884c7d65")
                .setDocumentIntegrity(valid).setIssuanceStatus(valid).setIssuerIdentity(valid)
                .setVerificationCode(code).setVerifiedAt(T0.plusSeconds(5)).build();
    }

    public static IssuanceStatusChanged issuance(DeclarationSubmitted d, int sequence, IssuanceStatus status, String qrToken) {
        boolean issued = status == IssuanceStatus.ISSUED;
        return IssuanceStatusChanged.newBuilder().setDeclarationId(d.getDeclarationId()).setSupplierId(d.getSupplierId())
                .setReferenceNumber(d.getReferenceNumber()).setApplicationId("APP-" + d.getReferenceNumber())
                .setStatus(status).setSequence(sequence)
                .setCertificateNumber(issued ? "CCPIT-" + d.getReferenceNumber() : null)
                .setQueryUrl(issued ? "https://co.ccpit.example/q/" + d.getReferenceNumber() : null)
                .setQrToken(issued ? qrToken : null)
                .setChangedAt(T0.plusSeconds(10L * sequence)).build();
    }

    public static LogisticsNodeEvent logistics(String eventId, String code, Instant at, String tdr, String retracts) {
        return LogisticsNodeEvent.newBuilder().setEventId(eventId).setSource(EventSource.DCSA)
                .setEventType(NodeEventType.TRANSPORT).setEventClassifier(EventClassifier.ACT).setEventCode(code)
                .setEventDateTime(at).setEventCreatedDateTime(at.plusSeconds(2)).setUnLocationCode("CNYSA")
                .setNodeName("Shanghai Yangshan").setModeOfTransport("VESSEL").setTransportDocumentReference(tdr)
                .setRetractedEventId(retracts).setReceivedAt(at.plusSeconds(3)).build();
    }

    public static SupplierComplianceScore score(String supplierId, int value, long version) {
        return SupplierComplianceScore.newBuilder().setSupplierId(supplierId).setScore(value)
                .setBand(value >= 80 ? ScoreBand.EXCELLENT : ScoreBand.FAIR)
                .setFactors(List.of(ScoreFactor.newBuilder().setCode("VERIFIED_RATE").setName("Verified declarations")
                        .setWeight(100).setValue(value).setExplanation(value + "% of declarations verified").build()))
                .setVersion(version).setAsOf(T0).setValidUntil(T0.plusSeconds(86_400L * 3650))
                .setSource("compliance-scoring").build();
    }
}
