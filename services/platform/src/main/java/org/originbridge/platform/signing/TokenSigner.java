package org.originbridge.platform.signing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * Signs the tokens OriginBridge hands out (ASW verification codes, the tokens behind dynamic QR
 * codes) with the service's own current EC P-256 key: compact JWS, {@code alg ES256}, the key's
 * {@code kid} and a token type ({@code typ}) in the header, so a token of one kind is never
 * accepted as another; claims {@code iss} ({@value #ISSUER}), {@code sub}, {@code iat}, {@code exp}.
 * Anyone verifies it with the published JWKS ({@link TokenVerifier}); only this service can sign.
 */
public final class TokenSigner {

    public static final String ISSUER = "originbridge";

    private final SigningKeys keys;
    private final Clock clock;

    public TokenSigner(SigningKeys keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    /** A compact JWS of the given type carrying the claims, issued now, valid for {@code ttl}. */
    public String sign(String type, String subject, Map<String, ?> claims, Duration ttl) {
        Instant now = clock.instant();
        return sign(type, subject, claims, now, now.plus(ttl));
    }

    /** A compact JWS of the given type carrying the claims, with explicit issue and expiry instants. */
    public String sign(String type, String subject, Map<String, ?> claims, Instant issuedAt, Instant expiresAt) {
        SigningKeys.SigningKey key = keys.current();
        JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder()
                .issuer(ISSUER).subject(subject)
                .issueTime(Date.from(issuedAt)).expirationTime(Date.from(expiresAt));
        claims.forEach(builder::claim);
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.kid())
                .type(new JOSEObjectType(type)).build(), builder.build());
        try {
            jwt.sign(new ECDSASigner(key.jwk()));
        } catch (JOSEException e) {
            throw new IllegalStateException("signing failed", e);
        }
        return jwt.serialize();
    }

    /** The service whose key signs (the expected signer when verifying). */
    public String service() {
        return keys.service();
    }

    /** Why a token was refused. */
    public static class InvalidTokenException extends RuntimeException {
        public InvalidTokenException(String reason) {
            super(reason);
        }
    }
}
