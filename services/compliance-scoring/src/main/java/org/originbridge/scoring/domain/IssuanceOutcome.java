package org.originbridge.scoring.domain;

import java.time.Instant;
import java.util.Objects;

/** The latest e-CO issuance status of one declaration (the highest sequence seen). */
public record IssuanceOutcome(String declarationId, Status status, int sequence, Instant at) {

    /** Mirrors the published issuance statuses. */
    public enum Status {
        REQUESTED, SUBMITTED, UNDER_REVIEW, ISSUED, REJECTED, REVOKED, FAILED, UNKNOWN;

        /** Still in progress at CCPIT: not evidence either way yet. */
        public boolean open() {
            return this == REQUESTED || this == SUBMITTED || this == UNDER_REVIEW;
        }
    }

    public IssuanceOutcome {
        Objects.requireNonNull(declarationId, "declarationId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(at, "at");
    }
}
