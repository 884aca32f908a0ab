package org.originbridge.scoring.domain;

import java.util.Objects;

/**
 * The stored evidence of one declaration (small: one shipment's worth) and, while its latest
 * change is being added to the supplier's counters, that change.
 *
 * @param version  optimistic-concurrency guard (0 = not stored yet); +1 per write
 * @param evidence the declaration's evidence, the latest change included
 * @param pending  the change not yet known to be in the supplier's counters, or null
 */
public record DeclarationRecord(String declarationId, String supplierId, long version, DeclarationEvidence evidence,
        PendingChange pending) {

    /**
     * A change of the declaration's evidence from {@code previous} to the record's evidence, to be added to
     * the supplier's counters at supplier revision {@code targetRevision} (the only revision it is ever
     * written at: the target moves, by a guarded write of this record, before any attempt at another one).
     *
     * @param token unique per change (declaration id + record version), stored with the supplier revision
     */
    public record PendingChange(String token, DeclarationEvidence previous, long targetRevision) {
        public PendingChange {
            Objects.requireNonNull(token, "token");
            Objects.requireNonNull(previous, "previous");
        }
    }

    public DeclarationRecord {
        Objects.requireNonNull(declarationId, "declarationId");
        Objects.requireNonNull(supplierId, "supplierId");
        Objects.requireNonNull(evidence, "evidence");
    }

    public static DeclarationRecord empty(String declarationId, String supplierId) {
        return new DeclarationRecord(declarationId, supplierId, 0, DeclarationEvidence.none(declarationId), null);
    }

    /** The change's effect on the supplier's counters. */
    public Tally delta() {
        return pending == null ? Tally.ZERO : evidence.tally().minus(pending.previous().tally());
    }

    public DeclarationRecord withPending(PendingChange change) {
        return new DeclarationRecord(declarationId, supplierId, version + 1, evidence, change);
    }
}
