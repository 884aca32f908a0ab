package org.originbridge.ccpit.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What CCPIT needs to issue an e-CO for an accepted declaration.
 *
 * @param documentType      CERTIFICATE_OF_ORIGIN, DECLARATION_OF_ORIGIN or UNKNOWN
 * @param coReferenceNumber Annex 3B (e) reference number
 * @param importingCountry  ISO alpha-2 of the importing Party
 */
public record EcoRequest(String declarationId, String supplierId, String documentType, String coReferenceNumber,
        String exporterName, String importingCountry, List<String> hsCodes) {

    public EcoRequest {
        Objects.requireNonNull(declarationId, "declarationId");
        Objects.requireNonNull(supplierId, "supplierId");
        hsCodes = hsCodes == null ? List.of() : List.copyOf(hsCodes);
    }

    /** Fields CCPIT requires that this request lacks (empty when complete). */
    public List<String> missingFields() {
        List<String> missing = new ArrayList<>();
        if (blank(coReferenceNumber)) {
            missing.add("referenceNumber");
        }
        if (blank(exporterName)) {
            missing.add("exporter.name");
        }
        if (blank(importingCountry)) {
            missing.add("destinationCountry");
        }
        if (hsCodes.isEmpty()) {
            missing.add("goods[].hsCode");
        }
        return missing;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
