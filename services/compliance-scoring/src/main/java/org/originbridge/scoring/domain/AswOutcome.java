package org.originbridge.scoring.domain;

import java.time.Instant;
import java.util.Objects;

/** The latest ASW verification outcome of one declaration. */
public record AswOutcome(String declarationId, Result result, Instant at) {

    /**
     * Mirrors the published verification outcomes. NOT_APPLICABLE (the destination has no verification
     * channel) says nothing about the supplier: it counts neither for nor against it.
     */
    public enum Result { VERIFIED, NOT_VERIFIED, FAILED, UNKNOWN, NOT_APPLICABLE }

    public AswOutcome {
        Objects.requireNonNull(declarationId, "declarationId");
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(at, "at");
    }
}
