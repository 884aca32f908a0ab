package org.originbridge.logistics.config;

import java.nio.file.Path;
import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of logistics-ingestion.
 *
 * @param webhookSecret shared secret of DCSA subscription callbacks (DCSA_WEBHOOK_SECRET), at least 16 characters
 * @param poll          the port feed poller
 */
@Validated
@ConfigurationProperties("originbridge.logistics")
public record LogisticsProperties(
        @NotBlank(message = "set DCSA_WEBHOOK_SECRET (bin/originbridge generates one)")
        @Size(min = 16, message = "DCSA_WEBHOOK_SECRET must be at least 16 characters") String webhookSecret,
        @Valid @NotNull Poll poll) {

    /**
     * @param enabled         whether the poller runs
     * @param baseUrl         the DCSA feed (PORT_FEED_BASE_URL); {@code /dcsa/v2/events} is appended
     * @param token           optional bearer token for the feed (PORT_FEED_TOKEN)
     * @param interval        pause between two polls
     * @param initialDelay    pause before the first poll
     * @param limit           events per page ({@code limit} query parameter)
     * @param maxPages        pages read per poll at most
     * @param initialLookback how far back the first poll (no watermark yet) reaches
     * @param stateDirectory  where the watermark file lives (LOGISTICS_STATE_DIR)
     * @param maxAttempts     attempts per feed request (platform ExternalCall)
     * @param oauth           OAuth2 client credentials at the feed's token endpoint; when given, they
     *                        replace {@code token}
     */
    public record Poll(
            boolean enabled,
            @NotBlank String baseUrl,
            String token,
            @NotNull Duration interval,
            @NotNull Duration initialDelay,
            @Min(1) @Max(1000) int limit,
            @Min(1) int maxPages,
            @NotNull Duration initialLookback,
            @NotNull Path stateDirectory,
            @Min(1) int maxAttempts,
            @Valid @NotNull @DefaultValue OAuth oauth) {
    }

    /**
     * Client credentials for the port feed (PORT_FEED_OAUTH_TOKEN_URI, PORT_FEED_OAUTH_CLIENT_ID,
     * PORT_FEED_OAUTH_CLIENT_SECRET): all three or none.
     */
    public record OAuth(@DefaultValue("") String tokenUri, @DefaultValue("") String clientId,
            @DefaultValue("") String clientSecret) {

        public OAuth {
            boolean any = notBlank(tokenUri) || notBlank(clientId) || notBlank(clientSecret);
            if (any && !(notBlank(tokenUri) && notBlank(clientId) && notBlank(clientSecret))) {
                throw new IllegalArgumentException("originbridge.logistics.poll.oauth needs token-uri, client-id and "
                        + "client-secret (PORT_FEED_OAUTH_TOKEN_URI, PORT_FEED_OAUTH_CLIENT_ID, PORT_FEED_OAUTH_CLIENT_SECRET) together");
            }
        }

        public boolean enabled() {
            return notBlank(tokenUri);
        }

        private static boolean notBlank(String s) {
            return s != null && !s.isBlank();
        }
    }
}
