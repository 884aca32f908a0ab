package org.originbridge.asw.adapter.signing;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.originbridge.asw.domain.Outcome;
import org.originbridge.asw.domain.VerificationCodeSigner;
import org.originbridge.platform.signing.TokenSigner;

/**
 * Verification codes as compact JWS of type {@value #TYPE}, ES256 with this service's own key
 * (platform {@link TokenSigner}; key id in the header, public key on topic signing-keys and in
 * status-query's JWKS). Claims: {@code declarationId}, {@code coReferenceNumber}, {@code aswReference},
 * {@code outcome}, {@code documentHash}, {@code version}, {@code shortCode}, {@code channel} (ASW-MY, JP-CUSTOMS),
 * {@code certificateNumber} (a Certificate of Origin's, as issued), {@code sub} = declaration
 * id, {@code iss} = originbridge, {@code iat}, {@code exp} = iat + {@code ttl} (a year by default:
 * a code stays valid until the content changes or the declaration is revoked, checked online).
 */
public class JwsVerificationCodes implements VerificationCodeSigner {

    public static final String TYPE = "asw-verification";

    private final TokenSigner signer;
    private final Duration ttl;

    public JwsVerificationCodes(TokenSigner signer, Duration ttl) {
        this.signer = signer;
        this.ttl = ttl;
    }

    @Override
    public String sign(String declarationId, String coReferenceNumber, String aswReference, Outcome outcome, String documentHash,
            int version, String shortCode, String channel, String certificateNumber) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("declarationId", declarationId);
        claims.put("coReferenceNumber", coReferenceNumber);
        claims.put("aswReference", aswReference);
        claims.put("outcome", outcome.name());
        claims.put("documentHash", documentHash);
        claims.put("version", version);
        if (shortCode != null) {
            claims.put("shortCode", shortCode);
        }
        if (channel != null) {
            claims.put("channel", channel);
        }
        if (certificateNumber != null) {
            claims.put("certificateNumber", certificateNumber);
        }
        return signer.sign(TYPE, declarationId, claims, ttl);
    }
}
