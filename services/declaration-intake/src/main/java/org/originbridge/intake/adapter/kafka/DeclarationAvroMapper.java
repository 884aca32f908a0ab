package org.originbridge.intake.adapter.kafka;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

import org.originbridge.events.common.Money;
import org.originbridge.events.common.Party;
import org.originbridge.events.intake.AlternativeOutcome;
import org.originbridge.events.intake.BackToBackDetails;
import org.originbridge.events.intake.BillOfMaterials;
import org.originbridge.events.intake.BomMaterial;
import org.originbridge.events.intake.Consignment;
import org.originbridge.events.intake.DeclarationAccepted;
import org.originbridge.events.intake.DeclarationRejected;
import org.originbridge.events.intake.DeclarationSubmitted;
import org.originbridge.events.intake.ExporterDeclaration;
import org.originbridge.events.intake.FieldProblem;
import org.originbridge.events.intake.GoodsItem;
import org.originbridge.events.intake.IssuingBodyCertification;
import org.originbridge.events.intake.ItemDetermination;
import org.originbridge.events.intake.MaterialOrigin;
import org.originbridge.events.intake.OriginPreCheck;
import org.originbridge.events.intake.PreCheckStatus;
import org.originbridge.events.intake.ProductionCosts;
import org.originbridge.events.intake.ProofOfOriginType;
import org.originbridge.events.intake.RvcMethod;
import org.originbridge.origin.declaration.Declaration;
import org.originbridge.intake.domain.ScreeningVerdict;
import org.originbridge.origin.ErrorCodes;
import org.originbridge.origin.FieldError;
import org.originbridge.origin.code.Ids;
import org.originbridge.origin.code.InvalidCodeException;
import org.originbridge.platform.errors.InvalidRecordException;

/**
 * Avro <-> domain for the intake topics. Reading: a {@code DeclarationSubmitted} that cannot be
 * processed at all (no declaration id or supplier id) raises {@link InvalidRecordException} (DLT).
 * Writing: decimals are set to the schema's scale without rounding.
 */
public final class DeclarationAvroMapper {

    private static final int MONEY = 2;
    private static final int WEIGHT = 3;
    private static final int PERCENT = 2;
    private static final int PERCENT_PRECISION = 9;

    private DeclarationAvroMapper() {
    }

    // ---------------------------------------------------------------- Avro -> domain

    /**
     * Maps a consumed DeclarationSubmitted (the listener has checked its type through the topic catalogue); one
     * that cannot be processed at all (no usable declaration id or supplier id) is invalid.
     */
    public static Declaration fromEvent(DeclarationSubmitted event) {
        List<FieldError> problems = new ArrayList<>();
        if (isBlank(event.getDeclarationId())) {
            problems.add(new FieldError("declarationId", ErrorCodes.REQUIRED, "is empty: the declaration cannot be identified"));
        } else {
            unsafeId(event.getDeclarationId(), "declarationId", "declaration", problems);
        }
        if (isBlank(event.getSupplierId())) {
            problems.add(new FieldError("supplierId", ErrorCodes.REQUIRED, "is empty: the exporter cannot be identified"));
        } else {
            unsafeId(event.getSupplierId(), "supplierId", "exporter", problems);
        }
        if (!problems.isEmpty()) {
            throw InvalidRecordException.of(problems);
        }
        return toDeclaration(event);
    }

    /** The record as origin-core's model, field for field (the HTTP reader's records come this way too). */
    public static Declaration toDeclaration(DeclarationSubmitted event) {
        return new Declaration(event.getDeclarationId(), event.getSupplierId(), documentType(event.getDocumentType()),
                event.getReferenceNumber(), event.getIssueDate(), party(event.getExporter()),
                party(event.getProducer()), party(event.getImporter()), event.getDestinationCountry(),
                event.getGoods().stream().map(DeclarationAvroMapper::goods).toList(),
                consignment(event.getConsignment()), statement(event.getExporterDeclaration()),
                certification(event.getCertification()), event.getApprovedExporterCode(),
                backToBack(event.getBackToBack()), event.getSubmittedAt());
    }

    /** An id outside the safe alphabet cannot key a verdict, a document or a URL: the record is dead-lettered. */
    private static void unsafeId(String id, String field, String what, List<FieldError> problems) {
        try {
            Ids.parse(id);
        } catch (InvalidCodeException e) {
            problems.add(new FieldError(field, e.code(), e.getMessage() + ": the " + what
                    + " cannot be identified safely"));
        }
    }

