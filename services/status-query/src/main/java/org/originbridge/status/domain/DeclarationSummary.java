package org.originbridge.status.domain;

import java.time.Instant;

/** One line of the declaration list. */
public record DeclarationSummary(String declarationId, String supplierId, String referenceNumber,
        String destinationCountry, String intakeOutcome, String verificationOutcome, String issuanceStatus,
        Instant updatedAt) {

    static DeclarationSummary of(DeclarationProjection p) {
        return new DeclarationSummary(p.declarationId(), p.supplierId(), p.referenceNumber(), p.destinationCountry(),
                p.intake() == null ? null : p.intake().outcome(),
                p.verification() == null ? null : p.verification().outcome(),
                p.issuance() == null ? null : p.issuance().status(), p.updatedAt());
    }
}
