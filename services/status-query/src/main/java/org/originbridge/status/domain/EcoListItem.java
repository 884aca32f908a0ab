package org.originbridge.status.domain;

import java.time.Instant;

/**
 * One line of the importer's list of e-COs: the declaration, its exporter, and where its e-CO
 * stands ({@code issued} only when CCPIT reports ISSUED; {@code issuanceStatus} null before CCPIT
 * has reported).
 */
public record EcoListItem(String declarationId, String referenceNumber, String exporterName, String destinationCountry,
        String issuanceStatus, boolean issued, String certificateNumber, Instant updatedAt) {

    static EcoListItem of(DeclarationProjection p) {
        IssuanceRecord i = p.issuance();
        String exporter = p.declaration() == null || p.declaration().exporter() == null ? null
                : p.declaration().exporter().name();
        return new EcoListItem(p.declarationId(), p.referenceNumber(), exporter, p.destinationCountry(),
                i == null ? null : i.status(), p.issued(), i == null ? null : i.certificateNumber(), p.updatedAt());
    }
}
