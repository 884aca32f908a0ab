package org.originbridge.scoring.domain;

/**
 * One reason behind a score.
 *
 * @param code        stable machine code, e.g. INTAKE_ACCEPTANCE
 * @param name        human name
 * @param weight      percent of the total score (the weights of a score add up to 100)
 * @param value       0-100
 * @param explanation why the value is what it is, with the counts it was computed from
 */
public record ScoreFactor(String code, String name, int weight, int value, String explanation) {
    public ScoreFactor {
        if (weight < 0 || weight > 100 || value < 0 || value > 100) {
            throw new IllegalArgumentException("weight and value must be 0-100: " + code);
        }
    }
}
