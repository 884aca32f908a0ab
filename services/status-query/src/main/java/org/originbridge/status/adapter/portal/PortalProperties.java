package org.originbridge.status.adapter.portal;

import java.net.URI;
import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The importer portal ({@code originbridge.portal.*}).
 *
 * @param publicBaseUrl where status-query is reached from outside (STATUS_QUERY_PUBLIC_URL): the QR
 *                      code in the PDF points at {@code <publicBaseUrl>/api/v1/public/qr/<token>}
 * @param listLimit     most e-COs listed on the portal's first page
 * @param copyValidity  how long the signature of a downloaded signed copy stays valid ({@code exp});
 *                      the certificate's own validity (RCEP: one year)
 * @param copyType      the JWS {@code typ} of signed copies
 */
@Validated
@ConfigurationProperties("originbridge.portal")
public record PortalProperties(
        @NotNull @DefaultValue("http://127.0.0.1:8080") URI publicBaseUrl,
        @Min(1) @Max(500) @DefaultValue("100") int listLimit,
        @NotNull @DefaultValue("365d") Duration copyValidity,
        @NotNull @DefaultValue("originbridge-eco-copy") String copyType) {

    /** What an e-CO's QR code encodes: the public QR check of its token (null without a token). */
    public String qrUrl(String qrToken) {
        return qrToken == null ? null : base() + "/api/v1/public/qr/" + qrToken;
    }

    /** The public base URL without a trailing slash. */
    public String base() {
        String s = publicBaseUrl.toString();
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
