package org.originbridge.platform.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import com.nimbusds.jose.jwk.JWK;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.originbridge.events.signing.SigningKeyPublished;

class SigningKeyPublisherTest {

    private static final Instant NOW = Instant.parse("2026-11-22T08:00:00Z");

    @TempDir
    Path dir;

    @Test
    void theEventCarriesThePublicHalfOnlyWithItsServiceAndValidity() throws Exception {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        SigningKeys keys = new SigningKeys(dir, "ccpit-sync", Duration.ofDays(400), clock);
        SigningKeys.SigningKey old = keys.current();
        keys.rotate();
        SigningKeyPublisher publisher = new SigningKeyPublisher(keys, null, Duration.ofSeconds(1), clock);

        SigningKeyPublished current = publisher.toEvent(keys.current(), true);
        SigningKeyPublished retired = publisher.toEvent(keys.published().stream().filter(k -> k.kid().equals(old.kid()))
                .findFirst().orElseThrow(), false);

        JWK jwk = JWK.parse(current.getJwk());
        assertThat(jwk.isPrivate()).isFalse();
        assertThat(current.getJwk()).doesNotContain("\"d\"");
        assertThat(jwk.getKeyID()).isEqualTo(current.getKid()).isEqualTo(keys.current().kid());
        assertThat(current.getService()).isEqualTo("ccpit-sync");
        assertThat(current.getAlgorithm()).isEqualTo("ES256");
        assertThat(current.getNotAfter()).isNull();
        assertThat(current.getPublishedAt()).isEqualTo(NOW);
        assertThat(retired.getNotAfter()).isEqualTo(NOW.plus(Duration.ofDays(400)));
        assertThat(retired.getCurrent()).isFalse();
    }
}
