package org.originbridge.platform.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Date;
import java.util.Map;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenSignerTest {

    private static final Instant NOW = Instant.parse("2026-11-22T08:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    @TempDir
    Path dir;

    private SigningKeys keys(String service) {
        return new SigningKeys(dir.resolve(service), service, Duration.ofDays(400), CLOCK);
    }

    @Test
    void aSignedTokenIsEs256WithKidAndVerifiesAgainstThePublicKeyOnly() throws Exception {
        SigningKeys keys = keys("asw-verification");
        String token = new TokenSigner(keys, CLOCK).sign("asw-verification", "decl-1", Map.of("outcome", "VERIFIED"),
                Duration.ofDays(365));

        SignedJWT jwt = SignedJWT.parse(token);
        assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
        assertThat(jwt.getHeader().getKeyID()).isEqualTo(keys.current().kid()).startsWith("asw-verification-");
        TokenVerifier verifier = new TokenVerifier(kid -> kid.equals(keys.current().kid())
                ? java.util.Optional.of(new TokenVerifier.PublicKey(keys.current().publicJwk(), "asw-verification", null))
                : java.util.Optional.empty(), CLOCK);
        Map<String, Object> claims = verifier.verify("asw-verification", "asw-verification", token);
        assertThat(claims).containsEntry("outcome", "VERIFIED").containsEntry("sub", "decl-1").containsEntry("iss", "originbridge");
    }

    @Test
    void aTamperedTokenIsRefused() {
        SigningKeys keys = keys("asw-verification");
        String token = new TokenSigner(keys, CLOCK).sign("asw-verification", "decl-1", Map.of("outcome", "NOT_VERIFIED"),
                Duration.ofDays(1));
        String[] parts = token.split("\\.");
        String forged = Base64.getUrlEncoder().withoutPadding().encodeToString(new String(Base64.getUrlDecoder().decode(parts[1]),
                StandardCharsets.UTF_8).replace("NOT_VERIFIED", "VERIFIED").getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> TokenVerifier.of(keys, CLOCK).verify("asw-verification", "asw-verification",
                parts[0] + "." + forged + "." + parts[2])).hasMessageContaining("signature");
    }

    @Test
    void aTokenSignedByAnotherServicesKeyIsRefusedEvenWhenThatKeyIsPublished() {
        SigningKeys ccpit = keys("ccpit-sync");
        String minted = new TokenSigner(ccpit, CLOCK).sign("asw-verification", "decl-1", Map.of(), Duration.ofDays(1));

        assertThatThrownBy(() -> TokenVerifier.of(ccpit, CLOCK).verify("asw-verification", "asw-verification", minted))
                .hasMessageContaining("does not belong to asw-verification");
    }

    @Test
    void aTokenWithAnUnknownKidIsRefused() {
        String token = new TokenSigner(keys("asw-verification"), CLOCK).sign("asw-verification", "decl-1", Map.of(), Duration.ofDays(1));
        SigningKeys other = new SigningKeys(dir.resolve("elsewhere"), "asw-verification", Duration.ofDays(400), CLOCK);

        assertThatThrownBy(() -> TokenVerifier.of(other, CLOCK).verify("asw-verification", "asw-verification", token))
                .hasMessageContaining("unknown key id");
    }

    @Test
    void hs256AndAlgNoneAreRefusedWhateverTheirKid() throws Exception {
        SigningKeys keys = keys("asw-verification");
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer("originbridge").subject("decl-1")
                .expirationTime(Date.from(NOW.plusSeconds(3600))).build();
        SignedJWT hs = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(keys.current().kid())
                .type(new JOSEObjectType("asw-verification")).build(), claims);
        hs.sign(new MACSigner("0123456789abcdef0123456789abcdef-some-shared-secret"));
        String header = Base64.getUrlEncoder().withoutPadding().encodeToString(
                ("{\"alg\":\"none\",\"typ\":\"asw-verification\",\"kid\":\"" + keys.current().kid() + "\"}").getBytes(StandardCharsets.UTF_8));
        String payload = Base64.getUrlEncoder().withoutPadding().encodeToString(claims.toString().getBytes(StandardCharsets.UTF_8));
        TokenVerifier verifier = TokenVerifier.of(keys, CLOCK);

        assertThatThrownBy(() -> verifier.verify("asw-verification", "asw-verification", hs.serialize()))
                .hasMessageContaining("HS256 is not accepted");
        assertThatThrownBy(() -> verifier.verify("asw-verification", "asw-verification", header + "." + payload + "."))
                .isInstanceOf(TokenSigner.InvalidTokenException.class);
    }

    @Test
    void aTokenOfAnotherTypeIsRefused() {
        SigningKeys keys = keys("ccpit-sync");
        String qr = new TokenSigner(keys, CLOCK).sign("ccpit-qr", "decl-1", Map.of(), Duration.ofHours(1));

        assertThatThrownBy(() -> TokenVerifier.of(keys, CLOCK).verify("asw-verification", "ccpit-sync", qr))
                .hasMessageContaining("not a asw-verification");
    }

    @Test
    void anExpiredTokenIsRefused() {
        SigningKeys keys = keys("ccpit-sync");
        String token = new TokenSigner(keys, CLOCK).sign("ccpit-qr", "decl-1", Map.of(), Duration.ofMinutes(5));
        Clock later = Clock.fixed(NOW.plus(Duration.ofMinutes(5)), ZoneOffset.UTC);

        assertThatThrownBy(() -> TokenVerifier.of(keys, later).verify("ccpit-qr", "ccpit-sync", token)).hasMessageContaining("expired");
    }

    @Test
    void garbageIsRefusedWithAReason() {
        assertThatThrownBy(() -> TokenVerifier.of(keys("ccpit-sync"), CLOCK).verify("ccpit-qr", "ccpit-sync", "not-a-token"))
                .hasMessageContaining("not a compact JWS");
    }
}
