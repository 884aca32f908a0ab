package org.originbridge.intake.domain;

import org.originbridge.origin.declaration.Declaration;
import java.time.Clock;
import java.util.Objects;

/**
 * Use case: accept a structurally sound declaration for processing. Stamps {@code submittedAt} and
 * hands it to the submission channel, returning once the broker acknowledged it. Screening happens
 * asynchronously (see {@link DeclarationScreening}); resubmitting the same id is idempotent downstream.
 * The declaration id and reference number are claimed for the declaration's tenant first
 * ({@link TenantOwnership}): another tenant's identifiers are refused before anything is published.
 */
public final class SubmitDeclaration {

    private final SubmissionChannel channel;
    private final TenantOwnership ownership;
    private final Clock clock;

    public SubmitDeclaration(SubmissionChannel channel, TenantOwnership ownership, Clock clock) {
        this.channel = Objects.requireNonNull(channel, "channel");
        this.ownership = Objects.requireNonNull(ownership, "ownership");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** @throws TenantOwnership.OwnershipConflict when another tenant owns the id or the reference number */
    public Declaration submit(Declaration declaration) {
        ownership.claim(declaration);
        Declaration stamped = declaration.withSubmittedAt(clock.instant());
        channel.submit(stamped);
        return stamped;
    }
}
