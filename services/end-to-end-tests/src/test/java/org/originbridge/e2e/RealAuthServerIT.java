package org.originbridge.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Set;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import org.junit.jupiter.api.Test;

/**
 * The end-to-end tests' tokens from the real authorization server process: client_credentials
 * over HTTP, validated the way the services validate them (JWKS from the server, ES256, iss, aud).
 */
class RealAuthServerIT {

    private final RealAuthServer server = RealAuthServer.shared();

    @Test
    void anE2eExporterGetsATokenForItsTenantThatValidatesAgainstTheServersJwks() throws Exception {
        JWTClaimsSet claims = validate(server.exporter("SUP-E2E-1"));

        assertThat(claims.getIssuer()).isEqualTo(server.issuer());
        assertThat(claims.getSubject()).isEqualTo("exporter-sup-e2e-1");
        assertThat(claims.getStringClaim("ob_role")).isEqualTo("exporter");
        assertThat(claims.getStringListClaim("ob_tenants")).containsExactly("SUP-E2E-1");
        assertThat(claims.getStringClaim("scope")).isEqualTo(RealAuthServer.EXPORTER_SCOPES);
    }

    @Test
    void everyTestRoleHasAClient() throws Exception {
        assertThat(validate(server.operator()).getStringClaim("scope")).isEqualTo(RealAuthServer.OPERATOR_SCOPES);
        assertThat(validate(server.provider("SUP-E2E-1", "SUP-E2E-2")).getStringListClaim("ob_tenants"))
                .containsExactly("SUP-E2E-1", "SUP-E2E-2");
        assertThat(validate(server.importer("E2E-IMPORTER-1")).getStringClaim("ob_importer")).isEqualTo("E2E-IMPORTER-1");
        assertThat(validate(server.procurement()).getStringClaim("ob_role")).isEqualTo("procurement");
        assertThatThrownBy(() -> server.exporter("SUP-NOBODY")).hasMessageContaining("no e2e client");
    }

    @Test
    void aTokenIsReusedUntilItIsCloseToExpiry() {
        assertThat(server.exporter("SUP-E2E-2")).isEqualTo(server.exporter("SUP-E2E-2"));
    }

    private JWTClaimsSet validate(String token) throws Exception {
        JWKSource<SecurityContext> keys = JWKSourceBuilder.create(URI.create(server.jwksUri()).toURL()).retrying(false).build();
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.ES256, keys));
        processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>("originbridge",
                new JWTClaimsSet.Builder().issuer(server.issuer()).build(), Set.of("sub", "iat", "exp", "ob_role")));
        return processor.process(token, null);
    }
}
