package org.originbridge.ccpit.domain;

import static org.originbridge.ccpit.domain.IssuanceStatus.FAILED;
import static org.originbridge.ccpit.domain.IssuanceStatus.ISSUED;
import static org.originbridge.ccpit.domain.IssuanceStatus.REJECTED;
import static org.originbridge.ccpit.domain.IssuanceStatus.REQUESTED;
import static org.originbridge.ccpit.domain.IssuanceStatus.REVOKED;
import static org.originbridge.ccpit.domain.IssuanceStatus.SUBMITTED;
import static org.originbridge.ccpit.domain.IssuanceStatus.UNDER_REVIEW;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The issuance lifecycle as data: each status and its allowed successors. A status without
 * successors is terminal. Polling may observe CCPIT later than a step, so a status may be skipped
 * (SUBMITTED straight to ISSUED); it never goes back.
 *
 * <pre>
 * REQUESTED    -> SUBMITTED | UNDER_REVIEW | ISSUED | REJECTED | FAILED
 * SUBMITTED    -> UNDER_REVIEW | ISSUED | REJECTED
 * UNDER_REVIEW -> ISSUED | REJECTED
 * ISSUED       -> REVOKED            (final for tracking; re-checked slowly for a revocation)
 * REJECTED, REVOKED, FAILED: terminal
 * </pre>
 */
public final class IssuanceLifecycle {

    private static final Map<IssuanceStatus, Set<IssuanceStatus>> SUCCESSORS;

    static {
        Map<IssuanceStatus, Set<IssuanceStatus>> table = new EnumMap<>(IssuanceStatus.class);
        table.put(REQUESTED, EnumSet.of(SUBMITTED, UNDER_REVIEW, ISSUED, REJECTED, FAILED));
        table.put(SUBMITTED, EnumSet.of(UNDER_REVIEW, ISSUED, REJECTED));
        table.put(UNDER_REVIEW, EnumSet.of(ISSUED, REJECTED));
        table.put(ISSUED, EnumSet.of(REVOKED));
        table.put(REJECTED, EnumSet.noneOf(IssuanceStatus.class));
        table.put(REVOKED, EnumSet.noneOf(IssuanceStatus.class));
        table.put(FAILED, EnumSet.noneOf(IssuanceStatus.class));
        SUCCESSORS = Collections.unmodifiableMap(table);
    }

    private IssuanceLifecycle() {
    }

    public static Set<IssuanceStatus> successors(IssuanceStatus status) {
        return Collections.unmodifiableSet(SUCCESSORS.get(status));
    }

    public static boolean isTerminal(IssuanceStatus status) {
        return SUCCESSORS.get(status).isEmpty();
    }

    /** The outcome is known: CCPIT decided (ISSUED, REJECTED, REVOKED) or we could not apply (FAILED). */
    public static boolean isFinal(IssuanceStatus status) {
        return status == ISSUED || isTerminal(status);
    }

    public static boolean allows(IssuanceStatus from, IssuanceStatus to) {
        return SUCCESSORS.get(from).contains(to);
    }

    /** @throws IllegalTransitionException when the table does not allow it */
    public static void check(IssuanceStatus from, IssuanceStatus to) {
        if (!allows(from, to)) {
            throw new IllegalTransitionException(from, to);
        }
    }

    /** A transition the lifecycle forbids. */
    public static final class IllegalTransitionException extends RuntimeException {
        public IllegalTransitionException(IssuanceStatus from, IssuanceStatus to) {
            super("issuance status " + from + " cannot change to " + to
                    + (isTerminal(from) ? " (" + from + " is terminal)" : "; allowed: " + SUCCESSORS.get(from)));
        }
    }
}
