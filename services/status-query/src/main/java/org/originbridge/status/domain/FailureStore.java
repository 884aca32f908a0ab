package org.originbridge.status.domain;

/** Write port for processing failures; idempotent, guarded by {@link ProcessingFailure#failedAt()}. */
public interface FailureStore {

    /** Keeps the latest failure of the declaration; an older or repeated one is {@link ProjectionResult#STALE}. */
    ProjectionResult recordFailure(String declarationId, ProcessingFailure failure);
}
