package org.originbridge.scoring.domain;

import java.time.Instant;
import java.util.Objects;

/** The latest ASW verification outcome of one declaration. */
public record AswOutcome(String declarationId, Result result, Instant at) {

    /** Mirrors the published verification outcomes. */
    public enum Result { VERIFIED, NOT_VERIFIED, FAILED, UNKNOWN }

    public AswOutcome {
        Objects.requireNonNull(declarationId, "declarationId");
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(at, "at");
    }
}
