package org.originbridge.status.adapter.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.originbridge.status.domain.Fixtures.T0;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oauth2Login;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.originbridge.status.adapter.mongo.MongoStatusStore;
import org.originbridge.status.domain.DeclarationData;
import org.originbridge.status.domain.Fixtures;
import org.originbridge.status.domain.IntakeRecord;
import org.originbridge.testsupport.EmbeddedMongo;
import org.originbridge.testsupport.RealInfrastructure;
import org.originbridge.testsupport.TestIssuer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserRequest;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.user.DefaultOAuth2User;
import org.springframework.security.oauth2.core.user.OAuth2User;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.web.context.WebApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The importer portal in the real application: its own session + CSRF filter chain in front of the
 * platform's, sign-in redirected to the authorization server with PKCE, tenant isolation between
 * importers, the PDF (read back with PDFBox) and the signed copy, verified against the JWKS that
 * status-query serves after publishing its own key on {@code signing-keys} (real broker).
 * Signed-in users are simulated with Spring Security's {@code oauth2Login()}; {@link PortalUsers},
 * which turns the authorization server's access token into that user, is tested on its own here.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        // a free management port: a local stack on the default ports must not break the test
        "management.server.port=0",
        "spring.security.oauth2.client.registration.originbridge.client-secret=test-portal-secret",
        "spring.security.oauth2.client.provider.originbridge.authorization-uri=http://auth.test:24088/oauth2/authorize",
        "spring.security.oauth2.client.provider.originbridge.token-uri=http://auth.test:24088/oauth2/token",
        "originbridge.security.cors.bearer-origins=https://buyer.example"})
