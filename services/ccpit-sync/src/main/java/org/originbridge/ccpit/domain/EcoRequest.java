package org.originbridge.ccpit.domain;

import java.util.List;
import java.util.Objects;

/**
 * What the issuing authority needs to issue an e-CO for an accepted declaration.
 *
 * @param documentType   CERTIFICATE_OF_ORIGIN, DECLARATION_OF_ORIGIN or UNKNOWN
 * @param exportingParty the exporter's country (ISO alpha-2): it picks the issuing authority; null when unknown
 * @param importerId     the importer's party id at OriginBridge (who may download the certificate document), or null
 * @param application    the Annex 3B content sent to the authority
 */
public record EcoRequest(String declarationId, String supplierId, String documentType, String exportingParty,
        String importerId, CoApplication application) {

    public EcoRequest {
        Objects.requireNonNull(declarationId, "declarationId");
        Objects.requireNonNull(supplierId, "supplierId");
        Objects.requireNonNull(application, "application");
    }

    /** Annex 3B (e) reference number. */
    public String coReferenceNumber() {
        return application.referenceNumber();
    }

    public String exporterName() {
        return application.exporterName();
    }

    public String importingCountry() {
        return application.importingCountry();
    }

    public List<String> hsCodes() {
        return application.hsCodes();
    }

    /** Fields every issuing authority requires that this request lacks (empty when complete). */
    public List<String> missingFields() {
        return application.missingFields();
    }
}
