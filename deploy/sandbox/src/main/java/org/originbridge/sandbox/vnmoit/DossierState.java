package org.originbridge.sandbox.vnmoit;

import java.util.EnumSet;
import java.util.Set;

/**
 * A MOIT dossier's lifecycle as data: RECEIVED -> PROCESSING -> APPROVED | REFUSED by time, APPROVED -> REVOKED
 * only on request; REFUSED and REVOKED are terminal.
 */
public enum DossierState {
    RECEIVED,
    PROCESSING,
    APPROVED,
    REFUSED,
    REVOKED;

    public Set<DossierState> successors() {
        return switch (this) {
            case RECEIVED -> EnumSet.of(PROCESSING);
            case PROCESSING -> EnumSet.of(APPROVED, REFUSED);
            case APPROVED -> EnumSet.of(REVOKED);
            case REFUSED, REVOKED -> EnumSet.noneOf(DossierState.class);
        };
    }

    public boolean advancesWithTime() {
        return this == RECEIVED || this == PROCESSING;
    }

    public boolean canMoveTo(DossierState next) {
        return successors().contains(next);
    }
}
