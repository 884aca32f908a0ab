package org.originbridge.status.domain;

/** What applying one event to the read model did. */
public enum ProjectionResult {
    /** The event was newer than what the read model held and is now reflected. */
    APPLIED,
    /** A duplicate, a replay or an older version: nothing changed. */
    STALE
}
