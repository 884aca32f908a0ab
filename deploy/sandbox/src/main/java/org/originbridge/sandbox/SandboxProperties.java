package org.originbridge.sandbox;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Everything the sandbox can be told at start. Tokens have no default anywhere in the
 * repository: they come from the environment ({@code SANDBOX_ASW_TOKENS},
 * {@code SANDBOX_CCPIT_TOKENS}, {@code SANDBOX_DCSA_TOKENS}) or from a test.
 * {@code operatorToken} ({@code SANDBOX_OPERATOR_TOKEN}) opens the call ledger ({@code GET /sandbox/ledger});
 * empty = the ledger endpoint is off.
 */
@Validated
@ConfigurationProperties("sandbox")
public record SandboxProperties(
        @Valid @NotNull @DefaultValue Latency latency,
        @DecimalMin("0.0") @DecimalMax("1.0") @DefaultValue("0") double failureRate,
        @Valid @NotNull @DefaultValue RateLimit rateLimit,
        @Valid @NotNull @DefaultValue Asw asw,
        @Valid @NotNull @DefaultValue Ccpit ccpit,
        @Valid @NotNull @DefaultValue Dcsa dcsa,
        @Valid @NotNull @DefaultValue ClockSettings clock,
        @NotNull @DefaultValue("5m") Duration accessTokenTtl,
        @NotNull @DefaultValue("") String operatorToken) {

    /** Artificial latency added to every party endpoint, uniformly drawn in [min, max]. */
    public record Latency(@NotNull @DefaultValue("20ms") Duration min, @NotNull @DefaultValue("80ms") Duration max) {}

    /** Requests per second across all party endpoints; 0 switches the limiter off. */
    public record RateLimit(@PositiveOrZero @DefaultValue("0") long perSecond) {}

    /**
     * Comma-separated bearer tokens accepted from ASW clients (customs brokers, our service), and
     * {@code clientId=secret} pairs that may get tokens from {@code POST /asw/oauth2/token}.
     */
    public record Asw(@DefaultValue("") String clientTokens, @DefaultValue("") String oauthClients) {}

    /**
     * {@code applicantId=token} pairs, comma-separated: CCPIT accepts an application only from the
     * applicant itself. {@code oauthClients}: {@code applicantId=secret} pairs that may get a token
     * for that applicant from {@code POST /ccpit/oauth2/token}. {@code step} is the time between
     * two status changes.
     */
    public record Ccpit(@DefaultValue("") String applicantTokens, @DefaultValue("") String oauthClients,
            @NotNull @DefaultValue("2s") Duration step) {}

    /**
     * DCSA feed: {@code step} between two simulated events; {@code deliveryInterval} between two
     * webhook delivery rounds; tokens are optional (empty = the feed is open, as many carrier
     * sandboxes are); {@code oauthClients} ({@code clientId=secret}) may get tokens from
     * {@code POST /dcsa/oauth2/token}; callbacks only go to the listed hosts.
     */
    public record Dcsa(
            @DefaultValue("") String clientTokens,
            @DefaultValue("") String oauthClients,
            @NotNull @DefaultValue("2s") Duration step,
            @NotNull @DefaultValue("500ms") Duration deliveryInterval,
            @DefaultValue({"127.0.0.1", "localhost", "::1", "[::1]"}) List<String> callbackAllowedHosts) {}

    /** Whether {@code POST /sandbox/clock/advance} may move the sandbox's clock forward. */
    public record ClockSettings(@DefaultValue("true") boolean adjustable) {}
}
