package org.originbridge.platform.security;

import java.util.List;

import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * API authentication of a service.
 *
 * @param apiKeys                keys accepted on {@code /api/**} (ORIGINBRIDGE_API_KEYS, comma separated);
 *                               none configured means every protected request is refused
 * @param publicPaths            path patterns open without a key (e.g. a website's verification entry)
 * @param publicRequestsPerMinute per client address, on public paths
 */
@Validated
@ConfigurationProperties("originbridge.security")
public record SecurityProperties(
        @DefaultValue List<String> apiKeys,
        @DefaultValue List<String> publicPaths,
        @DefaultValue("120") @Min(1) int publicRequestsPerMinute) {
}
