package org.originbridge.platform.security;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * HTTP security of a service (the token validation itself is Boot's
 * {@code spring.security.oauth2.resourceserver.jwt.*}, set by the platform's defaults).
 *
 * @param publicPaths             path patterns open without a token (a website's verification entry,
 *                                signed webhooks); rate-limited per client address and the only paths
 *                                with a CORS policy
 * @param publicRequestsPerMinute per client address, on public paths
 * @param access                  per-endpoint scope rules, checked in order; a request no rule names
 *                                still needs a valid token
 * @param cors                    the CORS policy of the public paths
 */
@Validated
@ConfigurationProperties("originbridge.security")
public record SecurityProperties(
        @DefaultValue List<String> publicPaths,
        @DefaultValue("120") @Min(1) int publicRequestsPerMinute,
        @DefaultValue List<@Valid AccessRule> access,
        @DefaultValue @Valid Cors cors) {

    /**
     * One endpoint rule: requests matching {@code method} (any method when blank) and {@code path}
     * need at least one of {@code scopes}.
     */
    public record AccessRule(String method, @NotBlank String path, @NotEmpty List<String> scopes) {
    }

    /**
     * @param allowedOrigins origins allowed to call the public paths from a browser; none by default
     * @param bearerPaths    protected path patterns a browser page on {@code bearerOrigins} may call
     *                       with an access token ({@code Authorization: Bearer}); none by default
     * @param bearerOrigins  origins allowed on {@code bearerPaths} (GET/HEAD, header Authorization, no
     *                       cookies); none by default
     */
    public record Cors(@DefaultValue List<String> allowedOrigins, @DefaultValue List<String> bearerPaths,
            @DefaultValue List<String> bearerOrigins) {
    }
}
