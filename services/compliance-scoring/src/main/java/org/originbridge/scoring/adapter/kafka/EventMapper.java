package org.originbridge.scoring.adapter.kafka;

import java.util.ArrayList;
import java.util.List;

import org.originbridge.origin.ErrorCodes;
import org.originbridge.origin.FieldError;
import org.originbridge.events.asw.VerificationCompleted;
import org.originbridge.events.ccpit.IssuanceStatusChanged;
import org.originbridge.events.intake.DeclarationAccepted;
import org.originbridge.events.intake.DeclarationRejected;
import org.originbridge.events.logistics.EventClassifier;
import org.originbridge.events.logistics.LogisticsNodeEvent;
import org.originbridge.events.scoring.ScoreBand;
import org.originbridge.events.scoring.ScoreFactor;
import org.originbridge.events.scoring.SupplierComplianceScore;
import org.originbridge.platform.errors.InvalidRecordException;
import org.originbridge.events.consistency.DeclarationConsistencyChecked;
import org.originbridge.events.consistency.FindingSeverity;
import org.originbridge.events.consistency.FindingSource;
import org.originbridge.scoring.domain.ConsistencyOutcome;
import org.originbridge.scoring.domain.AswOutcome;
import org.originbridge.scoring.domain.Consignment;
import org.originbridge.scoring.domain.IntakeOutcome;
import org.originbridge.scoring.domain.IssuanceOutcome;
import org.originbridge.scoring.domain.LogisticsObservation;
import org.originbridge.scoring.domain.NodeEvent;
import org.originbridge.scoring.domain.SupplierScore;

/** Avro events <-> domain. Missing identifiers are bad data: {@link InvalidRecordException} naming the field. */
public final class EventMapper {

    private EventMapper() {
    }

    public static Consignment consignment(DeclarationAccepted event) {
        require(List.of(field("declarationId", event.getDeclarationId()), field("supplierId", event.getSupplierId())));
        var c = event.getDeclaration() == null ? null : event.getDeclaration().getConsignment();
        return new Consignment(event.getDeclarationId(), event.getSupplierId(),
                c == null ? null : c.getTransportDocumentReference(), c == null ? null : c.getBookingReference(),
                c == null ? List.of() : c.getEquipmentReferences(), c == null ? null : c.getPortOfLoading(),
                c == null ? null : c.getPortOfDischarge(), event.getAcceptedAt());
    }

    public static IntakeOutcome rejected(DeclarationRejected event) {
        require(List.of(field("declarationId", event.getDeclarationId()), field("supplierId", event.getSupplierId())));
        return new IntakeOutcome(event.getDeclarationId(), false, event.getRejectedAt());
    }

    public static AswOutcome verification(VerificationCompleted event) {
        require(List.of(field("declarationId", event.getDeclarationId()), field("supplierId", event.getSupplierId())));
        return new AswOutcome(event.getDeclarationId(), AswOutcome.Result.valueOf(event.getOutcome().name()),
                event.getVerifiedAt());
    }

    public static IssuanceOutcome issuance(IssuanceStatusChanged event) {
        require(List.of(field("declarationId", event.getDeclarationId()), field("supplierId", event.getSupplierId())));
        if (event.getSequence() < 1) {
            throw new InvalidRecordException("sequence", "must be >= 1, was " + event.getSequence());
        }
        return new IssuanceOutcome(event.getDeclarationId(), IssuanceOutcome.Status.valueOf(event.getStatus().name()),
                event.getSequence(), event.getChangedAt());
    }

    public static LogisticsObservation observation(LogisticsNodeEvent event) {
        require(List.of(field("eventId", event.getEventId()), field("eventCode", event.getEventCode())));
        NodeEvent node = new NodeEvent(event.getEventId(), event.getEventCode(),
                event.getEventClassifier() == EventClassifier.ACT, event.getUnLocationCode(), event.getEventDateTime(),
                event.getRetractedEventId());
        return new LogisticsObservation(node, event.getTransportDocumentReference(), event.getBookingReference(),
                event.getEquipmentReference());
    }

