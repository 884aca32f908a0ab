package org.originbridge.subscriptions.adapter.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** AES-256-GCM at rest: round trip, bound to its place, master key rotation, the key file, hostile key entries. */
class SecretKeyRingTest {

    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    @Test
    void aSealedSecretOpensInItsOwnPlaceOnlyAndNeverContainsThePlaintext() {
        SecretKeyRing ring = SecretKeyRing.of(List.of(SecretKeyRing.newEntry()));
        SecretKeyRing.Sealed sealed = ring.seal(SECRET, "subscriptions/sub_1/secret");

        assertThat(ring.open(sealed, "subscriptions/sub_1/secret")).isEqualTo(SECRET);
        assertThat(new String(sealed.ciphertext(), StandardCharsets.ISO_8859_1)).doesNotContain("MfKQ9r8G");
        assertThat(sealed.nonce()).hasSize(12);
        assertThat(ring.seal(SECRET, "subscriptions/sub_1/secret").nonce()).as("a fresh nonce per encryption").isNotEqualTo(sealed.nonce());
        assertThatThrownBy(() -> ring.open(sealed, "subscriptions/sub_2/secret")).as("copied into another subscription")
                .isInstanceOf(IllegalStateException.class);
        byte[] tampered = sealed.ciphertext().clone();
        tampered[0] ^= 1;
        assertThatThrownBy(() -> ring.open(new SecretKeyRing.Sealed(sealed.keyId(), sealed.nonce(), tampered), "subscriptions/sub_1/secret"))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> ring.open(new SecretKeyRing.Sealed("k-unknown", sealed.nonce(), sealed.ciphertext()), "subscriptions/sub_1/secret"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("not configured");
    }

    @Test
    void aNewMasterKeyPutFirstEncryptsWhileTheOldOneStillDecrypts() {
        String old = SecretKeyRing.newEntry();
        SecretKeyRing before = SecretKeyRing.of(List.of(old));
        SecretKeyRing.Sealed sealedBefore = before.seal(SECRET, "ctx");

        String fresh = SecretKeyRing.newEntry();
        SecretKeyRing after = SecretKeyRing.of(List.of(fresh, old));

        assertThat(after.currentKeyId()).isEqualTo(fresh.substring(0, fresh.indexOf(':')));
        assertThat(after.open(sealedBefore, "ctx")).isEqualTo(SECRET);
        assertThat(after.seal(SECRET, "ctx").keyId()).isEqualTo(after.currentKeyId());
    }

    @Test
    void theKeyFileIsCreatedOnFirstUseOwnerOnlyAndReadBackTheSame(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("subscriptions").resolve("secret-keys");
        SecretKeyRing first = SecretKeyRing.fromFile(file);
        SecretKeyRing.Sealed sealed = first.seal(SECRET, "ctx");

        SecretKeyRing again = SecretKeyRing.fromFile(file);

        assertThat(again.currentKeyId()).isEqualTo(first.currentKeyId());
        assertThat(again.open(sealed, "ctx")).isEqualTo(SECRET);
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent()))).isEqualTo("rwx------");
        }
    }

    @Test
    void brokenOrHostileKeyEntriesAreRefused() {
        String good = SecretKeyRing.newEntry();
        String key = good.substring(good.indexOf(':') + 1);
        for (List<String> entries : List.of(List.<String>of(), List.of(""), List.of("no-colon"), List.of("k1:not base64!"),
                List.of("k1:AAAA"), List.of("k 1:" + key), List.of("../k:" + key), List.of("k1:" + key, "k1:" + key),
                List.of("k".repeat(65) + ":" + key))) {
            assertThatThrownBy(() -> SecretKeyRing.of(entries)).as(entries.toString()).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(SecretKeyRing.of(List.of("# comment", " k1:" + key + " ")).currentKeyId()).isEqualTo("k1");
    }
}
