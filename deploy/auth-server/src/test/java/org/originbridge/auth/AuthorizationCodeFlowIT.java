package org.originbridge.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URL;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import org.junit.jupiter.api.Test;
import org.originbridge.auth.clients.ClientDefinition;
import org.originbridge.auth.clients.ClientStore;
import org.originbridge.auth.users.UserStore;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The authorization-code flow with PKCE over real HTTP, the way a browser and the importer portal
 * drive it: authorize -> login form (CSRF) -> code at the redirect URI -> code + verifier at the
 * token endpoint; the user's token validated against the JWKS with its claims.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "originbridge.auth.issuer=" + AuthorizationCodeFlowIT.ISSUER)
class AuthorizationCodeFlowIT {

    static final String ISSUER = "http://auth.originbridge.test:8088";
    private static final String CLIENT = "importer-portal";
    /** Registered as http://127.0.0.1/login/oauth2/code/originbridge: any loopback port matches. */
    private static final String REDIRECT = "http://127.0.0.1:24999/login/oauth2/code/originbridge";
    private static final Path DATA = tempDirectory();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void dataDirectory(DynamicPropertyRegistry registry) {
        registry.add("originbridge.auth.data-directory", DATA::toString);
    }

    @Test
    void theDemoImporterSignsInAndGetsATokenThatSpeaksForItsImporterParty() throws Exception {
        Browser browser = new Browser();
        String verifier = UserStore.newPassword() + UserStore.newPassword() + UserStore.newPassword();

        String code = browser.signIn(authorizeUrl("state-1", challenge(verifier)), "osaka-buyer", demoPassword());
        HttpResponse<String> token = redeem(code, verifier, secretOf(CLIENT));

        assertThat(token.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(token.body());
        assertThat(body.has("refresh_token")).isFalse();
        JWTClaimsSet claims = validate(body.path("access_token").asString());
        assertThat(claims.getSubject()).isEqualTo("osaka-buyer");
        assertThat(claims.getAudience()).containsExactly("originbridge");
        assertThat(claims.getStringClaim("ob_role")).isEqualTo("importer");
        assertThat(claims.getStringClaim("ob_importer")).isEqualTo("JP-OSAKA-DENKI");
        assertThat(claims.getStringListClaim("ob_tenants")).isEmpty();
        assertThat(claims.getStringClaim("scope")).isEqualTo("eco.read");
    }

    @Test
    void aCodeWorksOnceAndOnlyWithItsVerifier() throws Exception {
        Browser browser = new Browser();
        String verifier = UserStore.newPassword() + UserStore.newPassword() + UserStore.newPassword();
        String code = browser.signIn(authorizeUrl("state-2", challenge(verifier)), "osaka-buyer", demoPassword());

        HttpResponse<String> wrongVerifier = redeem(code, verifier.substring(1) + "x", secretOf(CLIENT));
        assertThat(wrongVerifier.statusCode()).isEqualTo(400);
        assertThat(wrongVerifier.body()).contains("invalid_grant").doesNotContain("access_token");

        Browser again = new Browser();
        String second = again.signIn(authorizeUrl("state-3", challenge(verifier)), "osaka-buyer", demoPassword());
        assertThat(redeem(second, verifier, secretOf(CLIENT)).statusCode()).isEqualTo(200);
        HttpResponse<String> replay = redeem(second, verifier, secretOf(CLIENT));
        assertThat(replay.statusCode()).isEqualTo(400);
        assertThat(replay.body()).contains("invalid_grant");
    }

    @Test
    void pkceIsRequired() throws Exception {
        Browser browser = new Browser();
        browser.get(url("/login"));
        String noChallenge = url("/oauth2/authorize?response_type=code&client_id=" + CLIENT + "&scope=eco.read&state=s"
                + "&redirect_uri=" + enc(REDIRECT));

        HttpResponse<String> start = browser.get(noChallenge);
        // refused before any login: back to the client with an error, or a 400; never a login page or a code
        String location = start.headers().firstValue("Location").orElse("");
        assertThat(start.statusCode() == 400 || location.startsWith(REDIRECT)).isTrue();
        assertThat(location).doesNotContain("code=");
        if (location.startsWith(REDIRECT)) {
            assertThat(location).contains("error=invalid_request");
        }
    }

    @Test
    void aWrongPasswordOrUnknownUserIsRefusedAtTheForm() throws Exception {
        for (String[] attempt : List.of(new String[] {"osaka-buyer", demoPassword() + "x"},
                new String[] {"nobody", demoPassword()}, new String[] {"osaka-buyer", ""})) {
            Browser browser = new Browser();
            HttpResponse<String> start = browser.get(authorizeUrl("s", challenge("v".repeat(50))));
            assertThat(start.statusCode()).isEqualTo(302);
            HttpResponse<String> posted = browser.postLogin(attempt[0], attempt[1]);
            assertThat(posted.statusCode()).isEqualTo(302);
            assertThat(posted.headers().firstValue("Location").orElseThrow()).endsWith("/login?error");
            // still not signed in: the authorization request goes back to the form
            HttpResponse<String> retry = browser.get(authorizeUrl("s", challenge("v".repeat(50))));
            assertThat(retry.headers().firstValue("Location").orElseThrow()).endsWith("/login");
        }
    }

    @Test
    void theLoginFormRefusesAPostWithoutItsCsrfToken() throws Exception {
        Browser browser = new Browser();
        browser.get(authorizeUrl("s", challenge("w".repeat(50))));
        HttpResponse<String> posted = browser.send(HttpRequest.newBuilder(URI.create(url("/login")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=osaka-buyer&password=" + enc(demoPassword()))).build());
        assertThat(posted.statusCode()).isEqualTo(403);
    }

    @Test
    void anUnregisteredRedirectUriOrAMachineClientGetsNoCode() throws Exception {
        Browser browser = new Browser();
        String elsewhere = url("/oauth2/authorize?response_type=code&client_id=" + CLIENT + "&scope=eco.read&state=s"
                + "&code_challenge=" + challenge("x".repeat(50)) + "&code_challenge_method=S256"
                + "&redirect_uri=" + enc("https://evil.example/login/oauth2/code/originbridge"));
        HttpResponse<String> refused = browser.get(elsewhere);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.headers().firstValue("Location")).isEmpty();

        String machine = url("/oauth2/authorize?response_type=code&client_id=importer-osaka-denki&scope=eco.read&state=s"
                + "&code_challenge=" + challenge("x".repeat(50)) + "&code_challenge_method=S256"
                + "&redirect_uri=" + enc(REDIRECT));
        HttpResponse<String> notACodeClient = browser.get(machine);
        assertThat(notACodeClient.headers().firstValue("Location").orElse("")).doesNotContain("code=");
        assertThat(notACodeClient.statusCode()).isIn(302, 400);
    }

    @Test
    void theSignInClientCannotUseClientCredentials() {
        String basic = Base64.getEncoder().encodeToString((CLIENT + ":" + secretOf(CLIENT)).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = new Browser().send(HttpRequest.newBuilder(URI.create(url("/oauth2/token")))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build());
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("unauthorized_client").doesNotContain("access_token");
    }

    @Test
    void theUsersFileHoldsOnlyHashes() throws IOException {
        String users = Files.readString(DATA.resolve(UserStore.FILE_NAME));
        assertThat(users).contains("osaka-buyer").contains("{bcrypt}").doesNotContain(demoPassword());
    }

    // --- helpers ---

    private String authorizeUrl(String state, String challenge) {
        return url("/oauth2/authorize?response_type=code&client_id=" + CLIENT + "&scope=eco.read&state=" + state
                + "&code_challenge=" + challenge + "&code_challenge_method=S256&redirect_uri=" + enc(REDIRECT));
    }

    private HttpResponse<String> redeem(String code, String verifier, String secret) {
        String basic = Base64.getEncoder().encodeToString((CLIENT + ":" + secret).getBytes(StandardCharsets.UTF_8));
        return new Browser().send(HttpRequest.newBuilder(URI.create(url("/oauth2/token")))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=authorization_code&code=" + enc(code)
                        + "&redirect_uri=" + enc(REDIRECT) + "&code_verifier=" + enc(verifier))).build());
    }

    private JWTClaimsSet validate(String token) throws Exception {
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.ES256,
                JWKSourceBuilder.create(new URL(url("/oauth2/jwks"))).retrying(false).build()));
        processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>("originbridge",
                new JWTClaimsSet.Builder().issuer(ISSUER).build(), Set.of("sub", "iat", "exp", "scope", "ob_role")));
        return processor.process(token, null);
    }

    /** A cookie-keeping client that does not follow redirects, like a browser step by step. */
    private final class Browser {
        private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();

        HttpResponse<String> get(String target) {
            return send(HttpRequest.newBuilder(URI.create(target)).header("Accept", "text/html").GET().build());
        }

        HttpResponse<String> postLogin(String username, String password) {
            HttpResponse<String> form = get(url("/login"));
            assertThat(form.statusCode()).isEqualTo(200);
            Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(form.body());
            assertThat(csrf.find()).as("login form has a CSRF token").isTrue();
            return send(HttpRequest.newBuilder(URI.create(url("/login")))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("username=" + enc(username) + "&password=" + enc(password)
                            + "&_csrf=" + enc(csrf.group(1)))).build());
        }

        /** authorize -> login -> authorize again -> the code delivered to the redirect URI. */
        String signIn(String authorize, String username, String password) {
            HttpResponse<String> start = get(authorize);
            assertThat(start.statusCode()).isEqualTo(302);
            assertThat(start.headers().firstValue("Location").orElseThrow()).endsWith("/login");
            HttpResponse<String> posted = postLogin(username, password);
            assertThat(posted.statusCode()).isEqualTo(302);
            String back = posted.headers().firstValue("Location").orElseThrow();
            assertThat(back).contains("/oauth2/authorize");
            HttpResponse<String> authorized = get(back);
            assertThat(authorized.statusCode()).isEqualTo(302);
            String redirect = authorized.headers().firstValue("Location").orElseThrow();
            assertThat(redirect).startsWith(REDIRECT + "?");
            Map<String, String> query = query(URI.create(redirect).getRawQuery());
            assertThat(query).containsKey("code").containsKey("state");
            return query.get("code");
        }

        HttpResponse<String> send(HttpRequest request) {
            try {
                return http.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            values.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return values;
    }

    private static String challenge(String verifier) throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    private static String demoPassword() {
        try {
            for (String line : Files.readAllLines(DATA.resolve(UserStore.INITIAL_PASSWORDS))) {
                String[] parts = line.split(" ");
                if (parts[0].equals("osaka-buyer")) {
                    return parts[1];
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        throw new IllegalStateException("no demo password");
    }

    private static String secretOf(String clientId) {
        List<ClientDefinition> clients = ClientStore.load(DATA.resolve(ClientStore.FILE_NAME));
        return clients.stream().filter(c -> c.clientId().equals(clientId)).findFirst().orElseThrow().clientSecret();
    }

    private static Path tempDirectory() {
        try {
            return Files.createTempDirectory("auth-code-flow-it");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
