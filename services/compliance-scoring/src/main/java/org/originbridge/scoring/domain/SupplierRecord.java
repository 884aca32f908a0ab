package org.originbridge.scoring.domain;

import java.util.Objects;

/**
 * The stored state of one supplier: its evidence, the latest computed score and the version that
 * has been sent. {@code emittedVersion < latest.version()} means an emission is pending (the
 * process stopped between the write and the send): it is sent on the next event of the supplier.
 *
 * @param revision       optimistic-concurrency guard of the stored document (0 = not stored yet)
 * @param latest         the newest score (null before the first evidence)
 * @param emittedVersion the newest version confirmed sent
 */
public record SupplierRecord(String supplierId, long revision, SupplierEvidence evidence, SupplierScore latest,
        long emittedVersion) {

    public SupplierRecord {
        Objects.requireNonNull(supplierId, "supplierId");
        Objects.requireNonNull(evidence, "evidence");
    }

    public static SupplierRecord empty(String supplierId) {
        return new SupplierRecord(supplierId, 0, SupplierEvidence.NONE, null, 0);
    }

    public boolean emissionPending() {
        return latest != null && emittedVersion < latest.version();
    }
}
