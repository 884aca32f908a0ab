package org.originbridge.scoring.domain;

import java.time.Instant;
import java.util.Objects;

/** Whether a declaration passed intake (Annex 3B validation and the origin pre-check), and when. */
public record IntakeOutcome(String declarationId, boolean accepted, Instant at) {
    public IntakeOutcome {
        Objects.requireNonNull(declarationId, "declarationId");
        Objects.requireNonNull(at, "at");
    }
}
