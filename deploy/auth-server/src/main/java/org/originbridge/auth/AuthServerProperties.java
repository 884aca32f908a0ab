package org.originbridge.auth;

import java.nio.file.Path;
import java.time.Duration;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the local authorization server ({@code originbridge.auth.*}).
 *
 * @param dataDirectory where {@code clients.json} and {@code signing-keys.json} live
 *                      ({@code ORIGINBRIDGE_AUTH_DATA}; bin/originbridge passes {@code DATA/auth})
 * @param issuer        the {@code iss} of every token ({@code ORIGINBRIDGE_AUTH_ISSUER}, default
 *                      {@code http://127.0.0.1:${AUTH_PORT}}); blank = the URL each request came in on
 * @param accessTokenTtl lifetime of an access token
 */
@Validated
@ConfigurationProperties("originbridge.auth")
public record AuthServerProperties(
        @NotNull(message = "set ORIGINBRIDGE_AUTH_DATA: the directory for clients.json and signing-keys.json") Path dataDirectory,
        String issuer,
        @DefaultValue("15m") Duration accessTokenTtl) {

    public AuthServerProperties {
        if (accessTokenTtl == null || accessTokenTtl.isNegative() || accessTokenTtl.isZero()) {
            throw new IllegalArgumentException("originbridge.auth.access-token-ttl must be positive");
        }
        if (accessTokenTtl.compareTo(Duration.ofHours(1)) > 0) {
            throw new IllegalArgumentException("originbridge.auth.access-token-ttl must be at most 1h (was "
                    + accessTokenTtl + ")");
        }
    }
}
