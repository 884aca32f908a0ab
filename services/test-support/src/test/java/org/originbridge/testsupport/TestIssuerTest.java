package org.originbridge.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;

class TestIssuerTest {

    private final TestIssuer issuer = TestIssuer.shared();

    @Test
    void tokensFollowTheIdentityContractAndVerifyWithTheServedJwks() throws Exception {
        HttpResponse<String> jwks = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(issuer.jwksUri()))
                .build(), HttpResponse.BodyHandlers.ofString());
        ECKey key = (ECKey) JWKSet.parse(jwks.body()).getKeys().get(0);

        SignedJWT token = SignedJWT.parse(issuer.provider("SUP-A", "SUP-B"));

        assertThat(token.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
        assertThat(token.getHeader().getKeyID()).isEqualTo(key.getKeyID());
        assertThat(token.verify(new ECDSAVerifier(key))).isTrue();
        JWTClaimsSet claims = token.getJWTClaimsSet();
        assertThat(claims.getIssuer()).isEqualTo(issuer.issuer()).startsWith("http://127.0.0.1:");
        assertThat(claims.getAudience()).containsExactly("originbridge");
        assertThat(claims.getStringClaim("ob_role")).isEqualTo("provider");
        assertThat(claims.getStringListClaim("ob_tenants")).containsExactly("SUP-A", "SUP-B");
        assertThat(claims.getStringClaim("scope")).isEqualTo(TestIssuer.PROVIDER_SCOPES);
        assertThat(claims.getExpirationTime()).isInTheFuture();
        assertThat(SignedJWT.parse(issuer.importer("JP-X")).getJWTClaimsSet().getStringClaim("ob_importer")).isEqualTo("JP-X");
    }

    @Test
    void hostileVariantsAreWhatTheySayTheyAre() throws Exception {
        assertThat(SignedJWT.parse(issuer.expired("SUP-A")).getJWTClaimsSet().getExpirationTime()).isInThePast();
        assertThat(SignedJWT.parse(issuer.foreignIssuer("SUP-A")).getJWTClaimsSet().getIssuer()).isNotEqualTo(issuer.issuer());
        assertThat(SignedJWT.parse(issuer.wrongAudience("SUP-A")).getJWTClaimsSet().getAudience()).doesNotContain("originbridge");
        assertThat(issuer.algNone("SUP-A").split("\\.", -1)[2]).isEmpty();
        assertThat(SignedJWT.parse(issuer.hs256WithPublicKey("SUP-A")).getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.HS256);
        assertThat(SignedJWT.parse(issuer.unknownKid("SUP-A")).getHeader().getKeyID()).startsWith("unknown-");
    }
}
