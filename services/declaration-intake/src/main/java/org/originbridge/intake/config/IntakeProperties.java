package org.originbridge.intake.config;

import java.net.URI;
import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * declaration-intake settings.
 *
 * @param statusBaseUrl  base URL of status-query; the 202 answer points to {@code <it>/api/v1/declarations/<id>}
 *                       (STATUS_QUERY_PUBLIC_URL)
 * @param publishTimeout how long a send (HTTP submission or screening verdict) waits for the broker's acknowledgement
 * @param rules          which rule table the determination uses (docs/rules-of-origin.md)
 */
@Validated
@ConfigurationProperties("originbridge.intake")
public record IntakeProperties(
        @DefaultValue("http://127.0.0.1:8080") @NotNull URI statusBaseUrl,
        @DefaultValue("10s") @NotNull Duration publishTimeout,
        @DefaultValue @NotNull @jakarta.validation.Valid Rules rules) {

    /**
     * @param agreement               the agreement whose latest loaded rule table version is used (else the shipped
     *                                sample table)
     * @param declarationsHsEdition   the HS edition declarations' HS codes are read in (2012, 2017, 2022); they are
     *                                correlated into the table's edition
     * @param refresh                 how often the latest loaded version is looked up (the bound within which every
     *                                instance follows a load)
     */
    public record Rules(@DefaultValue("RCEP") @NotNull String agreement,
                        @DefaultValue("2022") @NotNull String declarationsHsEdition,
                        @DefaultValue("30s") @NotNull Duration refresh) {
    }

    /** The status URL of one declaration. */
    public URI statusUrl(String declarationId) {
        String base = statusBaseUrl.toString().replaceAll("/+$", "");
        return URI.create(base + "/api/v1/declarations/"
                + java.net.URLEncoder.encode(declarationId, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20"));
    }
}
