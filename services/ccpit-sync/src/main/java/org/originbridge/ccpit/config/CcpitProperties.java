package org.originbridge.ccpit.config;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

import org.originbridge.platform.resilience.ExternalCallSettings;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of ccpit-sync.
 *
 * @param baseUrl          CCPIT origin platform (CCPIT_BASE_URL; the sandbox locally)
 * @param applicantTokens  {@code supplierId=token,...} (CCPIT_APPLICANT_TOKENS): each exporter's own credential
 * @param pollInterval     between two status checks of an open application
 * @param issuedRecheck    between two checks of an issued certificate for a revocation (0 = never)
 * @param lease            how long one instance reserves an application it polls
 * @param resendGrace      a stored status change unpublished for longer than this is re-sent
 * @param batchSize        applications per polling round
 * @param documentTypes    declaration types that need an e-CO (a Declaration of Origin is self-issued)
 * @param connectTimeout   HTTP connect timeout
 * @param readTimeout      HTTP read timeout
 * @param publishTimeout   longest wait for the broker's acknowledgement of a published status (a timeout
 *                         fails the record: retried, then dead-lettered)
 * @param retry            retries and circuit breaker of the CCPIT calls
 * @param qr               dynamic QR tokens
 * @param oauth            per-applicant OAuth2 client credentials at CCPIT's token endpoint
 * @param pollConcurrency  status checks of one polling round run at most this many at a time
 * @param vnMoit           Viet Nam's issuing authority (VN-MOIT), for exporters whose country is VN
 * @param callback         signed status notifications pushed by the issuing authorities
 */
@Validated
@ConfigurationProperties("originbridge.ccpit")
public record CcpitProperties(
        @NotNull @DefaultValue("http://127.0.0.1:8090") URI baseUrl,
        @DefaultValue("") String applicantTokens,
        @NotNull @DefaultValue("5s") Duration pollInterval,
        @NotNull @DefaultValue("60s") Duration issuedRecheck,
        @NotNull @DefaultValue("30s") Duration lease,
        @NotNull @DefaultValue("30s") Duration resendGrace,
        @DefaultValue("50") @Min(1) int batchSize,
        @NotEmpty @DefaultValue("CERTIFICATE_OF_ORIGIN") List<String> documentTypes,
        @NotNull @DefaultValue("2s") Duration connectTimeout,
        @NotNull @DefaultValue("10s") Duration readTimeout,
        @NotNull @DefaultValue("10s") Duration publishTimeout,
        @Valid @NotNull @DefaultValue Retry retry,
        @Valid @NotNull @DefaultValue Qr qr,
        @Valid @NotNull @DefaultValue OAuth oauth,
        @DefaultValue("16") @Min(1) int pollConcurrency,
        @Valid @NotNull @DefaultValue VnMoit vnMoit,
        @Valid @NotNull @DefaultValue Callback callback) {

    /**
     * Viet Nam's Ministry of Industry and Trade (eCoSys style), id VN-MOIT.
     *
     * @param enabled         false: Viet Nam has no issuing authority here (its COs end FAILED, never filed elsewhere)
     * @param baseUrl         VN_MOIT_BASE_URL (the sandbox locally)
     * @param applicantTokens {@code supplierId=token,...} (VN_MOIT_APPLICANT_TOKENS): each Vietnamese exporter's own token
     * @param retry           retries and circuit breaker of the VN-MOIT calls
     */
    public record VnMoit(@DefaultValue("true") boolean enabled,
            @NotNull @DefaultValue("http://127.0.0.1:8090") URI baseUrl,
            @DefaultValue("") String applicantTokens,
            @Valid @NotNull @DefaultValue Retry retry) {
    }

    /**
     * Status notifications: {@code POST /api/v1/issuing-authorities/{authority}/notifications}, HMAC-SHA256 signed the
     * Standard Webhooks way with the authority's shared secret; they only trigger an immediate status check.
     *
     * @param secrets   {@code authorityId=secret,...} (ISSUANCE_CALLBACK_SECRETS); an authority without one gets 404
     * @param tolerance accepted distance between the signature's timestamp and now
     * @param maxBytes  larger bodies are refused (413)
     * @param retryAfter the {@code Retry-After} of a 503, answered when the check cannot be made now (the authority's
     *                  breaker open, the authority, MongoDB or the broker unavailable): the authority sends the
     *                  notification again, and the poller catches up anyway
     */
    public record Callback(@DefaultValue("") String secrets,
            @NotNull @DefaultValue("5m") Duration tolerance,
            @DefaultValue("16384") @Min(256) int maxBytes,
            @NotNull @DefaultValue("15s") Duration retryAfter) {
    }

    /**
     * OAuth2 client credentials per exporter tenant: CCPIT registers each applicant as its own client
     * (client id = applicant id = our supplierId). A supplier listed here gets its tokens from
     * {@code tokenUri} (client_secret_basic) instead of a static token from {@code applicantTokens}.
     *
     * @param tokenUri CCPIT's token endpoint (CCPIT_OAUTH_TOKEN_URI); required when clients are given
     * @param clients  {@code supplierId=clientSecret,...} (CCPIT_OAUTH_CLIENTS)
     */
    public record OAuth(@DefaultValue("") String tokenUri, @DefaultValue("") String clients) {
        public OAuth {
            if (clients != null && !clients.isBlank() && (tokenUri == null || tokenUri.isBlank())) {
                throw new IllegalArgumentException("CCPIT_OAUTH_CLIENTS needs CCPIT_OAUTH_TOKEN_URI");
            }
        }
    }

    /** Mirrors {@link ExternalCallSettings}. */
    public record Retry(
            @DefaultValue("4") @Min(1) int maxAttempts,
            @NotNull @DefaultValue("200ms") Duration initialBackoff,
            @NotNull @DefaultValue("3s") Duration maxBackoff,
            @DefaultValue("50") @DecimalMin("1") @DecimalMax("100") float failureRateThreshold,
            @DefaultValue("20") @Min(1) int slidingWindowSize,
            @NotNull @DefaultValue("15s") Duration openStateWait) {

        public ExternalCallSettings settings() {
            return new ExternalCallSettings(maxAttempts, initialBackoff, maxBackoff, failureRateThreshold,
                    slidingWindowSize, openStateWait);
        }
    }

    /**
     * @param publicBaseUrl status-query's public address (STATUS_QUERY_PUBLIC_URL): QR codes encode
     *                      {@code <publicBaseUrl>/api/v1/public/qr/<token>}
     * @param ttl           lifetime of the QR token, signed once per issued certificate (the certificate's validity)
     * @param size          PNG width and height in pixels
     */
    public record Qr(
            @NotNull @DefaultValue("http://127.0.0.1:8080") URI publicBaseUrl,
            @NotNull @DefaultValue("365d") Duration ttl,
            @DefaultValue("300") @Min(64) int size) {
    }
}
