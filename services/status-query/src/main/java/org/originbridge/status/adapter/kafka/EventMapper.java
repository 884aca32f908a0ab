package org.originbridge.status.adapter.kafka;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.originbridge.origin.ErrorCodes;
import org.originbridge.origin.FieldError;
import org.originbridge.events.asw.CheckResult;
import org.originbridge.events.asw.VerificationCompleted;
import org.originbridge.events.ccpit.IssuanceStatusChanged;
import org.originbridge.events.ccpit.IssuedCertificateContent;
import org.originbridge.events.common.Money;
import org.originbridge.events.common.Party;
import org.originbridge.events.intake.Consignment;
import org.originbridge.events.intake.DeclarationSubmitted;
import org.originbridge.events.intake.FieldProblem;
import org.originbridge.events.intake.GoodsItem;
import org.originbridge.events.intake.ItemDetermination;
import org.originbridge.events.intake.OriginPreCheck;
import org.originbridge.events.logistics.LogisticsNodeEvent;
import org.originbridge.events.scoring.ScoreFactor;
import org.originbridge.events.scoring.SupplierComplianceScore;
import org.originbridge.events.signing.SigningKeyPublished;
import org.originbridge.origin.consistency.ShipmentFacts;
import org.originbridge.platform.errors.InvalidRecordException;
import org.originbridge.status.domain.DeclarationData;
import org.originbridge.status.domain.IntakeRecord;
import org.originbridge.status.domain.IssuanceRecord;
import org.originbridge.status.domain.LogisticsEvent;
import org.originbridge.status.domain.SigningKeyRecord;
import org.originbridge.status.domain.SupplierScore;
import org.originbridge.status.domain.VerificationRecord;

/** Avro events to the read side's domain records; bad data raises {@link InvalidRecordException} naming the field. */
public final class EventMapper {

    private EventMapper() {
    }

    public static DeclarationData declaration(DeclarationSubmitted d) {
        if (d == null) {
            return null;
        }
        return new DeclarationData(
                d.getDocumentType() == null ? null : d.getDocumentType().name(),
                d.getReferenceNumber(), d.getIssueDate(),
                party(d.getExporter()), party(d.getProducer()), party(d.getImporter()),
                d.getDestinationCountry(),
                d.getGoods() == null ? List.of() : d.getGoods().stream().map(EventMapper::goods).toList(),
                consignment(d.getConsignment()),
                d.getApprovedExporterCode(),
                d.getCertification() == null ? null : d.getCertification().getIssuingBody());
    }

    private static DeclarationData.Party party(Party p) {
        return p == null ? null : new DeclarationData.Party(p.getName(), p.getAddress(), p.getCountry(), p.getIdentifier());
    }

    private static DeclarationData.Goods goods(GoodsItem g) {
        Money fob = g.getFobValue();
        return new DeclarationData.Goods(g.getItemNumber(), g.getDescription(), g.getHsCode(), g.getOriginCriterion(),
                g.getOriginCountry(), text(g.getQuantity()), g.getQuantityUnit(), text(g.getGrossWeightKg()),
                fob == null ? null : text(fob.getAmount()), fob == null ? null : fob.getCurrency());
    }

    private static DeclarationData.Consignment consignment(Consignment c) {
        return c == null ? null
                : new DeclarationData.Consignment(c.getInvoiceNumber(), c.getInvoiceDate(), c.getDepartureDate(),
                        c.getVesselOrFlight(), c.getVoyageNumber(), c.getPortOfLoading(), c.getPortOfDischarge(),
                        c.getTransportDocumentReference(), c.getBookingReference(), c.getEquipmentReferences());
    }

    public static IntakeRecord.PreCheck preCheck(OriginPreCheck p) {
        if (p == null) {
            return null;
        }
        return new IntakeRecord.PreCheck(p.getStatus() == null ? null : p.getStatus().name(), p.getSummary(),
                p.getItems() == null ? List.of() : p.getItems().stream().map(EventMapper::item).toList());
    }

    private static IntakeRecord.ItemResult item(ItemDetermination i) {
        return new IntakeRecord.ItemResult(i.getItemNumber(), i.getHsCode(), i.getOriginating(), i.getRuleApplied(),
                text(i.getRvcPercent()), i.getReasons());
    }

    public static List<IntakeRecord.Problem> problems(List<FieldProblem> problems) {
        return problems == null ? List.of()
                : problems.stream().map(p -> new IntakeRecord.Problem(p.getField(), p.getCode(), p.getMessage())).toList();
    }

    public static VerificationRecord verification(VerificationCompleted v) {
        return new VerificationRecord(v.getOutcome() == null ? null : v.getOutcome().name(), v.getAswReference(),
                v.getDocumentHash(), check(v.getDocumentIntegrity()), check(v.getIssuanceStatus()),
                check(v.getIssuerIdentity()), v.getVerificationCode(), v.getReason(), v.getVerifiedAt(), v.getVersion(),
                v.getShortCode(), v.getChannel());
    }

    private static VerificationRecord.Check check(CheckResult c) {
        return c == null ? null
                : new VerificationRecord.Check(c.getStatus() == null ? null : c.getStatus().name(), c.getReason());
    }

