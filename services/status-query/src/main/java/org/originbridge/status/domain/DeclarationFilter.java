package org.originbridge.status.domain;

import java.util.Set;

/**
 * Filters of the declaration list; a null field does not filter. {@code tenants} limits the list
 * to declarations of these suppliers (the reader's tenants); null for a reader who sees all.
 */
public record DeclarationFilter(String supplierId, String intakeOutcome, String destinationCountry,
        String verificationOutcome, String issuanceStatus, Set<String> tenants) {

    public DeclarationFilter(String supplierId, String intakeOutcome, String destinationCountry,
            String verificationOutcome, String issuanceStatus) {
        this(supplierId, intakeOutcome, destinationCountry, verificationOutcome, issuanceStatus, null);
    }

    /** The same filter, limited to what the reader may see. */
    public DeclarationFilter readBy(Reader reader) {
        return reader.all() ? this : new DeclarationFilter(supplierId, intakeOutcome, destinationCountry,
                verificationOutcome, issuanceStatus, reader.tenants());
    }
}