class PortalIT {

    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final String OSAKA = "JP-OSAKA-" + RUN;
    private static final String HANOI = "VN-HANOI-" + RUN;
    private static final Path KEYS = tempDirectory();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        RealInfrastructure.registerProperties(registry);
        EmbeddedMongo.registerProperties(registry, "status-query-portal-it");
        TestIssuer.registerProperties(registry);
        registry.add("originbridge.signing.key-dir", KEYS::toString);
    }

    @LocalServerPort
    int port;
    @Autowired
    MongoStatusStore store;
    @Autowired
    WebApplicationContext context;
    @Autowired
    JwtDecoder decoder;
    @Autowired
    ClientRegistrationRepository registrations;

    private MockMvc mvc;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity()).build();
        seed("D-OSAKA-1-" + RUN, "SUP-A-" + RUN, OSAKA, "ISSUED", party("Osaka Denki KK", OSAKA));
        seed("D-OSAKA-2-" + RUN, "SUP-B-" + RUN, OSAKA, "UNDER_REVIEW", party("Osaka Denki KK", OSAKA));
        seed("D-HANOI-1-" + RUN, "SUP-A-" + RUN, HANOI, "ISSUED", party("Hanoi Trading JSC", HANOI));
    }

    @Test
    void signingInStartsTheCodeFlowWithPkceAtTheAuthorizationServer() throws Exception {
        HttpResponse<String> portal = raw("/portal");
        assertThat(portal.statusCode()).isEqualTo(302);
        assertThat(portal.headers().firstValue("Location").orElseThrow()).endsWith("/oauth2/authorization/originbridge");

        HttpResponse<String> start = raw("/oauth2/authorization/originbridge");
        assertThat(start.statusCode()).isEqualTo(302);
        String location = start.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith("http://auth.test:24088/oauth2/authorize?")
                .contains("response_type=code", "client_id=importer-portal", "code_challenge_method=S256",
                        "code_challenge=", "state=", "scope=eco.read");
        assertThat(URLDecoder.decode(location, StandardCharsets.UTF_8))
                .contains("redirect_uri=http://127.0.0.1:" + port + "/login/oauth2/code/originbridge");
        assertThat(start.headers().firstValue("Set-Cookie").orElseThrow()).startsWith("OB_PORTAL_SESSION=")
                .containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax");
    }

    @Test
    void theApisStayStatelessBearerOnly() throws Exception {
        HttpResponse<String> api = raw("/api/v1/importer/declarations/D-OSAKA-1-" + RUN + "/eco");
        assertThat(api.statusCode()).isEqualTo(401);
        assertThat(api.headers().firstValue("Set-Cookie")).isEmpty();
        assertThat(api.headers().firstValue("Location")).isEmpty();
    }

    @Test
    void anImporterSeesOnlyTheEcosAddressedToIt() throws Exception {
        String page = mvc.perform(get("/portal").with(oauth2Login().oauth2User(importer(OSAKA))))
                .andReturn().getResponse().getContentAsString();

        assertThat(page).contains("D-OSAKA-1-" + RUN, "D-OSAKA-2-" + RUN, "CCPIT-2026-0001", "UNDER_REVIEW", OSAKA)
                .doesNotContain("D-HANOI-1-" + RUN);

        String hanoiPage = mvc.perform(get("/portal").with(oauth2Login().oauth2User(importer(HANOI))))
                .andReturn().getResponse().getContentAsString();
        assertThat(hanoiPage).contains("D-HANOI-1-" + RUN).doesNotContain("D-OSAKA-1-" + RUN);

        // another importer's e-CO answers exactly as an unknown one, on every portal path
        for (String path : List.of("/portal/ecos/D-HANOI-1-" + RUN, "/portal/ecos/D-HANOI-1-" + RUN + "/certificate.pdf",
                "/portal/ecos/D-HANOI-1-" + RUN + "/signed-copy.json", "/portal/ecos/D-NOBODY/certificate.pdf")) {
            assertThat(status(get(path).with(oauth2Login().oauth2User(importer(OSAKA))))).as(path).isEqualTo(404);
        }
        // a not yet issued e-CO has a page but no downloads
        assertThat(mvc.perform(get("/portal/ecos/D-OSAKA-2-" + RUN).with(oauth2Login().oauth2User(importer(OSAKA))))
                .andReturn().getResponse().getContentAsString()).contains("not issued", "Under review");
        assertThat(status(get("/portal/ecos/D-OSAKA-2-" + RUN + "/certificate.pdf")
                .with(oauth2Login().oauth2User(importer(OSAKA))))).isEqualTo(404);
    }

    @ParameterizedTest
    @CsvSource({"en, Certificates of origin addressed to you, Download PDF",
            "zh, 发给贵公司的原产地证书, 下载 PDF",
            "vi, Giấy chứng nhận xuất xứ gửi cho bạn, Tải PDF",
            "ms, Sijil asal yang dialamatkan kepada anda, Muat turun PDF"})
    void thePortalSpeaksTheImportersLanguageFromLangOrAcceptLanguage(String lang, String heading, String download)
            throws Exception {
        String byParameter = page(get("/portal").param("lang", lang));
        String byHeader = page(get("/portal").header("Accept-Language", lang + ";q=0.9, fr;q=0.8"));
        for (String list : List.of(byParameter, byHeader)) {
            assertThat(list).contains("<html lang=\"" + lang + "\"", heading, "D-OSAKA-1-" + RUN);
        }
        // links inside the portal keep the language; the e-CO page is translated too
        assertThat(byHeader).contains("/portal/ecos/D-OSAKA-1-" + RUN + "?lang=" + lang);
        assertThat(page(get("/portal/ecos/D-OSAKA-1-" + RUN).param("lang", lang))).contains(download, "CCPIT-2026-0001");
        if (!lang.equals("en")) {
            assertThat(byParameter).doesNotContain("Certificates of origin addressed to you");
        }
    }

    @Test
    void anUnknownOrHostileLanguageFallsBackToEnglish() throws Exception {
        for (String lang : List.of("fr", "<script>alert(1)</script>", "zh\"><img src=x>", "x".repeat(5000))) {
            String page = page(get("/portal").param("lang", lang));
            assertThat(page).as(lang).contains("<html lang=\"en\"", "Certificates of origin addressed to you")
                    .doesNotContain("<script>alert", "<img src=x>");
        }
    }

    @Test
    void theSignedOutPageIsPublicAndTranslated() throws Exception {
        MvcResult result = mvc.perform(get("/portal/signed-out").param("error", "").param("lang", "zh")).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        assertThat(result.getResponse().getContentAsString()).contains("您已退出登录", "登录未成功", "/portal?lang=zh");
    }

    @Test
    void aSignedInUserWhoIsNotAnImporterIsRefused() throws Exception {
        DefaultOAuth2User exporter = new DefaultOAuth2User(List.of(new SimpleGrantedAuthority("SCOPE_eco.read")),
                Map.of("sub", "exporter-a", "ob_role", "exporter", "ob_tenants", List.of("SUP-A-" + RUN)), "sub");
        assertThat(status(get("/portal").with(oauth2Login().oauth2User(exporter)))).isEqualTo(403);
        assertThat(status(get("/portal/ecos/D-OSAKA-1-" + RUN + "/certificate.pdf")
                .with(oauth2Login().oauth2User(exporter)))).isEqualTo(403);
    }

    @Test
    void signingOutNeedsTheCsrfToken() throws Exception {
        assertThat(status(post("/portal/logout").with(oauth2Login().oauth2User(importer(OSAKA))))).isEqualTo(403);
        MvcResult out = mvc.perform(post("/portal/logout").with(oauth2Login().oauth2User(importer(OSAKA))).with(csrf()))
                .andReturn();
        assertThat(out.getResponse().getStatus()).isEqualTo(302);
        assertThat(out.getResponse().getRedirectedUrl()).isEqualTo("/portal/signed-out");
        // the page's sign-out form carries the token
        assertThat(mvc.perform(get("/portal").with(oauth2Login().oauth2User(importer(OSAKA))))
                .andReturn().getResponse().getContentAsString()).contains("name=\"_csrf\"");
    }

    @Test
    void thePdfCarriesTheAnnex3bDataAndTheCertificateNumber() throws Exception {
        MvcResult result = mvc.perform(get("/portal/ecos/D-OSAKA-1-" + RUN + "/certificate.pdf")
                .with(oauth2Login().oauth2User(importer(OSAKA)))).andReturn();

        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        assertThat(result.getResponse().getContentType()).isEqualTo("application/pdf");
        assertThat(result.getResponse().getHeader("Content-Disposition")).contains("attachment", ".pdf");
        assertThat(result.getResponse().getHeader("Cache-Control")).contains("no-store");
        String text = text(result.getResponse().getContentAsByteArray());
        assertThat(text).contains("CCPIT-2026-0001", "REF-D-OSAKA-1-" + RUN, "Ningbo Bright Lamps", "Osaka Denki KK",
                "HS code", "Origin criterion", Fixtures.SHORT_CODE, "Port of loading");
    }

    @Test
    void theSignedCopyVerifiesAgainstTheJwksStatusQueryServes() throws Exception {
        MvcResult result = mvc.perform(get("/portal/ecos/D-OSAKA-1-" + RUN + "/signed-copy.json")
                .with(oauth2Login().oauth2User(importer(OSAKA)))).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        JsonNode copy = JSON.readTree(result.getResponse().getContentAsString());
        assertThat(copy.path("format").asString()).isEqualTo("originbridge-eco-copy/1");
        String jws = copy.path("jws").asString();
        String kid = SignedJWT.parse(jws).getHeader().getKeyID();

        // status-query published its own key on signing-keys and serves it like the others'
        JWKSet jwks = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(
                () -> JWKSet.load(new URL("http://127.0.0.1:" + port + "/.well-known/jwks.json")),
                set -> set.getKeyByKeyId(kid) != null);
        DefaultJWTProcessor<SecurityContext> verifier = new DefaultJWTProcessor<>();
        verifier.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(new JOSEObjectType("originbridge-eco-copy")));
        verifier.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.ES256, new ImmutableJWKSet<>(jwks)));
        JWTClaimsSet claims = verifier.process(jws, null);

        assertThat(claims.getSubject()).isEqualTo("D-OSAKA-1-" + RUN);
        assertThat(JSON.readTree(JSON.writeValueAsString(claims.getJSONObjectClaim("eco")))).isEqualTo(copy.path("eco"));
        assertThat(copy.path("eco").path("certificateNumber").asString()).isEqualTo("CCPIT-2026-0001");
        assertThat(copy.path("eco").path("declaration").path("importer").path("identifier").asString()).isEqualTo(OSAKA);

        // a copy whose document was changed no longer matches its signature's content
        String tampered = jws.substring(0, jws.lastIndexOf('.')) + "." + "A".repeat(86);
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> verifier.process(tampered, null))).isNotNull();
    }

    @Test
    void hostileIdsAndContentNeverBreakThePortal() throws Exception {
        for (String id : List.of("%24where", "..", "a%00b", "x".repeat(300), "D-OSAKA-1-" + RUN + "%0d%0aX-Injected:1")) {
            int status = status(get("/portal/ecos/" + id).with(oauth2Login().oauth2User(importer(OSAKA))));
            assertThat(status).as(id).isIn(400, 404);
        }
        String hostileId = "D-HOSTILE-" + RUN;
        DeclarationData base = Fixtures.declaration("REF-" + hostileId);
        DeclarationData.Goods goods = new DeclarationData.Goods(1, "<script>alert(1)</script>\u0000\u202e 电灯 "
                + "very long description ".repeat(300), "8539.50", "RVC40", "CN", "10.000", "PCE", "1.000", "9.99", "USD");
        DeclarationData hostile = new DeclarationData(base.documentType(), base.referenceNumber(), base.issueDate(),
                new DeclarationData.Party("宁波明灯 <b>Ltd</b>", "Ningbo\r\n", "CN"), base.producer(),
                party("Osaka </td><script>x()</script>", OSAKA), base.destinationCountry(), List.of(goods),
                base.consignment(), base.approvedExporterCode(), base.issuingBody());
        store.recordIntake(hostileId, "SUP-A-" + RUN, "REF-" + hostileId, IntakeRecord.of(IntakeRecord.ACCEPTED, T0, null, null), hostile);
        store.recordVerification(hostileId, "SUP-A-" + RUN, "REF-" + hostileId, Fixtures.verification("code", T0));
        store.recordIssuance(hostileId, "SUP-A-" + RUN, "REF-" + hostileId, Fixtures.issuance(1, "ISSUED", T0));

        String page = mvc.perform(get("/portal/ecos/" + hostileId).with(oauth2Login().oauth2User(importer(OSAKA))))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).doesNotContain("<script>alert(1)</script>", "<b>Ltd</b>", "<script>x()</script>")
                .contains("&lt;script&gt;");
        MvcResult pdf = mvc.perform(get("/portal/ecos/" + hostileId + "/certificate.pdf")
                .with(oauth2Login().oauth2User(importer(OSAKA)))).andReturn();
        assertThat(pdf.getResponse().getStatus()).isEqualTo(200);
        String text = text(pdf.getResponse().getContentAsByteArray());
        assertThat(text).contains("CCPIT-2026-0001", "?? <b>Ltd</b>").doesNotContain("\u0000");
    }

    @Test
    void portalUsersComeFromTheAuthorizationServersValidatedAccessToken() {
        PortalUsers users = new PortalUsers(decoder);
        TestIssuer issuer = TestIssuer.shared();

        OAuth2User user = users.loadUser(request(issuer.importer(OSAKA)));
        assertThat(user.getName()).isNotBlank();
        assertThat(user.getAuthorities()).extracting(Object::toString).contains(PortalUsers.IMPORTER, "SCOPE_eco.read");
        assertThat(PortalUsers.caller(user).importerId()).isEqualTo(OSAKA);

        OAuth2User exporter = users.loadUser(request(issuer.exporter("SUP-A")));
        assertThat(exporter.getAuthorities()).extracting(Object::toString).doesNotContain(PortalUsers.IMPORTER);

        for (String forged : List.of(issuer.expired("SUP-A"), issuer.foreignIssuer("SUP-A"), issuer.algNone("SUP-A"),
                issuer.hs256WithPublicKey("SUP-A"), "garbage")) {
            assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> users.loadUser(request(forged))))
                    .as(forged).isInstanceOf(OAuth2AuthenticationException.class);
        }
    }

    @Test
    void theImporterApiListsAndDownloadsForTheEmbeddableModuleWithABearerToken() throws Exception {
        TestIssuer issuer = TestIssuer.shared();
        HttpResponse<String> list = bearer("/api/v1/importer/ecos", issuer.importer(OSAKA));
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("D-OSAKA-1-" + RUN, "D-OSAKA-2-" + RUN).doesNotContain("D-HANOI-1-" + RUN);
        assertThat(bearer("/api/v1/importer/ecos", issuer.exporter("SUP-A-" + RUN)).body()).doesNotContain("D-OSAKA");

        HttpResponse<byte[]> pdf = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/api/v1/importer/declarations/D-OSAKA-1-" + RUN + "/eco.pdf"))
                .header("Authorization", "Bearer " + issuer.importer(OSAKA)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(text(pdf.body())).contains("CCPIT-2026-0001");
        assertThat(bearer("/api/v1/importer/declarations/D-OSAKA-1-" + RUN + "/eco.pdf", issuer.importer(HANOI)).statusCode())
                .isEqualTo(404);
        assertThat(bearer("/api/v1/importer/declarations/D-OSAKA-1-" + RUN + "/eco.signed.json", issuer.importer(OSAKA)).body())
                .contains("\"jws\"", "originbridge-eco-copy/1");
        assertThat(bearer("/api/v1/importer/declarations/D-OSAKA-1-" + RUN + "/eco.signed.json", null).statusCode()).isEqualTo(401);
    }

    @Test
    void theImporterApiHasAnExplicitCorsPolicyForBearerCallsAndTheModuleIsServedOpenly() throws Exception {
        HttpResponse<String> allowed = preflight("/api/v1/importer/ecos", "https://buyer.example");
        assertThat(allowed.statusCode()).isEqualTo(200);
        assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://buyer.example");
        assertThat(allowed.headers().firstValue("Access-Control-Allow-Headers").orElse("")).containsIgnoringCase("authorization");
        assertThat(allowed.headers().firstValue("Access-Control-Allow-Credentials")).isEmpty();
        assertThat(preflight("/api/v1/importer/ecos", "https://evil.example").statusCode()).isEqualTo(403);
        assertThat(preflight("/api/v1/declarations", "https://buyer.example").headers()
                .firstValue("Access-Control-Allow-Origin")).isEmpty();

        HttpResponse<String> module = raw("/embed/originbridge-importer.js");
        assertThat(module.statusCode()).isEqualTo(200);
        assertThat(module.headers().firstValue("Content-Type").orElse("")).contains("javascript");
        assertThat(module.body()).contains("customElements.define('originbridge-importer'").doesNotContain("innerHTML");
    }

    // --- helpers ---

    private HttpResponse<String> bearer(String path, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> preflight(String path, String origin) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).header("Origin", origin)
                .header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "authorization").build(), HttpResponse.BodyHandlers.ofString());
    }

    private OAuth2UserRequest request(String token) {
        return new OAuth2UserRequest(registrations.findByRegistrationId("originbridge"),
                new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, token, java.time.Instant.now(),
                        java.time.Instant.now().plusSeconds(60)));
    }

    private static OAuth2User importer(String importerId) {
        return new DefaultOAuth2User(List.of(new SimpleGrantedAuthority(PortalUsers.IMPORTER)),
                Map.of("sub", "buyer-" + importerId, "ob_role", "importer", "ob_importer", importerId, "ob_tenants", List.of(),
                        "scope", "eco.read"), "sub");
    }

    private static DeclarationData.Party party(String name, String importerId) {
        return new DeclarationData.Party(name, "1-1 Umeda, Osaka", "JP", importerId);
    }

    private void seed(String id, String supplier, String importerId, String status, DeclarationData.Party importer) {
        DeclarationData d = Fixtures.declaration("REF-" + id);
        d = new DeclarationData(d.documentType(), d.referenceNumber(), d.issueDate(), d.exporter(), d.producer(), importer,
                d.destinationCountry(), d.goods(), d.consignment(), d.approvedExporterCode(), d.issuingBody());
        store.recordIntake(id, supplier, "REF-" + id, IntakeRecord.of(IntakeRecord.ACCEPTED, T0, null, null), d);
        store.recordVerification(id, supplier, "REF-" + id, Fixtures.verification("code-" + id, T0));
        store.recordIssuance(id, supplier, "REF-" + id, Fixtures.issuance(1, status, T0));
    }

    /** A portal page as the Osaka importer sees it (status 200 asserted). */
    private String page(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request) throws Exception {
        MvcResult result = mvc.perform(request.with(oauth2Login().oauth2User(importer(OSAKA)))).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        result.getResponse().setCharacterEncoding("UTF-8");
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private int status(org.springframework.test.web.servlet.RequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn().getResponse().getStatus();
    }

    private HttpResponse<String> raw(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).header("Accept", "text/html")
                .GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    private static Path tempDirectory() {
        try {
            return Files.createTempDirectory("status-query-portal-keys");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
