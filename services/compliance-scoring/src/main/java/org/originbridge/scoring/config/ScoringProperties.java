package org.originbridge.scoring.config;

import java.time.Duration;
import java.time.Instant;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.originbridge.scoring.domain.ScoringPolicy;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the scoring model and of publishing scores.
 *
 * @param minimumDeclarations intake outcomes a supplier needs before it is rated (fewer: UNRATED)
 * @param recencyWindow       declarations decided within this window before the latest evidence are recent
 * @param validity            validUntil = asOf + validity
 * @param publishTimeout      longest wait for the broker's acknowledgement of a published score (a
 *                            timeout fails the record: retried, then dead-lettered)
 * @param replayBefore        set by {@code bin/originbridge rebuild compliance-scoring}: facts logged before it
 *                            are replayed history (counted, nothing published); kept in {@code scoring_meta}
 *                            so a restart during the rebuild keeps it; null = none
 */
@Validated
@ConfigurationProperties("originbridge.scoring")
public record ScoringProperties(
        @DefaultValue("3") @Min(1) int minimumDeclarations,
        @DefaultValue("180d") @NotNull Duration recencyWindow,
        @DefaultValue("90d") @NotNull Duration validity,
        @DefaultValue("10s") @NotNull Duration publishTimeout,
        Instant replayBefore) {

    public ScoringPolicy policy() {
        return new ScoringPolicy(minimumDeclarations, recencyWindow, validity);
    }
}
