package org.originbridge.scoring.domain;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The stored state of one supplier, bounded whatever its history: its counters, the time of its
 * newest evidence, the latest computed score and the version that has been sent.
 * {@code emittedVersion < latest.version()} means an emission is pending (the process stopped
 * between the write and the send): it is sent on the next event of the supplier.
 *
 * @param revision       optimistic-concurrency guard of the stored document (0 = not stored yet); +1 per change
 * @param asOf           newest evidence seen (only moves forward; null before the first)
 * @param latest         the newest score (null before the first evidence)
 * @param emittedVersion the newest version confirmed sent
 * @param applied        which declaration change each of the last {@link #APPLIED_KEPT} revisions applied
 *                       (revision -> change token): how a redelivery knows whether its change is already counted
 * @param recountedAt    the revision of the last recount from the declarations (0: never); changes pending
 *                       from revisions up to it are settled by recounting again
 */
public record SupplierRecord(String supplierId, long revision, Tally tally, Instant asOf, SupplierScore latest,
        long emittedVersion, Map<Long, String> applied, long recountedAt) {

    /** Revisions whose change token is kept: a bounded window, so the record does not grow. */
    public static final int APPLIED_KEPT = 128;

    public SupplierRecord {
        Objects.requireNonNull(supplierId, "supplierId");
        Objects.requireNonNull(tally, "tally");
        Map<Long, String> kept = new TreeMap<>(applied == null ? Map.of() : applied);
        kept.keySet().removeIf(r -> r <= revision - APPLIED_KEPT || r > revision);
        applied = java.util.Collections.unmodifiableMap(kept);
    }

    public static SupplierRecord empty(String supplierId) {
        return new SupplierRecord(supplierId, 0, Tally.ZERO, null, null, 0, Map.of(), 0);
    }

    public boolean emissionPending() {
        return latest != null && emittedVersion < latest.version();
    }
}
