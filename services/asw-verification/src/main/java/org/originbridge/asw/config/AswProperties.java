package org.originbridge.asw.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.originbridge.asw.domain.Routing;
import org.originbridge.platform.resilience.ExternalCallSettings;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * asw-verification's settings, validated at start: without OAuth2 client credentials
 * ({@code originbridge.asw.oauth.*}) a missing client token stops the service with a message
 * naming {@code originbridge.asw.client-token} (ASW_CLIENT_TOKEN).
 *
 * <p>Verification channels (one per destination, {@link Routing}): every channel is configured by
 * default, at {@code base-url} + {@code /asw/nsw/<ISO2>} for the ASEAN Member States' national
 * single windows and {@code base-url} + {@code /customs/<ISO2>} for the partners' customs, with the
 * shared credentials. {@code channels.<ID>} overrides a channel's base URL and credentials
 * ({@code originbridge.asw.channels.ASW-MY.base-url}, {@code .client-token}, {@code .oauth.*});
 * {@code disabled-channels} (ASW_DISABLED_CHANNELS) lists channels not configured here: their
 * destinations get NOT_APPLICABLE.
 *
 * @param baseUrl                 root of the channels (the sandbox), ASW_BASE_URL
 * @param clientToken             static bearer token, ASW_CLIENT_TOKEN (no default); unused when {@code oauth} is configured
 * @param oauth                   OAuth2 client credentials (ASW_OAUTH_TOKEN_URI, ASW_OAUTH_CLIENT_ID, ASW_OAUTH_CLIENT_SECRET)
 * @param connectTimeout          TCP connect timeout
 * @param readTimeout             response timeout of one attempt
 * @param verificationCodeTtl     validity of a signed verification code
 * @param publishTimeout          wait for the broker's acknowledgement of the published event
 * @param retry                   ExternalCall retries and circuit breaker (one breaker, system {@code asw}, for all channels)
 * @param channels                per-channel overrides, by channel id (ASW-MY, JP-CUSTOMS, ...)
 * @param disabledChannels        channel ids not configured in this deployment
 * @param concurrency             verifications in flight at once in this instance (ASW_CONCURRENCY)
 * @param maxRetryAfter           longest a channel's Retry-After holds its calls back
 * @param revocationPollInterval  how often each channel is asked for revoked certificates (ASW_REVOCATION_POLL_INTERVAL)
 * @param retryInPlaceFor         how long a batch retries a transient failure in place before handing the record to the
 *                                container's error handling (well under max.poll.interval.ms, 5 min)
 */
