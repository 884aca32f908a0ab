package org.originbridge.auth.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SigningKeysTest {

    @TempDir
    Path data;

    @Test
    void theFirstStartCreatesAnEs256KeyWithAKidInAnOwnerOnlyFile() throws Exception {
        SigningKeys keys = SigningKeys.loadOrCreate(data);

        ECKey key = keys.active();
        assertThat(key.getCurve()).isEqualTo(Curve.P_256);
        assertThat(key.getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
        assertThat(key.getKeyID()).isEqualTo(key.computeThumbprint().toString());
        assertThat(key.isPrivate()).isTrue();
        Path file = data.resolve(SigningKeys.FILE_NAME);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void aRestartReusesTheSameKey() throws Exception {
        SigningKeys first = SigningKeys.loadOrCreate(data);
        String token = sign(first.active(), "hello");

        SigningKeys second = SigningKeys.loadOrCreate(data);

        assertThat(second.active().getKeyID()).isEqualTo(first.active().getKeyID());
        assertThat(verify(second.publicKeys().getKeyByKeyId(first.active().getKeyID()), token)).isTrue();
    }

    @Test
    void thePublishedKeysHaveNoPrivateParts() {
        SigningKeys keys = SigningKeys.loadOrCreate(data);
        keys.rotate();

        assertThat(keys.publicKeys().getKeys()).hasSize(2).noneMatch(JWK::isPrivate);
        assertThat(keys.publicKeys().toString()).doesNotContain("\"d\"");
    }

    @Test
    void rotationSignsWithTheNewKeyAndKeepsTheOldOneVerifiableAcrossARestart() throws Exception {
        SigningKeys keys = SigningKeys.loadOrCreate(data);
        ECKey old = keys.active();
        String oldToken = sign(old, "signed before rotation");

        ECKey fresh = keys.rotate();

        assertThat(fresh.getKeyID()).isNotEqualTo(old.getKeyID());
        assertThat(keys.active().getKeyID()).isEqualTo(fresh.getKeyID());
        SigningKeys reloaded = SigningKeys.loadOrCreate(data);
        assertThat(reloaded.active().getKeyID()).isEqualTo(fresh.getKeyID());
        assertThat(verify(reloaded.publicKeys().getKeyByKeyId(old.getKeyID()), oldToken)).isTrue();
        assertThat(verify(reloaded.publicKeys().getKeyByKeyId(fresh.getKeyID()), oldToken)).isFalse();
    }

    @Test
    void onlyTheNewestKeysAreRetained() {
        SigningKeys keys = SigningKeys.loadOrCreate(data);
        String first = keys.active().getKeyID();
        for (int i = 0; i < SigningKeys.RETAINED + 1; i++) {
            keys.rotate();
        }

        assertThat(keys.all().getKeys()).hasSize(SigningKeys.RETAINED);
        assertThat(keys.all().getKeyByKeyId(first)).isNull();
        assertThat(SigningKeys.loadOrCreate(data).all().getKeys()).hasSize(SigningKeys.RETAINED);
    }

    @Test
    void aFileWithoutPrivateKeysIsRefused() throws IOException {
        SigningKeys keys = SigningKeys.loadOrCreate(data);
        Files.writeString(data.resolve(SigningKeys.FILE_NAME), keys.publicKeys().toString());

        assertThatThrownBy(() -> SigningKeys.loadOrCreate(data)).hasMessageContaining("private EC P-256 key");
    }

    private static String sign(ECKey key, String payload) throws Exception {
        JWSObject jws = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID()).build(),
                new Payload(payload));
        jws.sign(new ECDSASigner(key));
        return jws.serialize();
    }

    private static boolean verify(JWK key, String token) throws Exception {
        return JWSObject.parse(token).verify(new ECDSAVerifier(key.toECKey()));
    }
}
