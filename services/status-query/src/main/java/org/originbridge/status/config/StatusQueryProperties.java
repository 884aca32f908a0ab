package org.originbridge.status.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of status-query.
 *
 * @param tokens the JWS token types this service checks (must match what the signing services use)
 * @param list   paging of the declaration list
 * @param links  other services' URLs the views link to
 */
@Validated
@ConfigurationProperties("originbridge.status")
public record StatusQueryProperties(@Valid @NotNull @DefaultValue Tokens tokens, @Valid @NotNull @DefaultValue Paging list,
        @Valid @NotNull @DefaultValue Links links) {

    /** @param ccpitSync where ccpit-sync serves the issued certificate documents the status view links to */
    public record Links(@NotBlank @DefaultValue("http://127.0.0.1:8103") String ccpitSync) {
    }

    /**
     * @param verificationCodeType   type (JWS {@code typ}) of the verification codes asw-verification signs
     * @param qrTokenType            type of the tokens behind the e-CO's dynamic QR code (ccpit-sync)
     * @param verificationCodeSigner the only service whose published keys may sign verification codes
     * @param qrTokenSigner          the only service whose published keys may sign QR tokens
     */
    public record Tokens(@NotBlank @DefaultValue("asw-verification") String verificationCodeType,
            @NotBlank @DefaultValue("ccpit-qr") String qrTokenType,
            @NotBlank @DefaultValue("asw-verification") String verificationCodeSigner,
            @NotBlank @DefaultValue("ccpit-sync") String qrTokenSigner) {
    }

    /**
     * @param defaultLimit page size when the request gives none
     * @param maxLimit     largest page size a request may ask for
     */
    public record Paging(@Min(1) @DefaultValue("20") int defaultLimit, @Min(1) @Max(1000) @DefaultValue("100") int maxLimit) {
    }
}
