package org.originbridge.platform.signing;

import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * Signs and verifies the tokens OriginBridge hands out: ASW verification codes and the tokens
 * behind dynamic QR codes. Compact JWS, HS256, with a token type in the header so a token of one
 * kind is never accepted as another, an issue time and an expiry.
 */
public final class TokenSigner {

    public static final String ISSUER = "originbridge";

    private final MACSigner signer;
    private final MACVerifier verifier;
    private final Clock clock;

    public TokenSigner(String secret, Clock clock) {
        byte[] key = secret == null ? new byte[0] : secret.getBytes(StandardCharsets.UTF_8);
        if (key.length < 32) {
            throw new IllegalArgumentException(
                    "originbridge.signing.secret (ORIGINBRIDGE_SIGNING_SECRET) must be at least 32 bytes");
        }
        try {
            this.signer = new MACSigner(key);
            this.verifier = new MACVerifier(key);
        } catch (JOSEException e) {
            throw new IllegalArgumentException("unusable signing secret: " + e.getMessage(), e);
        }
        this.clock = clock;
    }

    /** A compact JWS of the given type carrying the claims, valid for {@code ttl}. */
    public String sign(String type, String subject, Map<String, ?> claims, Duration ttl) {
        Instant now = clock.instant();
        JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder()
                .issuer(ISSUER).subject(subject)
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plus(ttl)));
        claims.forEach(builder::claim);
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).type(new JOSEObjectType(type)).build(),
                builder.build());
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("signing failed", e);
        }
        return jwt.serialize();
    }

    /**
     * Verifies signature, type, issuer and expiry.
     *
     * @return the claims of a valid token
     * @throws InvalidTokenException naming what is wrong
     */
    public Map<String, Object> verify(String type, String token) {
        SignedJWT jwt;
        try {
            jwt = SignedJWT.parse(token);
        } catch (ParseException e) {
            throw new InvalidTokenException("not a compact JWS");
        }
        try {
            if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm()) || !jwt.verify(verifier)) {
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
            if (!ISSUER.equals(claims.getIssuer())) {
                throw new InvalidTokenException("unknown issuer");
            }
            if (claims.getExpirationTime() == null || !claims.getExpirationTime().toInstant().isAfter(clock.instant())) {
                throw new InvalidTokenException("token expired");
            }
            return claims.getClaims();
        } catch (ParseException e) {
            throw new InvalidTokenException("claims are not readable");
        }
    }

    /** Why a token was refused. */
    public static class InvalidTokenException extends RuntimeException {
        public InvalidTokenException(String reason) {
            super(reason);
        }
    }
}