    public static IssuanceRecord issuance(IssuanceStatusChanged i) {
        if (i.getSequence() < 1) {
            throw new InvalidRecordException("sequence", "must be >= 1, was " + i.getSequence());
        }
        return new IssuanceRecord(i.getStatus() == null ? null : i.getStatus().name(),
                i.getPreviousStatus() == null ? null : i.getPreviousStatus().name(), i.getSequence(),
                i.getApplicationId(), i.getCertificateNumber(), i.getSerialNumber(), i.getQueryUrl(), i.getQrToken(),
                i.getReason(), i.getChangedAt(), i.getIssuingAuthority(), i.getAuthorityVerificationCode(),
                i.getDocumentSha256(), issuedContent(i.getIssuedContent()));
    }

    /** What the issued certificate states, as the consistency rules compare it (a malformed date is not compared). */
    static ShipmentFacts issuedContent(IssuedCertificateContent c) {
        if (c == null) {
            return null;
        }
        return new ShipmentFacts(trader(c.getExporter()), trader(c.getImporter()), c.getImportingCountry(),
                c.getGoods() == null ? List.of() : c.getGoods().stream().map(g -> new ShipmentFacts.Item(g.getItemNumber(),
                        g.getDescription(), g.getHsCode(), g.getOriginCriterion(), g.getQuantity(), g.getQuantityUnit(),
                        g.getFobAmount(), g.getFobCurrency())).toList(),
                c.getInvoiceNumber(), isoDate(c.getInvoiceDate()), isoDate(c.getDepartureDate()), c.getVesselOrFlight(),
                c.getVoyageNumber(), c.getPortOfLoading(), c.getPortOfDischarge());
    }

    private static ShipmentFacts.Trader trader(Party p) {
        return p == null ? null : new ShipmentFacts.Trader(p.getName(), p.getCountry());
    }

    private static java.time.LocalDate isoDate(String text) {
        try {
            return text == null ? null : java.time.LocalDate.parse(text.strip());
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    public static LogisticsEvent logistics(LogisticsNodeEvent e) {
        require(e.getEventId(), "eventId");
        if (e.getTransportDocumentReference() == null && e.getBookingReference() == null
                && e.getEquipmentReference() == null) {
            throw new InvalidRecordException("transportDocumentReference",
                    "an event needs a transport document, booking or equipment reference to be joined");
        }
        return new LogisticsEvent(e.getEventId(), name(e.getSource()), name(e.getEventType()),
                name(e.getEventClassifier()), e.getEventCode(), e.getEventDateTime(), e.getEventCreatedDateTime(),
                e.getUnLocationCode(), e.getNodeName(), e.getModeOfTransport(), e.getVesselImo(),
                e.getCarrierVoyageNumber(), e.getEquipmentReference(), e.getTransportDocumentReference(),
                e.getBookingReference(), e.getRetractedEventId(), e.getTenantId());
    }

    public static SupplierScore score(SupplierComplianceScore s) {
        List<FieldError> problems = new ArrayList<>();
        if (s.getScore() < 0 || s.getScore() > 100) {
            problems.add(new FieldError("score", ErrorCodes.INVALID_VALUE, "must be 0-100, was " + s.getScore()));
        }
        if (s.getVersion() < 0) {
            problems.add(new FieldError("version", ErrorCodes.INVALID_VALUE, "must be >= 0, was " + s.getVersion()));
        }
        if (!problems.isEmpty()) {
            throw InvalidRecordException.of(problems);
        }
        return new SupplierScore(s.getSupplierId(), s.getScore(), name(s.getBand()), s.getPreviousScore(),
                s.getFactors() == null ? List.of() : s.getFactors().stream().map(EventMapper::factor).toList(),
                s.getVersion(), s.getAsOf(), s.getValidUntil(), s.getSource());
    }

    private static SupplierScore.Factor factor(ScoreFactor f) {
        return new SupplierScore.Factor(f.getCode(), f.getName(), f.getWeight(), f.getValue(), f.getExplanation());
    }

    /** The ids every keyed event must carry. */
    public static void requireIds(String declarationId, String supplierId) {
        requireIds(declarationId, supplierId, "");
    }

    /**
     * Also the tenant: a fact's tenantId ("" before tenancy) must be its supplierId, the
     * declaration's exporter tenant; anything else is refused (dead-lettered with the reason).
     */
    public static void requireIds(String declarationId, String supplierId, String tenantId) {
        List<FieldError> problems = new ArrayList<>();
        if (tenantId != null && !tenantId.isEmpty() && !tenantId.equals(supplierId)) {
            problems.add(new FieldError("tenantId", ErrorCodes.OWNED_BY_ANOTHER_TENANT, "differs from supplierId"));
        }
        if (declarationId == null || declarationId.isBlank()) {
            problems.add(new FieldError("declarationId", ErrorCodes.REQUIRED, "missing"));
        }
        if (supplierId == null || supplierId.isBlank()) {
            problems.add(new FieldError("supplierId", ErrorCodes.REQUIRED, "missing"));
        }
        if (!problems.isEmpty()) {
            throw InvalidRecordException.of(problems);
        }
    }

    private static void require(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new InvalidRecordException(field, "missing");
        }
    }

    private static String name(Enum<?> e) {
        return e == null ? null : e.name();
    }

    private static String text(BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }

    public static SigningKeyRecord signingKey(SigningKeyPublished k) {
        if (k.getKid() == null || k.getKid().isBlank() || k.getService() == null || k.getJwk() == null) {
            throw new InvalidRecordException("kid", "kid, service and jwk are required");
        }
        return new SigningKeyRecord(k.getKid(), k.getService(), k.getAlgorithm(), k.getJwk(), k.getNotBefore(), k.getNotAfter(),
                k.getCurrent(), k.getPublishedAt());
    }
}
