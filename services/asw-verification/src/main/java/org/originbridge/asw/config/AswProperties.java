package org.originbridge.asw.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import org.originbridge.platform.resilience.ExternalCallSettings;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * asw-verification's settings, validated at start: without OAuth2 client credentials
 * ({@code originbridge.asw.oauth.*}) a missing client token stops the service with a message
 * naming {@code originbridge.asw.client-token} (ASW_CLIENT_TOKEN).
 *
 * @param baseUrl               ASW (or the sandbox) base URL, ASW_BASE_URL
 * @param clientToken           static bearer token issued to us by ASW, ASW_CLIENT_TOKEN (no default); unused
 *                              when {@code oauth} is configured
 * @param oauth                 OAuth2 client credentials at ASW's token endpoint (ASW_OAUTH_TOKEN_URI,
 *                              ASW_OAUTH_CLIENT_ID, ASW_OAUTH_CLIENT_SECRET); when the token URI is set,
 *                              every call carries a token obtained (and renewed) with the client_credentials grant
 * @param connectTimeout        TCP connect timeout
 * @param readTimeout           response timeout of one attempt
 * @param verificationCodeTtl   validity of a signed verification code
 * @param publishTimeout        wait for the broker's acknowledgement of the published event
 * @param retry                 ExternalCall retries and circuit breaker for ASW
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
        @Valid @NotNull @DefaultValue Retry retry) {

    public AswProperties {
        if (!oauth.enabled() && (clientToken == null || clientToken.isBlank())) {
            throw new IllegalArgumentException("originbridge.asw.client-token (ASW_CLIENT_TOKEN) must not be blank "
                    + "unless originbridge.asw.oauth.token-uri (ASW_OAUTH_TOKEN_URI) is set");
        }
    }

    /** OAuth2 client credentials at ASW; all three or none. */
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
