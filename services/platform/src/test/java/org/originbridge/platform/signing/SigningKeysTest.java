package org.originbridge.platform.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SigningKeysTest {

    private static final Instant NOW = Instant.parse("2026-11-22T08:00:00Z");
    private static final Duration KEEP = Duration.ofDays(400);

    @TempDir
    Path dir;

    private SigningKeys at(Instant instant) {
        return new SigningKeys(dir.resolve("keys"), "asw-verification", KEEP, Clock.fixed(instant, ZoneOffset.UTC));
    }

    @Test
    void theFirstStartMakesAPrivateKeyOnlyTheOwnerCanRead() throws Exception {
        SigningKeys keys = at(NOW);

        Path file = dir.resolve("keys").resolve(keys.current().kid() + ".jwk.json");
        assertThat(file).exists();
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.getPosixFilePermissions(dir.resolve("keys"))).isEqualTo(PosixFilePermissions.fromString("rwx------"));
        assertThat(keys.current().jwk().isPrivate()).isTrue();
        assertThat(keys.current().publicJwk().isPrivate()).isFalse();
        assertThat(keys.current().publicJwk().toJSONObject()).doesNotContainKey("d");
    }

    @Test
    void aRestartKeepsTheSameKey() {
        String kid = at(NOW).current().kid();

        assertThat(at(NOW.plusSeconds(60)).current().kid()).isEqualTo(kid);
    }

    @Test
    void rotationMakesANewKeyCurrentAndKeepsTheOldOnePublishedUntilItsCodesExpire() {
        SigningKeys keys = at(NOW);
        String old = keys.current().kid();
        String token = new TokenSigner(keys, Clock.fixed(NOW, ZoneOffset.UTC)).sign("asw-verification", "d", Map.of(),
                Duration.ofDays(365));

        String fresh = keys.rotate().kid();

        assertThat(fresh).isNotEqualTo(old);
        assertThat(keys.published()).extracting(SigningKeys.SigningKey::kid).containsExactlyInAnyOrder(fresh, old);
        SigningKeys restarted = at(NOW.plus(Duration.ofDays(364)));
        assertThat(restarted.current().kid()).isEqualTo(fresh);
        assertThat(TokenVerifier.of(restarted, Clock.fixed(NOW.plus(Duration.ofDays(364)), ZoneOffset.UTC))
                .verify("asw-verification", "asw-verification", token)).containsEntry("sub", "d");
        SigningKeys muchLater = at(NOW.plus(KEEP).plusSeconds(1));
        assertThat(muchLater.published()).extracting(SigningKeys.SigningKey::kid).containsExactly(fresh);
        assertThat(dir.resolve("keys").resolve(old + ".jwk.json")).doesNotExist();
    }

    @Test
    void rotationByAgeHappensOnlyWhenTheKeyIsOlder() {
        String first = at(NOW).current().kid();

        SigningKeys notYet = at(NOW.plus(Duration.ofDays(10)));
        assertThat(notYet.rotateIfOlderThan(Duration.ofDays(90))).isFalse();
        assertThat(notYet.rotateIfOlderThan(Duration.ZERO)).isFalse();
        SigningKeys due = at(NOW.plus(Duration.ofDays(91)));
        assertThat(due.rotateIfOlderThan(Duration.ofDays(90))).isTrue();
        assertThat(due.current().kid()).isNotEqualTo(first);
    }

    @Test
    void aKeyFileOfAnotherServiceIsRefused() throws Exception {
        SigningKeys ccpit = new SigningKeys(dir.resolve("keys"), "ccpit-sync", KEEP, Clock.fixed(NOW, ZoneOffset.UTC));
        assertThat(ccpit.current().kid()).startsWith("ccpit-sync-");

        assertThatThrownBy(() -> at(NOW)).hasMessageContaining("is not a private EC P-256 key of asw-verification");
    }
}
