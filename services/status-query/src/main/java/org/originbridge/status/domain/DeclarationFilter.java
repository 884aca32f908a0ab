package org.originbridge.status.domain;

/** Filters of the declaration list; a null field does not filter. */
public record DeclarationFilter(String supplierId, String intakeOutcome, String destinationCountry,
        String verificationOutcome, String issuanceStatus) {
}
