package org.originbridge.asw.adapter.signing;

import java.time.Duration;
import java.util.Map;
import org.originbridge.asw.domain.Outcome;
import org.originbridge.asw.domain.VerificationCodeSigner;
import org.originbridge.platform.signing.TokenSigner;

/** Verification codes as compact JWS of type {@value #TYPE} made by the platform's {@link TokenSigner}. */
public class JwsVerificationCodes implements VerificationCodeSigner {

    public static final String TYPE = "asw-verification";

    private final TokenSigner signer;
    private final Duration ttl;

    public JwsVerificationCodes(TokenSigner signer, Duration ttl) {
        this.signer = signer;
        this.ttl = ttl;
    }

    @Override
    public String sign(String declarationId, String coReferenceNumber, String aswReference, Outcome outcome, String documentHash) {
        return signer.sign(TYPE, declarationId, Map.of(
                "declarationId", declarationId,
                "coReferenceNumber", coReferenceNumber,
                "aswReference", aswReference,
                "outcome", outcome.name(),
                "documentHash", documentHash), ttl);
    }
}
