package org.originbridge.sandbox.ccpit;

import java.util.EnumSet;
import java.util.Set;

/**
 * The CCPIT application lifecycle as data: each status lists its allowed successors; a status
 * without successors is terminal. Time moves SUBMITTED -> UNDER_REVIEW -> ISSUED|REJECTED; only
 * an explicit revocation moves ISSUED -> REVOKED.
 */
public enum ApplicationStatus {
    SUBMITTED,
    UNDER_REVIEW,
    ISSUED,
    REJECTED,
    REVOKED;

    public Set<ApplicationStatus> successors() {
        return switch (this) {
            case SUBMITTED -> EnumSet.of(UNDER_REVIEW);
            case UNDER_REVIEW -> EnumSet.of(ISSUED, REJECTED);
            case ISSUED -> EnumSet.of(REVOKED);
            case REJECTED, REVOKED -> EnumSet.noneOf(ApplicationStatus.class);
        };
    }

    public boolean isTerminal() {
        return successors().isEmpty();
    }

    /** Whether this status moves on by itself once a step has elapsed. */
    public boolean advancesWithTime() {
        return this == SUBMITTED || this == UNDER_REVIEW;
    }

    public boolean canMoveTo(ApplicationStatus next) {
        return successors().contains(next);
    }
}
