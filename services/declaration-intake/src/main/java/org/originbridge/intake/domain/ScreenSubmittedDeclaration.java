package org.originbridge.intake.domain;

import org.originbridge.origin.declaration.Declaration;
import java.util.Objects;

/**
 * Use case behind coo-declarations-submitted: the supplierId is the tenant of a record (no token on
 * a topic), so its identifiers are claimed for it first ({@link TenantOwnership}); a record re-using
 * another tenant's declaration id or reference number is refused (never published as accepted or
 * rejected under the owner's id), otherwise it is screened.
 */
public final class ScreenSubmittedDeclaration {

    private final TenantOwnership ownership;
    private final DeclarationScreening screening;

    public ScreenSubmittedDeclaration(TenantOwnership ownership, DeclarationScreening screening) {
        this.ownership = Objects.requireNonNull(ownership, "ownership");
        this.screening = Objects.requireNonNull(screening, "screening");
    }

    /** @throws TenantOwnership.OwnershipConflict when another tenant owns the id or the reference number */
    public ScreeningVerdict screen(Declaration declaration) {
        ownership.claim(declaration);
        return screening.screen(declaration);
    }
}
