package org.originbridge.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Set;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import org.junit.jupiter.api.Test;
import org.originbridge.auth.clients.ClientDefinition;
import org.originbridge.auth.clients.ClientStore;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The authorization server over real HTTP on a random port: client_credentials with
 * client_secret_basic, the token validated the way a resource server does (JWKS fetched from
 * {@code /oauth2/jwks}, ES256 signature, iss, aud, exp, the contract's claims) with nimbus.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "originbridge.auth.issuer=" + AuthServerIT.ISSUER)
class AuthServerIT {

    static final String ISSUER = "http://auth.originbridge.test:8088";
    private static final Path DATA = tempDirectory();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void dataDirectory(DynamicPropertyRegistry registry) {
        registry.add("originbridge.auth.data-directory", DATA::toString);
    }

    @Test
    void anExporterGetsAnEs256TokenThatValidatesAgainstTheJwksWithTheContractsClaims() throws Exception {
        HttpResponse<String> response = tokenRequest("exporter-powertech", secretOf("exporter-powertech"), null);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("token_type").asString()).isEqualTo("Bearer");
        assertThat(body.path("expires_in").asLong()).isBetween(890L, 900L);
        String token = body.path("access_token").asString();

        JWSHeader header = SignedJWT.parse(token).getHeader();
        assertThat(header.getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
        JWKSet jwks = JWKSet.load(new URL(url("/oauth2/jwks")));
        assertThat(header.getKeyID()).isNotBlank();
        assertThat(jwks.getKeyByKeyId(header.getKeyID())).isNotNull();

        JWTClaimsSet claims = validate(token);
        assertThat(claims.getSubject()).isEqualTo("exporter-powertech");
        assertThat(claims.getStringClaim("scope")).isEqualTo("declarations.write declarations.read eco.read logistics.write subscriptions.manage");
        assertThat(claims.getStringClaim("ob_role")).isEqualTo("exporter");
        assertThat(claims.getStringListClaim("ob_tenants")).containsExactly("SUP-SZ-POWERTECH");
        assertThat(claims.getClaims()).doesNotContainKey("ob_importer");
        assertThat(Duration.between(claims.getIssueTime().toInstant(), claims.getExpirationTime().toInstant()))
                .isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void theImporterTokenNamesItsPartyAndNoTenants() throws Exception {
        HttpResponse<String> response = tokenRequest("importer-osaka-denki", secretOf("importer-osaka-denki"), null);

        assertThat(response.statusCode()).isEqualTo(200);
        JWTClaimsSet claims = validate(JSON.readTree(response.body()).path("access_token").asString());
        assertThat(claims.getStringClaim("ob_role")).isEqualTo("importer");
        assertThat(claims.getStringListClaim("ob_tenants")).isEmpty();
        assertThat(claims.getStringClaim("ob_importer")).isEqualTo("JP-OSAKA-DENKI");
        assertThat(claims.getStringClaim("scope")).isEqualTo("eco.read subscriptions.manage");
    }

    @Test
    void theProviderTokenListsTheExportersItManages() throws Exception {
        HttpResponse<String> response = tokenRequest("provider-sitebuilder", secretOf("provider-sitebuilder"), null);

        JWTClaimsSet claims = validate(JSON.readTree(response.body()).path("access_token").asString());
        assertThat(claims.getStringClaim("scope")).isEqualTo("declarations.read eco.read declarations.write subscriptions.manage");
        assertThat(claims.getStringClaim("ob_role")).isEqualTo("provider");
        assertThat(claims.getStringListClaim("ob_tenants")).containsExactly("SUP-SZ-POWERTECH", "SUP-HZ-TEA");
    }

    @Test
    void aRequestNamingScopesGetsExactlyThose() throws Exception {
        HttpResponse<String> response = tokenRequest("operator", secretOf("operator"), "scores.read");
        HttpResponse<String> all = tokenRequest("operator", secretOf("operator"), null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(validate(JSON.readTree(response.body()).path("access_token").asString()).getStringClaim("scope"))
                .isEqualTo("scores.read");
        assertThat(validate(JSON.readTree(all.body()).path("access_token").asString()).getStringClaim("scope"))
                .isEqualTo("operator declarations.read eco.read scores.read subscriptions.manage");
    }

    @Test
    void registryRolesTravelInTheRolesClaimAndOnlyServiceClientsMayPostTheirSecret() throws Exception {
        // the Apicurio serdes' token client sends id and secret in the form body (client_secret_post)
        HttpResponse<String> service = postTokenRequest("status-query", secretOf("status-query"));
        assertThat(service.statusCode()).isEqualTo(200);
        JWTClaimsSet claims = validate(JSON.readTree(service.body()).path("access_token").asString());
        assertThat(claims.getStringListClaim("roles")).containsExactly("sr-developer");
        assertThat(claims.getStringClaim("ob_role")).isEqualTo("service");
        assertThat(claims.getStringClaim("scope")).isEmpty();
        assertThat(claims.getStringListClaim("ob_tenants")).isEmpty();

        JWTClaimsSet operator = validate(JSON.readTree(tokenRequest("operator", secretOf("operator"), null).body())
                .path("access_token").asString());
        assertThat(operator.getStringListClaim("roles")).containsExactly("sr-admin");
        JWTClaimsSet provider = validate(JSON.readTree(tokenRequest("provider-sitebuilder", secretOf("provider-sitebuilder"), null)
                .body()).path("access_token").asString());
        assertThat(provider.getClaims()).doesNotContainKey("roles");

        // every other client keeps client_secret_basic only
        HttpResponse<String> exporter = postTokenRequest("exporter-powertech", secretOf("exporter-powertech"));
        assertThat(exporter.statusCode()).isEqualTo(401);
        assertThat(exporter.body()).contains("invalid_client").doesNotContain("access_token");
        assertThat(postTokenRequest("status-query", secretOf("subscriptions")).statusCode()).isEqualTo(401);

        // the serdes' HTTP client appends "/" to the token URL: the same endpoint, the same client checks
        HttpResponse<String> slash = postTokenRequest("/oauth2/token/", "status-query", secretOf("status-query"));
        assertThat(slash.statusCode()).isEqualTo(200);
        assertThat(validate(JSON.readTree(slash.body()).path("access_token").asString()).getStringListClaim("roles"))
                .containsExactly("sr-developer");
        assertThat(postTokenRequest("/oauth2/token/", "status-query", secretOf("operator")).statusCode()).isEqualTo(401);
        assertThat(postTokenRequest("/oauth2/token//", "status-query", secretOf("status-query")).statusCode())
                .isNotEqualTo(200);
    }

    @Test
    void aScopeTheClientDoesNotHaveIsRefused() {
        HttpResponse<String> response = tokenRequest("procurement-buyhub", secretOf("procurement-buyhub"), "operator");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("invalid_scope");
    }

    @Test
    void aWrongSecretOrAnUnknownClientIs401() {
        HttpResponse<String> wrong = tokenRequest("exporter-powertech", secretOf("exporter-hztea"), null);
        HttpResponse<String> unknown = tokenRequest("exporter-nobody", secretOf("exporter-powertech"), null);

        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).contains("invalid_client").doesNotContain("access_token");
        assertThat(unknown.statusCode()).isEqualTo(401);
        assertThat(unknown.body()).contains("invalid_client");
    }

    @Test
    void aTokenFromAnotherIssuerOrAudienceDoesNotValidate() throws Exception {
        String token = JSON.readTree(tokenRequest("operator", secretOf("operator"), null).body())
                .path("access_token").asString();

        assertThatThrownBy(() -> processor("http://elsewhere.test", "originbridge").process(token, null))
                .isInstanceOf(BadJOSEException.class);
        assertThatThrownBy(() -> processor(ISSUER, "another-audience").process(token, null))
                .isInstanceOf(BadJOSEException.class);
    }

    @Test
    void theJwksHasNoPrivatePartsAndHealthIsOpenWhileEverythingElseIsClosed() {
        HttpResponse<String> jwks = get("/oauth2/jwks");
        assertThat(jwks.statusCode()).isEqualTo(200);
        assertThat(jwks.body()).contains("\"kty\":\"EC\"").doesNotContain("\"d\"");

        assertThat(get("/actuator/health").statusCode()).isEqualTo(200);
        assertThat(get("/actuator/env").statusCode()).isIn(401, 403);
        assertThat(get("/anything").statusCode()).isIn(401, 403);
    }

    private JWTClaimsSet validate(String token) throws Exception {
        return processor(ISSUER, "originbridge").process(token, null);
    }

    private DefaultJWTProcessor<SecurityContext> processor(String issuer, String audience) throws IOException {
        JWKSource<SecurityContext> keys = JWKSourceBuilder.create(new URL(url("/oauth2/jwks"))).retrying(false).build();
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.ES256, keys));
        processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(audience,
                new JWTClaimsSet.Builder().issuer(issuer).build(),
                Set.of("sub", "iat", "exp", "scope", "ob_role", "ob_tenants")));
        return processor;
    }

    private HttpResponse<String> tokenRequest(String clientId, String secret, String scope) {
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
        String form = "grant_type=client_credentials" + (scope == null ? "" : "&scope=" + scope.replace(" ", "%20"));
        return send(HttpRequest.newBuilder(URI.create(url("/oauth2/token")))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
    }

    private HttpResponse<String> postTokenRequest(String clientId, String secret) {
        return postTokenRequest("/oauth2/token", clientId, secret);
    }

    private HttpResponse<String> postTokenRequest(String path, String clientId, String secret) {
        String form = "grant_type=client_credentials&client_id=" + clientId + "&client_secret=" + secret;
        return send(HttpRequest.newBuilder(URI.create(url(path)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
    }

    private HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(url(path))).GET().build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    private static String secretOf(String clientId) {
        List<ClientDefinition> clients = ClientStore.load(DATA.resolve(ClientStore.FILE_NAME));
        return clients.stream().filter(c -> c.clientId().equals(clientId)).findFirst().orElseThrow().clientSecret();
    }

    private static Path tempDirectory() {
        try {
            return Files.createTempDirectory("auth-server-it");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
