package org.originbridge.platform.kafka;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the platform treats records that fail (see {@link FailureClassification}): records that can
 * never succeed go to the dead-letter topic at once; transient failures are retried with bounded
 * exponential backoff until they pass, never dead-lettered.
 *
 * @param partitions     partitions of the topics the platform creates
 * @param replicationFactor replication factor of the topics the platform creates
 * @param retry          container-level backoff between attempts of a record that failed transiently
 * @param stuckAfter     a consumer with lag whose committed offsets have not moved for this long (and
 *                       that is not paused by an open circuit breaker) makes health DOWN
 *                       ({@link ConsumerProgressHealthIndicator})
 * @param declarationStep true (the default) when this service is a step of a declaration's processing
 *                       (intake, issuance, verification): a record keyed by a declaration that it dead-letters
 *                       means the declaration cannot go on, so the platform publishes
 *                       {@code DeclarationProcessingFailed} and the declaration's status says FAILED with the
 *                       reason. A read side (status-query, compliance-scoring, subscriptions, logistics-ingestion)
 *                       sets it false: its dead letter means one of its own views lacks a fact, not that the
 *                       declaration failed; it is reported to operators (the dead-letter topic, {@code bin/originbridge
 *                       dlt list}, the dead-letter metric and alert) and re-driven with {@code dlt replay}.
 */
@Validated
@ConfigurationProperties("originbridge.kafka")
public record KafkaPlatformProperties(
        @DefaultValue("3") @Min(1) int partitions,
        @DefaultValue("1") @Min(1) short replicationFactor,
        @DefaultValue @NotNull Retry retry,
        @DefaultValue("3m") @NotNull Duration stuckAfter,
        @DefaultValue("true") boolean declarationStep) {

    /**
     * @param initialInterval first backoff after a transient failure; doubles on each attempt
     * @param maxInterval     cap of the exponential backoff (the record is retried at this pace for
     *                        as long as the outage lasts); keep it well under {@code max.poll.interval.ms}
     */
    public record Retry(
            @DefaultValue("500ms") @NotNull Duration initialInterval,
            @DefaultValue("30s") @NotNull Duration maxInterval) {
    }
}
