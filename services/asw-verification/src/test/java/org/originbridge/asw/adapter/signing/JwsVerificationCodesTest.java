package org.originbridge.asw.adapter.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.originbridge.asw.domain.Outcome;
import org.originbridge.platform.signing.SigningKeys;
import org.originbridge.platform.signing.TokenSigner;
import org.originbridge.platform.signing.TokenVerifier;

class JwsVerificationCodesTest {

    @TempDir
    Path keyDir;

    @Test
    void theCodeIsAnEs256JwsOfThisServiceCarryingWhatWasVerified() {
        SigningKeys keys = new SigningKeys(keyDir, "asw-verification", Duration.ofDays(400), Clock.systemUTC());

        String code = new JwsVerificationCodes(new TokenSigner(keys, Clock.systemUTC()), Duration.ofDays(365))
                .sign("DECL-1", "CO-1", "ASW-MY-1", Outcome.VERIFIED, "ab".repeat(32), 3, "0123ABCD1XZ", "ASW-MY", "CCPIT-RCEP-2026-00000001");

        Map<String, Object> claims = TokenVerifier.of(keys, Clock.systemUTC()).verify(JwsVerificationCodes.TYPE, "asw-verification", code);
        assertThat(claims).containsEntry("declarationId", "DECL-1")
                .containsEntry("coReferenceNumber", "CO-1")
                .containsEntry("aswReference", "ASW-MY-1")
                .containsEntry("outcome", "VERIFIED")
                .containsEntry("documentHash", "ab".repeat(32))
                .containsEntry("shortCode", "0123ABCD1XZ")
                .containsEntry("sub", "DECL-1");
        assertThat(((Number) claims.get("version")).intValue()).isEqualTo(3);
    }
}
