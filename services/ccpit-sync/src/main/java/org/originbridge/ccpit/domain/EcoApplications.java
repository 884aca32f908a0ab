package org.originbridge.ccpit.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Port: the tracked applications, one per declaration. Every write is one guarded document update. */
public interface EcoApplications {

    Optional<EcoApplication> find(String declarationId);

    /** @return false when the declaration already has an application */
    boolean insert(EcoApplication application);

    /**
     * Stores a status change if the stored sequence is still {@code expectedSequence}.
     * Does not touch the emitted sequence.
     *
     * @return false when someone else changed it first
     */
    boolean update(EcoApplication next, int expectedSequence);

    /** Moves the next check, if the status has not changed meanwhile. */
    void reschedule(String declarationId, int sequence, Instant nextCheckAt);

    /** Records that {@code sequence} was published, unless a newer one already was. */
    void markEmitted(String declarationId, int sequence);

    /**
     * Claims up to {@code limit} applications whose next check is due at {@code now} by moving their
     * next check to {@code leaseUntil} (so another instance does not poll them at the same time).
     */
    List<EcoApplication> claimDue(Instant now, Instant leaseUntil, int limit);

    /** Applications whose newest change, made before {@code changedBefore}, is not confirmed published. */
    List<EcoApplication> pendingEmissions(Instant changedBefore, int limit);
}
