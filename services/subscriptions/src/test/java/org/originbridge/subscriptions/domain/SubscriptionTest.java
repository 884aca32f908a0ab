package org.originbridge.subscriptions.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** Secret rotation: who signs during and after the grace period. */
class SubscriptionTest {

    private static final Instant NOW = Instant.parse("2026-11-30T03:00:00Z");
    private final Subscription original = new Subscription("sub_1", "c", new Viewer(false, Set.of("SUP-A"), null, false),
            URI.create("https://hooks.example.com/x"), Set.of(EventType.SCORE_CHANGED), "whsec_old", NOW);

    @Test
    void duringTheGracePeriodBothSecretsSignThenOnlyTheNewOne() {
        Subscription rotated = original.rotated("whsec_new", Duration.ofHours(1), NOW);

        assertThat(original.signingSecrets(NOW)).containsExactly("whsec_old");
        assertThat(rotated.signingSecrets(NOW)).containsExactly("whsec_new", "whsec_old");
        assertThat(rotated.signingSecrets(NOW.plus(Duration.ofMinutes(59)))).containsExactly("whsec_new", "whsec_old");
        assertThat(rotated.signingSecrets(NOW.plus(Duration.ofHours(1)))).containsExactly("whsec_new");
    }

    @Test
    void noGraceDropsTheOldSecretAtOnceAndASecondRotationDropsTheOldest() {
        assertThat(original.rotated("whsec_new", Duration.ZERO, NOW).signingSecrets(NOW)).containsExactly("whsec_new");

        Subscription twice = original.rotated("whsec_2", Duration.ofHours(1), NOW).rotated("whsec_3", Duration.ofHours(1), NOW);
        assertThat(twice.signingSecrets(NOW)).containsExactly("whsec_3", "whsec_2");
    }
}
