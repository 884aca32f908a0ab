package org.originbridge.ccpit.adapter.kafka;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.originbridge.origin.ErrorCodes;
import org.originbridge.origin.FieldError;
import org.originbridge.ccpit.domain.CoApplication;
import org.originbridge.ccpit.domain.EcoRequest;
import org.originbridge.events.common.Party;
import org.originbridge.events.intake.BackToBackDetails;
import org.originbridge.events.intake.Consignment;
import org.originbridge.events.intake.ExporterDeclaration;
import org.originbridge.events.intake.DeclarationAccepted;
import org.originbridge.events.intake.DeclarationSubmitted;
import org.originbridge.events.intake.GoodsItem;
import org.originbridge.platform.errors.InvalidRecordException;

/**
 * DeclarationAccepted -> the e-CO request: the exporting Party (exporter.country, which picks the issuing authority),
 * the importer's id and the full Annex 3B application. Missing ids, or a tenant other than the supplier, are bad
 * data (dead-lettered at once).
 */
public final class DeclarationMapper {

    private DeclarationMapper() {
    }

    public static EcoRequest toRequest(DeclarationAccepted event) {
        List<FieldError> problems = new ArrayList<>();
        if (blank(event.getDeclarationId())) {
            problems.add(new FieldError("declarationId", ErrorCodes.REQUIRED, "is required"));
        }
        if (blank(event.getSupplierId())) {
            problems.add(new FieldError("supplierId", ErrorCodes.REQUIRED, "is required"));
        } else if (!event.getTenantId().isEmpty() && !event.getTenantId().equals(event.getSupplierId())) {
            // CCPIT credentials are looked up per tenant (= supplierId) and used only for that tenant
            problems.add(new FieldError("tenantId", ErrorCodes.OWNED_BY_ANOTHER_TENANT, "differs from supplierId"));
        }
        if (!problems.isEmpty()) {
            throw InvalidRecordException.of(problems);
        }
        DeclarationSubmitted d = event.getDeclaration();
        if (d == null) {
            return new EcoRequest(event.getDeclarationId(), event.getSupplierId(), "UNKNOWN", null, null,
                    new CoApplication(null, null, null, null, null, null, List.of(), null, null));
        }
        String importing = !blank(d.getDestinationCountry()) ? d.getDestinationCountry()
                : d.getImporter() == null ? null : d.getImporter().getCountry();
        Consignment c = d.getConsignment();
        ExporterDeclaration x = d.getExporterDeclaration();
        CoApplication application = new CoApplication(d.getReferenceNumber(), trader(d.getExporter()),
                trader(d.getProducer()), trader(d.getImporter()), importing,
                c == null ? null : new CoApplication.Transport(c.getInvoiceNumber(), c.getInvoiceDate(),
                        c.getDepartureDate(), c.getVesselOrFlight(), c.getVoyageNumber(), c.getPortOfLoading(),
                        c.getPortOfDischarge()),
                d.getGoods().stream().map(DeclarationMapper::item).toList(),
                x == null ? null : new CoApplication.Declarant(x.getPlace(), x.getDate(), x.getSignatoryName()),
                remarks(d.getBackToBack()));
        String exportingParty = d.getExporter() == null || blank(d.getExporter().getCountry()) ? null
                : d.getExporter().getCountry().trim().toUpperCase(Locale.ROOT);
        String importerId = d.getImporter() == null ? null : d.getImporter().getIdentifier();
        return new EcoRequest(event.getDeclarationId(), event.getSupplierId(), d.getDocumentType().name(), exportingParty,
                importerId, application);
    }

    private static CoApplication.Trader trader(Party p) {
        return p == null ? null : new CoApplication.Trader(p.getName(), p.getAddress(), p.getCountry());
    }

    private static CoApplication.Item item(GoodsItem g) {
        return new CoApplication.Item(g.getItemNumber(), g.getDescription(), g.getHsCode() == null ? null : g.getHsCode().trim(),
                g.getOriginCriterion(), g.getOriginCountry(), g.getQuantity(), g.getQuantityUnit(), g.getGrossWeightKg(),
                g.getFobValue() == null ? null : g.getFobValue().getAmount(),
                g.getFobValue() == null ? null : g.getFobValue().getCurrency());
    }

    /** Annex 3B (m): a back-to-back CO names its original proof of origin. */
    private static String remarks(BackToBackDetails b) {
        if (b == null) {
            return null;
        }
        return "back-to-back CO; original proof of origin " + b.getOriginalProofReference() + " issued "
                + b.getOriginalIssueDate() + " in " + b.getFirstExportingPartyCountry()
                + (blank(b.getApprovedExporterCode()) ? "" : ", approved exporter " + b.getApprovedExporterCode());
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
