package org.originbridge.e2e;

import java.util.Date;
import java.util.Map;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * The steps of docs/verifying-codes.md, written as an importer would with a plain JOSE library and
 * nothing of OriginBridge's code: only the JWKS JSON and the code.
 */
final class OfflineVerification {

    record Result(String kid, Map<String, Object> claims) {
    }

    private OfflineVerification() {
    }

    static Result verify(String jwksJson, String code) throws Exception {
        // 1. parse the code; the algorithm must be ES256 (never trust the token's own choice)
        SignedJWT jwt = SignedJWT.parse(code);
        if (!JWSAlgorithm.ES256.equals(jwt.getHeader().getAlgorithm())) {
            throw new IllegalStateException("not ES256");
        }
        // 2. find the key by kid in the JWKS; verification codes are signed by asw-verification's keys
        String kid = jwt.getHeader().getKeyID();
        JWK jwk = JWKSet.parse(jwksJson).getKeyByKeyId(kid);
        if (!(jwk instanceof ECKey key) || !kid.startsWith("asw-verification-")) {
            throw new IllegalStateException("unknown key " + kid);
        }
        // 3. the signature
        if (!jwt.verify(new ECDSAVerifier(key))) {
            throw new IllegalStateException("signature does not verify");
        }
        // 4. type, issuer, expiry
        JWTClaimsSet claims = jwt.getJWTClaimsSet();
        if (jwt.getHeader().getType() == null || !"asw-verification".equals(jwt.getHeader().getType().getType())) {
            throw new IllegalStateException("not a verification code");
        }
        if (!"originbridge".equals(claims.getIssuer())) {
            throw new IllegalStateException("unknown issuer");
        }
        if (claims.getExpirationTime() == null || !claims.getExpirationTime().after(new Date())) {
            throw new IllegalStateException("expired");
        }
        return new Result(kid, claims.getClaims());
    }
}