    /** Longest field path kept in a discrepancy's name, and most kinds kept per report (hostile input stays bounded). */
    static final int MAX_FIELD = 120;
    static final int MAX_KINDS = 50;

    /**
     * A consistency report: its status and each discrepancy as {@code field (e-CO)} or {@code field (voyage)};
     * points needing evidence are not discrepancies.
     */
    public static ConsistencyOutcome consistency(DeclarationConsistencyChecked event) {
        require(List.of(field("declarationId", event.getDeclarationId()), field("supplierId", event.getSupplierId())));
        if (event.getCheckedAt() == null) {
            throw new InvalidRecordException("checkedAt", ErrorCodes.REQUIRED, "is required");
        }
        ConsistencyOutcome.Status status = event.getStatus() == null ? ConsistencyOutcome.Status.UNKNOWN
                : switch (event.getStatus()) {
                    case NOT_COMPARED -> ConsistencyOutcome.Status.NOT_COMPARED;
                    case CONSISTENT -> ConsistencyOutcome.Status.CONSISTENT;
                    case EVIDENCE_NEEDED -> ConsistencyOutcome.Status.EVIDENCE_NEEDED;
                    case DISCREPANCIES -> ConsistencyOutcome.Status.DISCREPANCIES;
                    default -> ConsistencyOutcome.Status.UNKNOWN;
                };
        List<String> kinds = event.getFindings().stream()
                .filter(f -> f.getSeverity() == FindingSeverity.DISCREPANCY)
                .map(f -> truncate(f.getField()) + " (" + (f.getSource() == FindingSource.E_CO ? "e-CO"
                        : f.getSource() == FindingSource.VOYAGE ? "voyage" : "other source") + ")")
                .distinct().limit(MAX_KINDS).toList();
        return new ConsistencyOutcome(event.getDeclarationId(), status, kinds, event.getReportHash(), event.getCheckedAt());
    }

    private static String truncate(String field) {
        String f = field == null || field.isBlank() ? "?" : field.strip();
        return f.length() <= MAX_FIELD ? f : f.substring(0, MAX_FIELD) + "...";
    }

    public static SupplierComplianceScore toAvro(SupplierScore score) {
        return SupplierComplianceScore.newBuilder()
                .setSupplierId(score.supplierId())
                .setTenantId(score.supplierId())
                .setScore(score.score())
                .setBand(ScoreBand.valueOf(score.band().name()))
                .setPreviousScore(score.previousScore())
                .setFactors(score.factors().stream().map(f -> ScoreFactor.newBuilder().setCode(f.code())
                        .setName(f.name()).setWeight(f.weight()).setValue(f.value())
                        .setExplanation(f.explanation()).build()).toList())
                .setVersion(score.version())
                .setAsOf(score.asOf())
                .setValidUntil(score.validUntil())
                .setSource(score.source())
                .build();
    }

    /** A published score back to the domain (the rebuild continues from it). */
    public static SupplierScore fromAvro(SupplierComplianceScore s) {
        return new SupplierScore(s.getSupplierId(), s.getScore(),
                org.originbridge.scoring.domain.ScoreBand.valueOf(s.getBand().name()), s.getPreviousScore(),
                s.getFactors().stream().map(f -> new org.originbridge.scoring.domain.ScoreFactor(f.getCode(), f.getName(),
                        f.getWeight(), f.getValue(), f.getExplanation())).toList(),
                s.getVersion(), s.getAsOf(), s.getValidUntil(), s.getSource());
    }

    private record Field(String name, String value) {
    }

    private static Field field(String name, String value) {
        return new Field(name, value);
    }

    private static void require(List<Field> fields) {
        List<FieldError> problems = new ArrayList<>();
        for (Field f : fields) {
            if (f.value() == null || f.value().isBlank()) {
                problems.add(new FieldError(f.name(), ErrorCodes.REQUIRED, "is required"));
            }
        }
        if (!problems.isEmpty()) {
            throw InvalidRecordException.of(problems);
        }
    }
}
