package org.originbridge.platform.kafka;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the platform treats records that fail: bad data goes to the dead-letter topic at once,
 * anything else is retried with bounded exponential backoff first.
 *
 * @param partitions     partitions of the topics the platform creates
 * @param replicationFactor replication factor of the topics the platform creates
 * @param retry          container-level retry of a failing record before it is dead-lettered
 */
@Validated
@ConfigurationProperties("originbridge.kafka")
public record KafkaPlatformProperties(
        @DefaultValue("3") @Min(1) int partitions,
        @DefaultValue("1") @Min(1) short replicationFactor,
        @DefaultValue @NotNull Retry retry) {

    /**
     * @param maxAttempts     retries after the first failure
     * @param initialInterval first backoff
     * @param maxInterval     cap of the exponential backoff
     */
    public record Retry(
            @DefaultValue("4") @Min(0) int maxAttempts,
            @DefaultValue("500ms") @NotNull Duration initialInterval,
            @DefaultValue("10s") @NotNull Duration maxInterval) {
    }
}