    private static Declaration.ProofOfOriginType documentType(ProofOfOriginType type) {
        if (type == null) {
            return Declaration.ProofOfOriginType.UNKNOWN;
        }
        return switch (type) {
            case CERTIFICATE_OF_ORIGIN -> Declaration.ProofOfOriginType.CERTIFICATE_OF_ORIGIN;
            case DECLARATION_OF_ORIGIN -> Declaration.ProofOfOriginType.DECLARATION_OF_ORIGIN;
            case UNKNOWN -> Declaration.ProofOfOriginType.UNKNOWN;
        };
    }

    private static Declaration.Party party(Party p) {
        return p == null ? null : new Declaration.Party(p.getName(), p.getAddress(), p.getCountry(), p.getIdentifier());
    }

    private static Declaration.GoodsItem goods(GoodsItem g) {
        Money fob = g.getFobValue();
        return new Declaration.GoodsItem(g.getItemNumber(), g.getDescription(), g.getHsCode(), g.getOriginCriterion(),
                g.getOriginCountry(), g.getQuantity(), g.getQuantityUnit(), g.getGrossWeightKg(),
                fob == null ? null : new Declaration.Money(fob.getAmount(), fob.getCurrency()),
                bom(g.getBillOfMaterials()));
    }

    private static Declaration.BillOfMaterials bom(BillOfMaterials b) {
        if (b == null) {
            return null;
        }
        ProductionCosts c = b.getCosts();
        return new Declaration.BillOfMaterials(
                b.getRvcMethod() == RvcMethod.BUILD_UP ? Declaration.RvcMethod.BUILD_UP : Declaration.RvcMethod.BUILD_DOWN,
                b.getProductNetWeightKg(), b.getRule(),
                c == null ? null : new Declaration.ProductionCosts(c.getDirectLabour(), c.getDirectOverhead(),
                        c.getProfit(), c.getOther()),
                b.getMinimalOperationsOnly(),
                b.getMaterials().stream().map(m -> new Declaration.BomMaterial(m.getMaterialId(), m.getDescription(),
                        m.getHsCode(), m.getValue(), m.getNetWeightKg(), materialOrigin(m.getOrigin()),
                        m.getOriginCountry(), m.getDeductibleCosts(), m.getIndirect())).toList());
    }

    private static Declaration.MaterialOrigin materialOrigin(MaterialOrigin o) {
        if (o == null) {
            return Declaration.MaterialOrigin.UNDETERMINED;
        }
        return switch (o) {
            case ORIGINATING -> Declaration.MaterialOrigin.ORIGINATING;
            case NON_ORIGINATING -> Declaration.MaterialOrigin.NON_ORIGINATING;
            case UNDETERMINED -> Declaration.MaterialOrigin.UNDETERMINED;
        };
    }

    private static Declaration.Consignment consignment(Consignment c) {
        return c == null ? null : new Declaration.Consignment(c.getInvoiceNumber(), c.getInvoiceDate(),
                c.getDepartureDate(), c.getVesselOrFlight(), c.getVoyageNumber(), c.getPortOfLoading(),
                c.getPortOfDischarge(), c.getTransportDocumentReference(), c.getBookingReference(),
                c.getEquipmentReferences());
    }

    private static Declaration.ExporterDeclaration statement(ExporterDeclaration x) {
        return x == null ? null : new Declaration.ExporterDeclaration(x.getPlace(), x.getDate(), x.getSignatoryName());
    }

    private static Declaration.IssuingBodyCertification certification(IssuingBodyCertification c) {
        return c == null ? null : new Declaration.IssuingBodyCertification(c.getIssuingBody(), c.getAuthorisedSignatory(),
                c.getOfficialSealReference(), c.getCertificationDate());
    }

    private static Declaration.BackToBackDetails backToBack(BackToBackDetails b) {
        return b == null ? null : new Declaration.BackToBackDetails(b.getOriginalProofReference(), b.getOriginalIssueDate(),
                b.getFirstExportingPartyCountry(), b.getApprovedExporterCode());
    }

    // ---------------------------------------------------------------- domain -> Avro

