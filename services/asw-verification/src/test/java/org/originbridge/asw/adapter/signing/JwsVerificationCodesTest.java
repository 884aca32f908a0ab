package org.originbridge.asw.adapter.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.originbridge.asw.domain.Outcome;
import org.originbridge.platform.signing.TokenSigner;

class JwsVerificationCodesTest {

    @Test
    void theCodeIsAJwsCarryingWhatWasVerified() {
        TokenSigner signer = new TokenSigner("test-only-signing-secret-0123456789abcdef", Clock.systemUTC());

        String code = new JwsVerificationCodes(signer, Duration.ofDays(365))
                .sign("DECL-1", "CO-1", "ASW-MY-1", Outcome.VERIFIED, "ab".repeat(32));

        Map<String, Object> claims = signer.verify(JwsVerificationCodes.TYPE, code);
        assertThat(claims).containsEntry("declarationId", "DECL-1")
                .containsEntry("coReferenceNumber", "CO-1")
                .containsEntry("aswReference", "ASW-MY-1")
                .containsEntry("outcome", "VERIFIED")
                .containsEntry("documentHash", "ab".repeat(32))
                .containsEntry("sub", "DECL-1");
    }
}
