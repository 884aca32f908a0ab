package org.originbridge.scoring.domain;

import java.util.function.Supplier;

/** Port: what the use cases time and count, per kind of fact (e.g. {@code declaration-accepted}). */
public interface ScoringMetrics {

    /** Times recording one fact and rescoring (failures too) and counts the outcome it led to. */
    ComplianceScoring.Outcome measure(String fact, Supplier<ComplianceScoring.Outcome> work);

    ScoringMetrics NONE = (fact, work) -> work.get();
}
