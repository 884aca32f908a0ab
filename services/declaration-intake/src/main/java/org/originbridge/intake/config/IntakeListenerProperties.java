package org.originbridge.intake.config;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How coo-declarations-submitted is taken in (issue 11): one poll's records at a time, screened concurrently per
 * declaration id, the batch's offsets committed only when every record is done.
 *
 * @param concurrency     declarations screened at once in this instance, over every partition it owns
 *                        (INTAKE_CONCURRENCY): each waits for MongoDB round trips (ownership) and for the broker's
 *                        acknowledgement of its verdict, so several in flight keep the CPU busy
 * @param retryInPlaceFor how long a batch retries a transient failure in place before handing the record to the
 *                        container's error handling (well under max.poll.interval.ms, 5 min)
 */
@Validated
@ConfigurationProperties("originbridge.intake.listener")
public record IntakeListenerProperties(
        @Min(1) @Max(256) @DefaultValue("16") int concurrency,
        @NotNull @DefaultValue("60s") Duration retryInPlaceFor) {
}
