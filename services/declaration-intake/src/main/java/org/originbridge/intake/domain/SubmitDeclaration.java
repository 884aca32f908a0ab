package org.originbridge.intake.domain;

import java.time.Clock;
import java.util.Objects;

/**
 * Use case: accept a structurally sound declaration for processing. Stamps {@code submittedAt} and
 * hands it to the submission channel, returning once the broker acknowledged it. Screening happens
 * asynchronously (see {@link DeclarationScreening}); resubmitting the same id is idempotent downstream.
 */
public final class SubmitDeclaration {

    private final SubmissionChannel channel;
    private final Clock clock;

    public SubmitDeclaration(SubmissionChannel channel, Clock clock) {
        this.channel = Objects.requireNonNull(channel, "channel");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public Declaration submit(Declaration declaration) {
        Declaration stamped = declaration.withSubmittedAt(clock.instant());
        channel.submit(stamped);
        return stamped;
    }
}
