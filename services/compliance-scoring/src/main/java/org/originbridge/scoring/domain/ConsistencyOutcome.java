package org.originbridge.scoring.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A declaration's consistency report as scoring keeps it (from {@code declaration-consistency}): its status and the
 * discrepancies it names, each as {@code field (source)}, e.g. {@code goods[1].hsCode (e-CO)}.
 *
 * @param reportHash the report's identity: the same hash is the same report
 * @param checkedAt  when the report was computed; an older report than the one kept is ignored
 */
public record ConsistencyOutcome(String declarationId, Status status, List<String> discrepancies, String reportHash,
        Instant checkedAt) {

    /** As origin-core's {@code ConsistencyReport.Status}; UNKNOWN for a status this version does not know. */
    public enum Status {
        NOT_COMPARED, CONSISTENT, EVIDENCE_NEEDED, DISCREPANCIES, UNKNOWN;

        /** Something was compared (the factor counts it). */
        public boolean compared() {
            return this == CONSISTENT || this == EVIDENCE_NEEDED || this == DISCREPANCIES;
        }
    }

    public ConsistencyOutcome {
        Objects.requireNonNull(declarationId, "declarationId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(checkedAt, "checkedAt");
        discrepancies = discrepancies == null ? List.of() : List.copyOf(discrepancies);
    }
}
