package org.originbridge.scoring.config;

import java.time.Duration;

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
 */
@Validated
@ConfigurationProperties("originbridge.scoring")
public record ScoringProperties(
        @DefaultValue("3") @Min(1) int minimumDeclarations,
        @DefaultValue("180d") @NotNull Duration recencyWindow,
        @DefaultValue("90d") @NotNull Duration validity,
        @DefaultValue("10s") @NotNull Duration publishTimeout) {

    public ScoringPolicy policy() {
        return new ScoringPolicy(minimumDeclarations, recencyWindow, validity);
    }
}
