package org.originbridge.platform.signing;

import java.nio.file.Path;
import java.time.Duration;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Token signing of a service that signs (asw-verification, ccpit-sync). Setting
 * {@code key-dir} switches it on.
 *
 * @param keyDir          SIGNING_KEY_DIR: where this service's private keys live (the
 *                        runtime's data directory; never the repository); created on first start
 * @param service         the signing service's name (in kids and on signing-keys); default spring.application.name
 * @param rotateNow       SIGNING_ROTATE_NOW=true: make a new key current at this start
 *                        (set it for one start only)
 * @param rotateAfter     make a new key current at start when the current one is older (0: never)
 * @param keepRetiredFor  how long a retired key stays published: longer than the longest token lifetime
 * @param publishTimeout  wait for the broker's acknowledgement of each published key
 */
@Validated
@ConfigurationProperties("originbridge.signing")
public record SigningProperties(
        Path keyDir,
        String service,
        @DefaultValue("false") boolean rotateNow,
        @NotNull @DefaultValue("0s") Duration rotateAfter,
        @NotNull @DefaultValue("400d") Duration keepRetiredFor,
        @NotNull @DefaultValue("10s") Duration publishTimeout) {
}
