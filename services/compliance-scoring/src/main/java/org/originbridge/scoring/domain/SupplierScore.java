package org.originbridge.scoring.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** A published (or to-be-published) score of a supplier; {@code version} +1 per emission. */
public record SupplierScore(String supplierId, int score, ScoreBand band, Integer previousScore,
        List<ScoreFactor> factors, long version, Instant asOf, Instant validUntil, String source) {

    public static final String SOURCE = "originbridge-compliance-scoring";

    public SupplierScore {
        factors = List.copyOf(factors);
    }

    /** The score that follows {@code previous} (null for the first) with the card's assessment. */
    public static SupplierScore next(String supplierId, SupplierScore previous, ScoreCard card, Duration validity) {
        return new SupplierScore(supplierId, card.score(), card.band(), previous == null ? null : previous.score(),
                card.factors(), previous == null ? 1 : previous.version() + 1, card.asOf(),
                card.asOf().plus(validity), SOURCE);
    }
}
