package org.originbridge.scoring.domain;

import java.time.Instant;
import java.util.List;

/** What the model computes from evidence: score, band, factors and the time of the evidence. */
public record ScoreCard(int score, ScoreBand band, List<ScoreFactor> factors, Instant asOf) {
    public ScoreCard {
        factors = List.copyOf(factors);
    }

    /** Same score, band and factors (asOf alone is no change worth publishing). */
    public boolean sameAssessmentAs(SupplierScore published) {
        return published != null && published.score() == score && published.band() == band
                && published.factors().equals(factors);
    }
}