    public static DeclarationSubmitted toEvent(Declaration d) {
        return DeclarationSubmitted.newBuilder()
                .setDeclarationId(d.declarationId())
                .setSupplierId(d.supplierId())
                .setDocumentType(ProofOfOriginType.valueOf(d.documentType().name()))
                .setReferenceNumber(d.referenceNumber())
                .setIssueDate(d.issueDate())
                .setExporter(party(d.exporter()))
                .setProducer(party(d.producer()))
                .setImporter(party(d.importer()))
                .setDestinationCountry(d.destinationCountry())
                .setGoods(d.goods().stream().map(DeclarationAvroMapper::goods).toList())
                .setConsignment(consignment(d.consignment()))
                .setExporterDeclaration(statement(d.exporterDeclaration()))
                .setCertification(certification(d.certification()))
                .setApprovedExporterCode(d.approvedExporterCode())
                .setBackToBack(backToBack(d.backToBack()))
                .setSubmittedAt(d.submittedAt())
                .build();
    }

    public static DeclarationAccepted toAccepted(ScreeningVerdict.Accepted v) {
        return DeclarationAccepted.newBuilder()
                .setDeclarationId(v.declaration().declarationId())
                .setSupplierId(v.declaration().supplierId())
                .setAcceptedAt(v.decidedAt())
                .setDeclaration(toEvent(v.declaration()))
                .setOriginPreCheck(preCheck(v.preCheck()))
                .setTenantId(v.declaration().supplierId())
                .build();
    }

    public static DeclarationRejected toRejected(ScreeningVerdict.Rejected v) {
        return toRejected(v, true);
    }

    /**
     * @param withCopy whether the rejection carries the submitted declaration; without it the rejection is
     *                 always small (its problems are capped), for a declaration too large to be copied
     */
    public static DeclarationRejected toRejected(ScreeningVerdict.Rejected v, boolean withCopy) {
        return DeclarationRejected.newBuilder()
                .setDeclarationId(v.declaration().declarationId())
                .setSupplierId(v.declaration().supplierId())
                .setReferenceNumber(v.declaration().referenceNumber())
                .setRejectedAt(v.decidedAt())
                .setProblems(v.problems().stream().map(DeclarationAvroMapper::problem).toList())
                .setOriginPreCheck(v.preCheck() == null ? null : preCheck(v.preCheck()))
                .setDeclaration(withCopy ? toEvent(v.declaration()) : null)
                .setTenantId(v.declaration().supplierId())
                .build();
    }

    private static FieldProblem problem(FieldError e) {
        return FieldProblem.newBuilder().setField(e.field()).setCode(e.code()).setMessage(e.message()).build();
    }

    private static OriginPreCheck preCheck(org.originbridge.intake.domain.OriginPreCheck p) {
        return OriginPreCheck.newBuilder()
                .setStatus(p.performed() ? PreCheckStatus.PERFORMED : PreCheckStatus.NOT_PERFORMED)
                .setSummary(p.summary())
                .setItems(p.items().stream().map(i -> ItemDetermination.newBuilder()
                        .setItemNumber(i.itemNumber())
                        .setHsCode(i.hsCode())
                        .setOriginating(i.originating())
                        .setRuleApplied(i.ruleApplied())
                        .setRuleSource(i.ruleSource())
                        .setRvcMethod(i.rvcMethod())
                        .setRvcPercent(percent(i.rvcPercent()))
                        .setAlternatives(i.alternatives().stream().map(a -> AlternativeOutcome.newBuilder()
                                .setRule(a.rule()).setMet(a.met()).setReasons(a.reasons()).build()).toList())
                        .setReasons(i.reasons())
                        .build()).toList())
                .build();
    }

    /** The RVC for display at the schema's decimal(9,2); null if it does not fit (absurd cost data). */
    private static BigDecimal percent(BigDecimal p) {
        if (p == null) {
            return null;
        }
        BigDecimal scaled = p.setScale(PERCENT, RoundingMode.HALF_UP);
        return scaled.precision() > PERCENT_PRECISION ? null : scaled;
    }

    private static Party party(Declaration.Party p) {
        return p == null ? null : Party.newBuilder().setName(p.name()).setAddress(p.address()).setCountry(p.country())
                .setIdentifier(p.identifier()).build();
    }

