package org.originbridge.ccpit.config;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the accepted declarations are taken in (issue 11): one poll's records at a time, concurrently per declaration.
 *
 * @param concurrency     e-CO requests in flight at once in this instance, over every partition it owns
 *                        (ISSUANCE_CONCURRENCY); each is mostly waiting for the issuing authority
 * @param retryInPlaceFor how long a batch retries a transient failure in place before handing the record to the
 *                        container's error handling (well under max.poll.interval.ms, 5 min)
 */
@Validated
@ConfigurationProperties("originbridge.ccpit.listener")
public record IssuanceListenerProperties(
        @Min(1) @Max(1024) @DefaultValue("64") int concurrency,
        @NotNull @DefaultValue("60s") Duration retryInPlaceFor) {
}
