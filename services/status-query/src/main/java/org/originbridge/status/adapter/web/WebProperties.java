package org.originbridge.status.adapter.web;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Settings of the public verification face (docs/services/status-query.md "Web").
 *
 * @param publicBaseUrl  where people reach this service (ORIGINBRIDGE_PUBLIC_BASE_URL): the QR code encodes
 *                       {@code <publicBaseUrl>/verify/<reference>?code=<short code>}, snippets use it; unset = the
 *                       scheme, host and port of the request being answered
 * @param frameAncestors origins that may frame {@code /embed/frame} (CSP frame-ancestors); empty = the CORS
 *                       allowed origins ({@code originbridge.security.cors.allowed-origins}); both empty = nobody
 * @param live           the live update streams
 */
@Validated
@ConfigurationProperties("originbridge.web")
public record WebProperties(URI publicBaseUrl,
        @DefaultValue List<String> frameAncestors, @Valid @NotNull @DefaultValue Live live) {

    /**
     * @param maxStreams   open streams per instance; one more is answered 503 with Retry-After
     * @param timeout      a stream is closed after this long (the browser's EventSource reconnects)
     * @param pollInterval how often each instance re-reads the shared read model for the references it streams
     * @param heartbeat    a comment line is sent this often so proxies keep the stream open
     */
    public record Live(@Min(1) @Max(100_000) @DefaultValue("500") int maxStreams,
            @NotNull @DefaultValue("10m") Duration timeout,
            @NotNull @DefaultValue("2s") Duration pollInterval,
            @NotNull @DefaultValue("20s") Duration heartbeat) {
    }

    /** The configured base URL without a trailing slash, else the current request's scheme, host and port. */
    public String base() {
        String s = publicBaseUrl == null || publicBaseUrl.toString().isBlank()
                ? ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString()
                : publicBaseUrl.toString();
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
