package org.originbridge.status;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.originbridge.events.asw.VerificationCompleted;
import org.originbridge.events.ccpit.IssuanceStatus;
import org.originbridge.events.ccpit.IssuanceStatusChanged;
import org.originbridge.events.common.Party;
import org.originbridge.events.intake.Consignment;
import org.originbridge.events.intake.DeclarationAccepted;
import org.originbridge.events.intake.DeclarationRejected;
import org.originbridge.events.intake.DeclarationSubmitted;
import org.originbridge.events.intake.FieldProblem;
import org.originbridge.events.intake.OriginPreCheck;
import org.originbridge.events.intake.PreCheckStatus;
import org.originbridge.events.logistics.LogisticsNodeEvent;
import org.originbridge.events.scoring.ScoreBand;
import org.originbridge.events.scoring.SupplierComplianceScore;
import org.originbridge.testsupport.AvroBuilders;

/**
 * status-query's test events: test-support's {@link AvroBuilders} records at this module's fixed times ({@link #T0})
 * and with the values its ITs assert (Yangshan as port of loading, 2026 dates, the rejection's code).
 */
public final class AvroEvents {

    public static final Instant T0 = Instant.parse("2026-11-20T08:00:00Z");

    private AvroEvents() {
    }

    public static DeclarationSubmitted submitted(String id, String supplierId, String reference) {
        return AvroBuilders.declarationSubmitted(id).setSupplierId(supplierId)
                .setReferenceNumber(reference).setIssueDate(LocalDate.parse("2026-11-19"))
                .setProducer(null)
                .setImporter(Party.newBuilder().setName("Saigon Lighting JSC").setAddress("District 7, HCMC")
                        .setCountry("VN").build())
                .setGoods(List.of(AvroBuilders.goodsItem(1).setGrossWeightKg(null).build()))
                .setConsignment(Consignment.newBuilder().setInvoiceNumber("INV-" + reference)
                        .setDepartureDate(LocalDate.parse("2026-11-21")).setVesselOrFlight("EVER GIVEN")
                        .setPortOfLoading("CNYSA").setPortOfDischarge("VNCMT")
                        .setTransportDocumentReference("TD-" + reference).setBookingReference("BK-" + reference)
                        .setEquipmentReferences(List.of("EQ-" + reference)).build())
                .setExporterDeclaration(null).setCertification(null)
                .setSubmittedAt(T0)
                .build();
    }

    public static DeclarationAccepted accepted(DeclarationSubmitted d) {
        return AvroBuilders.declarationAccepted(d).setAcceptedAt(T0.plusSeconds(1))
                .setOriginPreCheck(OriginPreCheck.newBuilder().setStatus(PreCheckStatus.PERFORMED)
                        .setSummary("1 of 1 items originating").build())
                .build();
    }

    public static DeclarationRejected rejected(String id, String supplierId, String reference) {
        DeclarationSubmitted d = AvroBuilders.declarationSubmitted(id).setSupplierId(supplierId).setReferenceNumber(reference)
                .build();
        return AvroBuilders.declarationRejected(d).setRejectedAt(T0.plusSeconds(1))
                .setProblems(List.of(FieldProblem.newBuilder().setField("goods[0].hsCode").setCode("HS_CODE_FORMAT")
                        .setMessage("must be 6 digits").build()))
                .setDeclaration(null)
                .build();
    }

    public static VerificationCompleted verified(DeclarationSubmitted d, String code) {
        return AvroBuilders.verificationCompleted(d, code).setVerifiedAt(T0.plusSeconds(5)).build();
    }

    public static IssuanceStatusChanged issuance(DeclarationSubmitted d, int sequence, IssuanceStatus status, String qrToken) {
        boolean issued = status == IssuanceStatus.ISSUED;
        return AvroBuilders.issuanceStatusChanged(d, status, sequence)
                .setIssuingAuthority(null).setAuthorityVerificationCode(null)
                .setQrToken(issued ? qrToken : null)
                .setChangedAt(T0.plusSeconds(10L * sequence)).build();
    }

    public static LogisticsNodeEvent logistics(String eventId, String code, Instant at, String tdr, String retracts) {
        return AvroBuilders.logisticsNodeEvent(eventId, tdr).setEventCode(code)
                .setEventDateTime(at).setEventCreatedDateTime(at.plusSeconds(2)).setUnLocationCode("CNYSA")
                .setNodeName("Shanghai Yangshan").setVesselImo(null).setCarrierVoyageNumber(null)
                .setRetractedEventId(retracts).setReceivedAt(at.plusSeconds(3)).build();
    }

    public static SupplierComplianceScore score(String supplierId, int value, long version) {
        return AvroBuilders.supplierComplianceScore(supplierId, value)
                .setBand(value >= 80 ? ScoreBand.EXCELLENT : ScoreBand.FAIR)
                .setVersion(version).setAsOf(T0).setValidUntil(T0.plusSeconds(86_400L * 3650)).build();
    }
}
