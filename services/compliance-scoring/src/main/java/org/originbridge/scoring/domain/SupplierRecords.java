package org.originbridge.scoring.domain;

import java.util.Optional;

/** Port: where supplier state lives. No transactions needed: every write is one guarded document update. */
public interface SupplierRecords {

    Optional<SupplierRecord> find(String supplierId);

    /**
     * Stores {@code next} if the stored revision is still {@code expectedRevision} (0: not stored yet).
     * Does not touch the emitted version.
     *
     * @return false when someone else wrote first (stale): reload and try again
     */
    boolean save(SupplierRecord next, long expectedRevision);

    /** Records that {@code version} was sent, unless a newer one already was. */
    void markEmitted(String supplierId, long version);
}
