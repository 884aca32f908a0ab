package org.originbridge.intake.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.originbridge.origin.FieldError;
import org.originbridge.origin.declaration.BackToBack;
import org.originbridge.origin.declaration.CoDeclaration;
import org.originbridge.origin.declaration.Consignment;
import org.originbridge.origin.declaration.ExporterDeclaration;
import org.originbridge.origin.declaration.GoodsItem;
import org.originbridge.origin.declaration.IssuingBodyCertification;
import org.originbridge.origin.declaration.ProofType;
import org.originbridge.origin.declaration.Trader;

/**
 * Translates a submitted {@link Declaration} into origin-core's {@link CoDeclaration}, and the core's
 * field paths back into the submitted shape, so that every problem names a field the submitter sent.
 */
final class CoreTranslation {

    /** Core path (exact, or prefix of {@code goods[i].x}) -> submitted path. */
    private static final Map<String, String> TOP_LEVEL = Map.of(
            "proofType", "documentType",
            "exportingParty", "exporter.country",
            "importingParty", "destinationCountry",
            "exporterDeclaration.declarantName", "exporterDeclaration.signatoryName",
            "certification.officialSeal", "certification.officialSealReference",
            "certification.certifiedOn", "certification.certificationDate",
            "backToBack.originalReference", "backToBack.originalProofReference",
            "backToBack.firstExportingPartyOrigin", "backToBack.firstExportingPartyCountry",
            "backToBack.originalApprovedExporterCode", "backToBack.approvedExporterCode");
    private static final Map<String, String> GOODS_FIELD = Map.of(
            "countryOfOrigin", "originCountry",
            "fobCurrency", "fobValue.currency");
    private static final Pattern GOODS = Pattern.compile("(goods\\[\\d+])\\.(.+)");

    private CoreTranslation() {
    }

    static CoDeclaration toCore(Declaration d) {
        List<GoodsItem> goods = new ArrayList<>();
        for (Declaration.GoodsItem g : d.goods()) {
            goods.add(new GoodsItem(g.itemNumber(), g.description(), g.hsCode(), g.originCriterion(), g.originCountry(),
                    g.quantity(), g.quantityUnit(), g.fobValue() == null ? null : g.fobValue().amount(),
                    g.fobValue() == null ? null : g.fobValue().currency(), g.grossWeightKg()));
        }
        Declaration.Consignment c = d.consignment();
        Declaration.ExporterStatement x = d.exporterDeclaration();
        Declaration.Certification cert = d.certification();
        Declaration.BackToBack b = d.backToBack();
        return new CoDeclaration(
                proofType(d.documentType()),
                d.referenceNumber(),
                d.issueDate(),
                trader(d.exporter()),
                trader(d.producer()),
                trader(d.importer()),
                d.exporter() == null ? null : d.exporter().country(),
                d.destinationCountry(),
                c == null ? null : new Consignment(c.invoiceNumber(), c.invoiceDate(), c.departureDate(),
                        c.vesselOrFlight(), c.portOfLoading(), c.portOfDischarge()),
                goods,
                x == null ? null : new ExporterDeclaration(x.signatoryName(), x.place(), x.date()),
                cert == null ? null : new IssuingBodyCertification(cert.issuingBody(), cert.authorisedSignatory(),
                        cert.officialSealReference() != null && !cert.officialSealReference().isBlank(),
                        cert.certificationDate()),
                d.approvedExporterCode(),
                b == null ? null : new BackToBack(b.originalProofReference(), b.originalIssueDate(),
                        b.firstExportingPartyCountry(), b.approvedExporterCode()));
    }

    /** The same error, naming the field as the submitter wrote it. */
    static FieldError toSubmittedPath(FieldError e) {
        return new FieldError(submittedPath(e.field()), e.code(), e.message());
    }

    static String submittedPath(String corePath) {
        String mapped = TOP_LEVEL.get(corePath);
        if (mapped != null) {
            return mapped;
        }
        Matcher m = GOODS.matcher(corePath);
        if (m.matches()) {
            return m.group(1) + "." + GOODS_FIELD.getOrDefault(m.group(2), m.group(2));
        }
        return corePath;
    }

    private static ProofType proofType(Declaration.DocumentType type) {
        return switch (type) {
            case CERTIFICATE_OF_ORIGIN -> ProofType.CERTIFICATE_OF_ORIGIN;
            case DECLARATION_OF_ORIGIN -> ProofType.DECLARATION_OF_ORIGIN;
            case UNKNOWN -> null;
        };
    }

    private static Trader trader(Declaration.Party p) {
        return p == null ? null : new Trader(p.name(), p.address());
    }
}