    private static GoodsItem goods(Declaration.GoodsItem g) {
        return GoodsItem.newBuilder()
                .setItemNumber(g.itemNumber())
                .setDescription(g.description())
                .setHsCode(g.hsCode())
                .setOriginCriterion(g.originCriterion())
                .setOriginCountry(g.originCountry())
                .setQuantity(scaled(g.quantity(), WEIGHT))
                .setQuantityUnit(g.quantityUnit())
                .setGrossWeightKg(scaled(g.grossWeightKg(), WEIGHT))
                .setFobValue(g.fobValue() == null ? null : Money.newBuilder()
                        .setAmount(scaled(g.fobValue().amount(), MONEY)).setCurrency(g.fobValue().currency()).build())
                .setBillOfMaterials(bom(g.billOfMaterials()))
                .build();
    }

    private static BillOfMaterials bom(Declaration.BillOfMaterials b) {
        if (b == null) {
            return null;
        }
        Declaration.ProductionCosts c = b.costs();
        return BillOfMaterials.newBuilder()
                .setRvcMethod(RvcMethod.valueOf(b.rvcMethod().name()))
                .setProductNetWeightKg(scaled(b.productNetWeightKg(), WEIGHT))
                .setRule(b.rule())
                .setCosts(c == null ? null : ProductionCosts.newBuilder()
                        .setDirectLabour(scaled(c.directLabour(), MONEY))
                        .setDirectOverhead(scaled(c.directOverhead(), MONEY))
                        .setProfit(scaled(c.profit(), MONEY))
                        .setOther(scaled(c.other(), MONEY)).build())
                .setMinimalOperationsOnly(b.minimalOperationsOnly())
                .setMaterials(b.materials().stream().map(m -> BomMaterial.newBuilder()
                        .setMaterialId(m.materialId())
                        .setDescription(m.description())
                        .setHsCode(m.hsCode())
                        .setValue(scaled(m.value(), MONEY))
                        .setNetWeightKg(scaled(m.netWeightKg(), WEIGHT))
                        .setOrigin(MaterialOrigin.valueOf(m.origin().name()))
                        .setOriginCountry(m.originCountry())
                        .setDeductibleCosts(scaled(m.deductibleCosts(), MONEY))
                        .setIndirect(m.indirect())
                        .build()).toList())
                .build();
    }

    private static Consignment consignment(Declaration.Consignment c) {
        return c == null ? null : Consignment.newBuilder()
                .setInvoiceNumber(c.invoiceNumber())
                .setInvoiceDate(c.invoiceDate())
                .setDepartureDate(c.departureDate())
                .setVesselOrFlight(c.vesselOrFlight())
                .setVoyageNumber(c.voyageNumber())
                .setPortOfLoading(c.portOfLoading())
                .setPortOfDischarge(c.portOfDischarge())
                .setTransportDocumentReference(c.transportDocumentReference())
                .setBookingReference(c.bookingReference())
                .setEquipmentReferences(c.equipmentReferences())
                .build();
    }

    private static ExporterDeclaration statement(Declaration.ExporterDeclaration x) {
        return x == null ? null : ExporterDeclaration.newBuilder()
                .setPlace(x.place()).setDate(x.date()).setSignatoryName(x.signatoryName()).build();
    }

    private static IssuingBodyCertification certification(Declaration.IssuingBodyCertification c) {
        return c == null ? null : IssuingBodyCertification.newBuilder()
                .setIssuingBody(c.issuingBody()).setAuthorisedSignatory(c.authorisedSignatory())
                .setOfficialSealReference(c.officialSealReference()).setCertificationDate(c.certificationDate())
                .build();
    }

    private static BackToBackDetails backToBack(Declaration.BackToBackDetails b) {
        return b == null ? null : BackToBackDetails.newBuilder()
                .setOriginalProofReference(b.originalProofReference()).setOriginalIssueDate(b.originalIssueDate())
                .setFirstExportingPartyCountry(b.firstExportingPartyCountry())
                .setApprovedExporterCode(b.approvedExporterCode()).build();
    }

    /** Exactly the schema's scale: trailing zeros are added, never digits rounded away (the readers reject those). */
    private static BigDecimal scaled(BigDecimal value, int scale) {
        return value == null ? null : value.setScale(scale, RoundingMode.UNNECESSARY);
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
