package org.originbridge.scoring.domain;

import java.time.Duration;
import java.util.Objects;

/**
 * The tunable parts of the model.
 *
 * @param minimumDeclarations intake outcomes needed before a supplier is rated (fewer: UNRATED)
 * @param recencyWindow       declarations decided within this window before the latest evidence count as recent
 * @param validity            how long a score stays valid after its evidence (validUntil = asOf + validity)
 */
public record ScoringPolicy(int minimumDeclarations, Duration recencyWindow, Duration validity) {

    public static final ScoringPolicy DEFAULT = new ScoringPolicy(3, Duration.ofDays(180), Duration.ofDays(90));

    public ScoringPolicy {
        Objects.requireNonNull(recencyWindow, "recencyWindow");
        Objects.requireNonNull(validity, "validity");
        if (minimumDeclarations < 1) {
            throw new IllegalArgumentException("minimumDeclarations must be >= 1");
        }
    }
}