@Validated
@ConfigurationProperties("originbridge.asw")
public record AswProperties(
        @NotNull URI baseUrl,
        String clientToken,
        @Valid @NotNull @DefaultValue OAuth oauth,
        @NotNull @DefaultValue("2s") Duration connectTimeout,
        @NotNull @DefaultValue("10s") Duration readTimeout,
        @NotNull @DefaultValue("365d") Duration verificationCodeTtl,
        @NotNull @DefaultValue("10s") Duration publishTimeout,
        @Valid @NotNull @DefaultValue Retry retry,
        Map<String, ChannelOverride> channels,
        List<String> disabledChannels,
        @Min(1) @Max(1024) @DefaultValue("64") int concurrency,
        @NotNull @DefaultValue("30s") Duration maxRetryAfter,
        @NotNull @DefaultValue("10s") Duration revocationPollInterval,
        @NotNull @DefaultValue("60s") Duration retryInPlaceFor) {

    public AswProperties {
        channels = normalise(channels);
        disabledChannels = disabledChannels == null ? List.of()
                : disabledChannels.stream().map(String::trim).filter(s -> !s.isEmpty()).map(s -> s.toUpperCase(Locale.ROOT)).toList();
        if (!oauth.enabled() && (clientToken == null || clientToken.isBlank())) {
            throw new IllegalArgumentException("originbridge.asw.client-token (ASW_CLIENT_TOKEN) must not be blank "
                    + "unless originbridge.asw.oauth.token-uri (ASW_OAUTH_TOKEN_URI) is set");
        }
        for (String id : channels.keySet()) {
            if (Routing.party(id).isEmpty()) {
                throw new IllegalArgumentException("originbridge.asw.channels." + id + ": not a channel id (ASW-<ASEAN ISO2> or "
                        + "<JP|KR|AU|NZ|CN>-CUSTOMS)");
            }
        }
    }

    /** A channel as configured: its base URL and credentials. */
    public record Resolved(String id, URI baseUrl, String clientToken, OAuth oauth) {}

    /** Every channel configured in this deployment (all of {@link Routing}'s but the disabled ones). */
    public List<Resolved> resolvedChannels() {
        List<String> ids = new java.util.ArrayList<>();
        Routing.ASEAN.stream().sorted().forEach(p -> ids.add("ASW-" + p));
        Routing.PARTNERS.stream().sorted().forEach(p -> ids.add(p + "-CUSTOMS"));
        return ids.stream().filter(id -> !disabledChannels.contains(id)).map(this::resolve).toList();
    }

    Resolved resolve(String id) {
        ChannelOverride o = channels.getOrDefault(id, new ChannelOverride(null, null, null));
        String party = Routing.party(id).orElseThrow();
        String root = baseUrl.toString().replaceAll("/+$", "");
        URI url = o.baseUrl() != null ? o.baseUrl()
                : URI.create(root + (id.startsWith("ASW-") ? "/asw/nsw/" + party : "/customs/" + party));
        boolean ownCredentials = (o.clientToken() != null && !o.clientToken().isBlank()) || (o.oauth() != null && o.oauth().enabled());
        return ownCredentials ? new Resolved(id, url, o.clientToken(), o.oauth() == null ? new OAuth(null, null, null) : o.oauth())
                : new Resolved(id, url, clientToken, oauth);
    }

    private static Map<String, ChannelOverride> normalise(Map<String, ChannelOverride> channels) {
        Map<String, ChannelOverride> out = new TreeMap<>();
        if (channels != null) {
            channels.forEach((id, o) -> out.put(id.trim().toUpperCase(Locale.ROOT), o));
        }
        return Map.copyOf(out);
    }

    /** One channel's own base URL and credentials; each null = the shared one. */
    public record ChannelOverride(URI baseUrl, String clientToken, @Valid OAuth oauth) {

        @Override
        public String toString() {
            return "ChannelOverride[baseUrl=" + baseUrl + ", oauth=" + oauth + "]";
        }
    }

    /** OAuth2 client credentials at a channel's token endpoint; all three or none. */
    public record OAuth(String tokenUri, String clientId, String clientSecret) {

        public OAuth {
            boolean any = notBlank(tokenUri) || notBlank(clientId) || notBlank(clientSecret);
            if (any && !(notBlank(tokenUri) && notBlank(clientId) && notBlank(clientSecret))) {
                throw new IllegalArgumentException("originbridge.asw.oauth needs token-uri, client-id and client-secret "
                        + "(ASW_OAUTH_TOKEN_URI, ASW_OAUTH_CLIENT_ID, ASW_OAUTH_CLIENT_SECRET) together");
            }
        }

        public boolean enabled() {
            return notBlank(tokenUri);
        }

        private static boolean notBlank(String s) {
            return s != null && !s.isBlank();
        }

        @Override
        public String toString() {
            return "OAuth[tokenUri=" + tokenUri + ", clientId=" + clientId + "]";
        }
    }

    @Override
    public String toString() {
        return "AswProperties[baseUrl=" + baseUrl + ", oauth=" + oauth + ", channels=" + channels + ", disabledChannels="
                + disabledChannels + ", concurrency=" + concurrency + "]";
    }

    public record Retry(
            @Min(1) @Max(10) @DefaultValue("4") int maxAttempts,
            @NotNull @DefaultValue("200ms") Duration initialBackoff,
            @NotNull @DefaultValue("3s") Duration maxBackoff,
            @Min(1) @Max(100) @DefaultValue("50") float failureRateThreshold,
            @Min(1) @DefaultValue("20") int slidingWindowSize,
            @NotNull @DefaultValue("15s") Duration openStateWait) {

        ExternalCallSettings toSettings() {
            return new ExternalCallSettings(maxAttempts, initialBackoff, maxBackoff, failureRateThreshold, slidingWindowSize,
                    openStateWait);
        }
    }
}
