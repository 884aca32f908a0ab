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
 * @param secretGrace    after a secret rotation, how long the previous secret keeps signing by default
 * @param maxSecretGrace the longest grace period a rotation may ask for
 * @param encryption     the master keys that encrypt webhook secrets at rest
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
        @DefaultValue("24h") @NotNull Duration secretGrace,
        @DefaultValue("7d") @NotNull Duration maxSecretGrace,
        @Valid @NotNull @DefaultValue Encryption encryption,
        @Valid @NotNull @DefaultValue Retry retry,
        @Valid @NotNull @DefaultValue Stream stream) {

    /**
     * Where the AES-256-GCM master keys come from: {@code keys} ({@code kid:base64} entries, the first
     * encrypts; SUBSCRIPTIONS_ENCRYPTION_KEYS) or else {@code keyFile} (such lines, one per line; created
     * with a fresh key on first start; SUBSCRIPTIONS_ENCRYPTION_KEY_FILE). One of them is required.
     */
    public record Encryption(@DefaultValue("") List<String> keys, @DefaultValue("") String keyFile) {
    }

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

    @AssertTrue(message = "secret-grace must lie between 0 and max-secret-grace")
    public boolean isSecretGraceWithinItsMaximum() {
        return secretGrace == null || maxSecretGrace == null
                || (!secretGrace.isNegative() && secretGrace.compareTo(maxSecretGrace) <= 0);
    }

    @AssertTrue(message = "lease must be longer than connect-timeout + read-timeout")
    public boolean isLeaseLongerThanAnAttempt() {
        return lease == null || connectTimeout == null || readTimeout == null
                || lease.compareTo(connectTimeout.plus(readTimeout)) > 0;
    }
}
