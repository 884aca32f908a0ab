package org.originbridge.scoring.domain;

import java.util.Optional;

/** Port: where supplier state lives. No transactions needed: every write is one guarded update of a bounded record. */
public interface SupplierRecords {

    Optional<SupplierRecord> find(String supplierId);

    /**
     * Stores {@code next} if the stored revision is still {@code expectedRevision} (0: not stored yet):
     * counters, asOf, latest score, revision and recount mark, plus the change token of revision
     * {@code next.revision()} (older tokens stay). Does not touch the emitted version.
     *
     * @return false when someone else wrote first (stale): reload and try again
     */
    boolean save(SupplierRecord next, long expectedRevision);

    /** Records that {@code version} was sent, unless a newer one already was. */
    void markEmitted(String supplierId, long version);
}
