package org.originbridge.platform.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import org.junit.jupiter.api.Test;

class TokenSignerTest {

    private static final String SECRET = "0123456789abcdef0123456789abcdef-test-only";
    private static final Instant NOW = Instant.parse("2026-11-22T08:00:00Z");

    private final TokenSigner signer = new TokenSigner(SECRET, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void aSignedTokenVerifiesAndCarriesItsClaims() {
        String token = signer.sign("asw-verification", "decl-1", Map.of("outcome", "VERIFIED"), Duration.ofDays(365));

        Map<String, Object> claims = signer.verify("asw-verification", token);

        assertThat(claims).containsEntry("outcome", "VERIFIED").containsEntry("sub", "decl-1").containsEntry("iss", "originbridge");
    }

    @Test
    void aTamperedTokenIsRefused() {
        String token = signer.sign("asw-verification", "decl-1", Map.of("outcome", "NOT_VERIFIED"), Duration.ofDays(1));
        String[] parts = token.split("\\.");
        String forgedPayload = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                new String(java.util.Base64.getUrlDecoder().decode(parts[1])).replace("NOT_VERIFIED", "VERIFIED").getBytes());

        assertThatThrownBy(() -> signer.verify("asw-verification", parts[0] + "." + forgedPayload + "." + parts[2]))
                .isInstanceOf(TokenSigner.InvalidTokenException.class).hasMessageContaining("signature");
    }

    @Test
    void aTokenSignedWithAnotherSecretIsRefused() {
        TokenSigner other = new TokenSigner("another-secret-of-at-least-32-bytes!!", Clock.fixed(NOW, ZoneOffset.UTC));
        String token = other.sign("asw-verification", "decl-1", Map.of(), Duration.ofDays(1));

        assertThatThrownBy(() -> signer.verify("asw-verification", token)).hasMessageContaining("signature");
    }

    @Test
    void aTokenOfAnotherTypeIsRefused() {
        String qr = signer.sign("ccpit-qr", "decl-1", Map.of(), Duration.ofHours(1));

        assertThatThrownBy(() -> signer.verify("asw-verification", qr)).hasMessageContaining("not a asw-verification");
    }

    @Test
    void anExpiredTokenIsRefused() {
        String token = signer.sign("ccpit-qr", "decl-1", Map.of(), Duration.ofMinutes(5));
        TokenSigner later = new TokenSigner(SECRET, Clock.fixed(NOW.plus(Duration.ofMinutes(5)), ZoneOffset.UTC));

        assertThatThrownBy(() -> later.verify("ccpit-qr", token)).hasMessageContaining("expired");
    }

    @Test
    void garbageIsRefusedWithAReason() {
        assertThatThrownBy(() -> signer.verify("ccpit-qr", "not-a-token")).hasMessageContaining("not a compact JWS");
    }

    @Test
    void aShortSecretIsRefusedAtStart() {
        assertThatThrownBy(() -> new TokenSigner("too-short", Clock.systemUTC()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ORIGINBRIDGE_SIGNING_SECRET");
    }
}
