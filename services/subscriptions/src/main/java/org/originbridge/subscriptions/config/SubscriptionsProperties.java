package org.originbridge.subscriptions.config;

import java.time.Duration;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.originbridge.subscriptions.domain.RetrySchedule;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the webhook dispatcher and the streams (application.yml documents each).
 *
 * @param allowedHosts   hosts exempt from the SSRF address check and allowed over plain http (local use only)
 * @param connectTimeout TCP connect timeout of one attempt
 * @param readTimeout    socket/response timeout of one attempt
 * @param lease          how long a claimed delivery stays with its dispatcher (longer than an attempt)
 * @param pollInterval   pause between dispatch rounds
 * @param workers        bounded worker pool: at most this many attempts at once
 * @param batch          deliveries examined per round
 */
@Validated
@ConfigurationProperties("originbridge.subscriptions")
public record SubscriptionsProperties(
        @DefaultValue("") List<String> allowedHosts,
        @DefaultValue("2s") @NotNull Duration connectTimeout,
        @DefaultValue("10s") @NotNull Duration readTimeout,
        @DefaultValue("60s") @NotNull Duration lease,
        @DefaultValue("1s") @NotNull Duration pollInterval,
        @DefaultValue("8") @Min(1) @Max(256) int workers,
        @DefaultValue("200") @Min(1) @Max(10000) int batch,
        @DefaultValue("20") @Min(1) int maxSubscriptionsPerClient,
        @DefaultValue("10000") @Min(1) int maxReplay,
        @Valid @NotNull @DefaultValue Retry retry,
        @Valid @NotNull @DefaultValue Stream stream) {

    /** Exponential backoff with full jitter, see {@link RetrySchedule}. */
    public record Retry(@DefaultValue("30s") @NotNull Duration initialBackoff,
                        @DefaultValue("1h") @NotNull Duration maxBackoff,
                        @DefaultValue("12") @Min(1) int maxAttempts) {
        public RetrySchedule schedule() {
            return new RetrySchedule(initialBackoff, maxBackoff, maxAttempts);
        }
    }

    /**
     * SSE streams: at most {@code maxStreams} per instance, re-read every {@code pollInterval}, a comment
     * line every {@code heartbeat}, closed after {@code timeout} (the client reconnects with Last-Event-ID).
     */
    public record Stream(@DefaultValue("200") @Min(1) int maxStreams,
                         @DefaultValue("1s") @NotNull Duration pollInterval,
                         @DefaultValue("15s") @NotNull Duration heartbeat,
                         @DefaultValue("30m") @NotNull Duration timeout) {
    }

    @AssertTrue(message = "lease must be longer than connect-timeout + read-timeout")
    public boolean isLeaseLongerThanAnAttempt() {
        return lease == null || connectTimeout == null || readTimeout == null
                || lease.compareTo(connectTimeout.plus(readTimeout)) > 0;
    }
}
