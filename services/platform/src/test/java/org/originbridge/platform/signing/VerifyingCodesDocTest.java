package org.originbridge.platform.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;

/**
 * docs/verifying-codes.md's worked example: its JWKS block and its code block, checked with the
 * documented steps by a plain nimbus verifier (no OriginBridge class), at the example's instant.
 */
class VerifyingCodesDocTest {

    private static final Path DOC = Path.of("../../docs/verifying-codes.md");

    private static String block(String doc, String fence) {
        int start = doc.indexOf("```" + fence + "\n");
        assertThat(start).as("block %s in %s", fence, DOC).isNotNegative();
        int from = start + fence.length() + 4;
        return doc.substring(from, doc.indexOf("```", from)).trim();
    }

    @Test
    void theWorkedExampleVerifiesWithTheDocumentedSteps() throws Exception {
        String doc = Files.readString(DOC);
        JWKSet jwks = JWKSet.parse(block(doc, "json jwks"));
        SignedJWT jwt = SignedJWT.parse(block(doc, "text code"));

        assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
        String kid = jwt.getHeader().getKeyID();
        assertThat(kid).startsWith("asw-verification-");
        ECKey key = (ECKey) jwks.getKeyByKeyId(kid);
        assertThat(key).isNotNull();
        assertThat(key.isPrivate()).isFalse();
        assertThat(jwt.verify(new ECDSAVerifier(key))).isTrue();
        assertThat(jwt.getHeader().getType().getType()).isEqualTo("asw-verification");
        JWTClaimsSet claims = jwt.getJWTClaimsSet();
        assertThat(claims.getIssuer()).isEqualTo("originbridge");
        assertThat(claims.getIssueTime().toInstant()).isEqualTo(Instant.parse("2026-11-29T10:15:00Z"));
        assertThat(claims.getExpirationTime().toInstant()).isEqualTo(Instant.parse("2027-11-29T10:15:00Z"));
        assertThat(claims.getStringClaim("coReferenceNumber")).isEqualTo("RCEP-CN-2026-000142");
        assertThat(claims.getStringClaim("outcome")).isEqualTo("VERIFIED");
        assertThat(claims.getStringClaim("shortCode")).isEqualTo("7K3M9QXZ2BJ");
        assertThat(ShortCode.normalise("7k3m-9qxz-2bj")).contains("7K3M9QXZ2BJ");
    }

    @Test
    void aSingleFlippedSignatureCharacterMakesTheExampleFail() throws Exception {
        String doc = Files.readString(DOC);
        JWKSet jwks = JWKSet.parse(block(doc, "json jwks"));
        String code = block(doc, "text code");
        int i = code.length() - 5;
        String tampered = code.substring(0, i) + (code.charAt(i) == 'A' ? 'B' : 'A') + code.substring(i + 1);
        SignedJWT jwt = SignedJWT.parse(tampered);

        assertThat(jwt.verify(new ECDSAVerifier((ECKey) jwks.getKeyByKeyId(jwt.getHeader().getKeyID())))).isFalse();
    }
}
