package org.originbridge.testsupport;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A stand-in for the OAuth2 authorization server in tests: an EC P-256 key (ES256, with a kid)
 * whose JWKS is served over HTTP on a free 127.0.0.1 port, and tokens minted to the identity
 * contract (docs/security.md): {@code iss}, {@code aud=originbridge}, {@code exp}, {@code scope},
 * {@code ob_role}, {@code ob_tenants}, {@code ob_importer}. One per JVM ({@link #shared()}).
 * <p>
 * A service under test trusts it through {@link #registerProperties} (or {@link #springArguments()}
 * for applications started by hand); requests carry {@code Authorization: }{@link #bearer}.
 * Hostile variants (expired, foreign issuer, wrong audience, alg=none, HS256 signed with the public
 * key, unknown kid) exist to prove they are refused.
 */
public final class TestIssuer implements AccessTokens {

    public static final String AUDIENCE = "originbridge";
    public static final String EXPORTER_SCOPES = "declarations.write declarations.read eco.read logistics.write";
    public static final String PROVIDER_SCOPES = "declarations.read eco.read declarations.write";
    public static final String OPERATOR_SCOPES = "operator declarations.read eco.read scores.read";

    private static TestIssuer shared;

    private final ECKey key;
    private final ECKey unknownKey;
    private final HttpServer server;
    private final String issuer;

    private TestIssuer() {
        try {
            this.key = new ECKeyGenerator(Curve.P_256).keyID("test-" + UUID.randomUUID()).generate();
            this.unknownKey = new ECKeyGenerator(Curve.P_256).keyID("unknown-" + UUID.randomUUID()).generate();
            this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] jwks = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        server.createContext("/oauth2/jwks", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, jwks.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(jwks);
            }
        });
        server.start();
        this.issuer = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The JVM's issuer, started on first use. */
    public static synchronized TestIssuer shared() {
        if (shared == null) {
            shared = new TestIssuer();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> shared.server.stop(0)));
        }
        return shared;
    }

    public String issuer() {
        return issuer;
    }

    public String jwksUri() {
        return issuer + "/oauth2/jwks";
    }

    /** Points a Spring Boot test's resource server at this issuer. */
    public static void registerProperties(DynamicPropertyRegistry registry) {
        TestIssuer issuer = shared();
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", issuer::issuer);
        registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", issuer::jwksUri);
    }

    /** The same as command-line arguments, for applications started with SpringApplicationBuilder. */
    @Override
    public List<String> springArguments() {
        return List.of("--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + issuer,
                "--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=" + jwksUri());
    }

    /** {@code "Bearer " + token}, for the Authorization header. */
    public static String bearer(String token) {
        return "Bearer " + token;
    }

    // --- tokens per the contract -------------------------------------------------------------

    /** Any client: role, tenants, importer id (null when none) and space-separated scopes. */
    public String token(String clientId, String role, List<String> tenants, String importerId, String scopes) {
        return sign(key, claims(clientId, role, tenants, importerId, scopes, b -> { }));
    }

    @Override
    public String exporter(String tenant) {
        return token("exporter-" + tenant.toLowerCase(), "exporter", List.of(tenant), null, EXPORTER_SCOPES);
    }

    public String provider(String... tenants) {
        return token("provider-test", "provider", List.of(tenants), null, PROVIDER_SCOPES);
    }

    public String importer(String importerId) {
        return token("importer-" + importerId.toLowerCase(), "importer", List.of(), importerId, "eco.read");
    }

    public String procurement() {
        return token("procurement-test", "procurement", List.of(), null, "scores.read");
    }

    @Override
    public String operator() {
        return token("operator", "operator", List.of(), null, OPERATOR_SCOPES);
    }

    // --- hostile variants ----------------------------------------------------------------------

    /** A well-signed exporter token that expired ten minutes ago (beyond any clock skew). */
    public String expired(String tenant) {
        Instant past = Instant.now().minus(Duration.ofMinutes(20));
        return sign(key, claims("expired", "exporter", List.of(tenant), null, EXPORTER_SCOPES,
                b -> b.issueTime(Date.from(past)).notBeforeTime(Date.from(past))
                        .expirationTime(Date.from(past.plus(Duration.ofMinutes(10))))));
    }

    /** Signed with the right key, but claiming another issuer. */
    public String foreignIssuer(String tenant) {
        return sign(key, claims("foreign", "exporter", List.of(tenant), null, EXPORTER_SCOPES,
                b -> b.issuer("http://127.0.0.1:1/evil")));
    }

    /** Signed with the right key, for another audience. */
    public String wrongAudience(String tenant) {
        return sign(key, claims("other-aud", "exporter", List.of(tenant), null, EXPORTER_SCOPES,
                b -> b.audience("some-other-api")));
    }

    /** An unsigned token ({@code alg: none}). */
    public String algNone(String tenant) {
        return new PlainJWT(claims("none", "operator", List.of(tenant), null, OPERATOR_SCOPES + " " + EXPORTER_SCOPES,
                b -> { })).serialize();
    }

    /** HS256 "signed" with the issuer's public key as the HMAC secret (the key-confusion attack). */
    public String hs256WithPublicKey(String tenant) {
        try {
            byte[] secret = key.toPublicJWK().toJSONString().getBytes(StandardCharsets.UTF_8);
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(key.getKeyID()).build(),
                    claims("hs256", "operator", List.of(tenant), null, OPERATOR_SCOPES + " " + EXPORTER_SCOPES, b -> { }));
            jwt.sign(new MACSigner(secret));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Signed by a key the JWKS does not contain (its own kid). */
    public String unknownKid(String tenant) {
        return sign(unknownKey, claims("unknown-kid", "exporter", List.of(tenant), null, EXPORTER_SCOPES, b -> { }));
    }

    /** The token with its payload swapped for another tenant's, keeping the original signature. */
    public static String tamperedPayload(String token, String payloadJson) {
        String[] parts = token.split("\\.");
        return parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payloadJson.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
    }

    private JWTClaimsSet claims(String clientId, String role, List<String> tenants, String importerId, String scopes,
            Consumer<JWTClaimsSet.Builder> customize) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder b = new JWTClaimsSet.Builder()
                .issuer(issuer).subject(clientId).audience(AUDIENCE)
                .issueTime(Date.from(now)).notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(15))))
                .jwtID(UUID.randomUUID().toString())
                .claim("client_id", clientId)
                .claim("scope", scopes)
                .claim("ob_role", role)
                .claim("ob_tenants", tenants);
        if (importerId != null) {
            b.claim("ob_importer", importerId);
        }
        customize.accept(b);
        return b.build();
    }

    private static String sign(ECKey signingKey, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(signingKey.getKeyID())
                    .type(JOSEObjectType.JWT).build(), claims);
            jwt.sign(new ECDSASigner(signingKey));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
