package org.originbridge.ccpit.adapter.kafka;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.originbridge.ccpit.domain.EcoRequest;
import org.originbridge.events.intake.DeclarationAccepted;
import org.originbridge.events.intake.DeclarationSubmitted;
import org.originbridge.events.intake.GoodsItem;
import org.originbridge.platform.errors.InvalidRecordException;
import org.originbridge.platform.errors.InvalidRecordException.Problem;

/**
 * DeclarationAccepted -> the e-CO request. Missing ids, or a tenant other than the supplier, are bad
 * data (dead-lettered at once).
 */
public final class DeclarationMapper {

    private DeclarationMapper() {
    }

    public static EcoRequest toRequest(DeclarationAccepted event) {
        List<Problem> problems = new ArrayList<>();
        if (blank(event.getDeclarationId())) {
            problems.add(new Problem("declarationId", "is required"));
        }
        if (blank(event.getSupplierId())) {
            problems.add(new Problem("supplierId", "is required"));
        } else if (!event.getTenantId().isEmpty() && !event.getTenantId().equals(event.getSupplierId())) {
            // CCPIT credentials are looked up per tenant (= supplierId) and used only for that tenant
            problems.add(new Problem("tenantId", "differs from supplierId"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidRecordException(problems);
        }
        DeclarationSubmitted d = event.getDeclaration();
        if (d == null) {
            return new EcoRequest(event.getDeclarationId(), event.getSupplierId(), "UNKNOWN", null, null, null, List.of());
        }
        String importing = !blank(d.getDestinationCountry()) ? d.getDestinationCountry()
                : d.getImporter() == null ? null : d.getImporter().getCountry();
        List<String> hsCodes = d.getGoods().stream().map(GoodsItem::getHsCode).filter(Objects::nonNull)
                .map(String::trim).filter(s -> !s.isEmpty()).distinct().toList();
        return new EcoRequest(event.getDeclarationId(), event.getSupplierId(), d.getDocumentType().name(),
                d.getReferenceNumber(), d.getExporter() == null ? null : d.getExporter().getName(), importing, hsCodes);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
