package org.originbridge.scoring.domain;

import java.util.Optional;
import java.util.stream.Stream;

/** Port: one small record per declaration. Every write is guarded by the record's version. */
public interface DeclarationLedger {

    Optional<DeclarationRecord> find(String declarationId);

    /**
     * Stores {@code next} if the stored version is still {@code expectedVersion} (0: not stored yet).
     *
     * @return false when someone else wrote first (stale): reload and try again
     */
    boolean save(DeclarationRecord next, long expectedVersion);

    /** Every declaration of a supplier: only for the rare recount ({@link ComplianceScoring}). */
    Stream<DeclarationRecord> ofSupplier(String supplierId);
}
