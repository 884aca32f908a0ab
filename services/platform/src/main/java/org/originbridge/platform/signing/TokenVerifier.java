package org.originbridge.platform.signing;

import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.originbridge.platform.signing.TokenSigner.InvalidTokenException;

/**
 * Verifies tokens against PUBLIC keys only: the key is found by the token's {@code kid}
 * ({@link PublicKeys}, e.g. the JWKS materialised from topic {@code signing-keys}); the algorithm
 * is pinned to ES256 (the token's {@code alg} is never trusted: HS256, {@code none} and every
 * other algorithm are refused); the key must belong to the expected signing service and not be
 * past its {@code notAfter}; then {@code typ}, {@code iss} and {@code exp} are checked.
 */
public final class TokenVerifier {

    /** A published public key: the JWK, the service holding its private half, and until when it is valid (null: open). */
    public record PublicKey(ECKey jwk, String service, Instant notAfter) {
    }

    /** Port: the published public key with this kid, if any. */
    @FunctionalInterface
    public interface PublicKeys {
        Optional<PublicKey> find(String kid);
    }

    private final PublicKeys keys;
    private final Clock clock;

    public TokenVerifier(PublicKeys keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    /**
     * @param type            expected {@code typ} header
     * @param signingService  the only service whose keys may sign this type
     * @return the claims of a valid token
     * @throws InvalidTokenException naming what is wrong
     */
    public Map<String, Object> verify(String type, String signingService, String token) {
        if (token == null || token.isBlank()) {
            throw new InvalidTokenException("not a compact JWS");
        }
        SignedJWT jwt;
        try {
            jwt = SignedJWT.parse(token.trim());
        } catch (ParseException | RuntimeException e) {
            throw new InvalidTokenException("not a compact JWS");
        }
        if (!JWSAlgorithm.ES256.equals(jwt.getHeader().getAlgorithm())) {
            throw new InvalidTokenException("algorithm " + jwt.getHeader().getAlgorithm() + " is not accepted (ES256 only)");
        }
        String kid = jwt.getHeader().getKeyID();
        if (kid == null || kid.isBlank()) {
            throw new InvalidTokenException("no key id (kid)");
        }
        PublicKey key = keys.find(kid).orElseThrow(() -> new InvalidTokenException("unknown key id " + kid));
        if (!signingService.equals(key.service())) {
            throw new InvalidTokenException("key " + kid + " does not belong to " + signingService);
        }
        Instant now = clock.instant();
        if (key.notAfter() != null && !key.notAfter().isAfter(now)) {
            throw new InvalidTokenException("key " + kid + " is no longer valid");
        }
        try {
            if (!Curve.P_256.equals(key.jwk().getCurve()) || !jwt.verify(new ECDSAVerifier(key.jwk().toPublicJWK()))) {
                throw new InvalidTokenException("signature does not verify");
            }
        } catch (JOSEException e) {
            throw new InvalidTokenException("signature does not verify");
        }
        JOSEObjectType actualType = jwt.getHeader().getType();
        if (actualType == null || !type.equals(actualType.getType())) {
            throw new InvalidTokenException("token is not a " + type);
        }
        try {
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            if (!TokenSigner.ISSUER.equals(claims.getIssuer())) {
                throw new InvalidTokenException("unknown issuer");
            }
            if (claims.getExpirationTime() == null || !claims.getExpirationTime().toInstant().isAfter(now)) {
                throw new InvalidTokenException("token expired");
            }
            return claims.getClaims();
        } catch (ParseException e) {
            throw new InvalidTokenException("claims are not readable");
        }
    }

    /** A verifier over one service's own keys (tests, and a service checking what it signed). */
    public static TokenVerifier of(SigningKeys keys, Clock clock) {
        return new TokenVerifier(kid -> keys.published().stream().filter(k -> k.kid().equals(kid)).findFirst()
                .map(k -> new PublicKey(k.publicJwk(), keys.service(), k.notAfter())), clock);
    }
}
