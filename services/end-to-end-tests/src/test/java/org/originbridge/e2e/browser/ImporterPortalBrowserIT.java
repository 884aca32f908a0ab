package org.originbridge.e2e.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

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
import org.apache.avro.generic.GenericRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.originbridge.e2e.RealAuthServer;
import org.originbridge.e2e.SharedPipeline;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The importer portal in a real Chromium, through the real authorization server: a declaration
 * addressed to the importer JP-OSAKA-DENKI runs through the pipeline until CCPIT issues its e-CO;
 * the demo importer user (seeded by the auth server, password from its data directory) opens
 * status-query's /portal, is sent to the auth server's login form, signs in (authorization code
 * with PKCE), sees the e-CO in the list and on its page, downloads the PDF (fetched by the page
 * with its session), whose text contains the certificate number, and the signed JSON copy, whose
 * JWS verifies against the keys status-query publishes. Another importer's e-CO is a 404 for the
 * same session, and an exporter's bearer token opens nothing of the portal. Screenshots of the
 * login form, the list and the e-CO page go to docs/screenshots with -Dscreenshots.update=true.
 */
@ExtendWith(BrowserTier.class)
class ImporterPortalBrowserIT {

    private static final String IMPORTER = "JP-OSAKA-DENKI";
    private static final String OTHER_IMPORTER = "KR-BUSAN-OTHER";
    private static final String USER = "osaka-buyer";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void theImporterSignsInSeesItsEcoAndDownloadsThePdfAndTheSignedCopy(Browser browser, SharedPipeline pipeline)
            throws Exception {
        String declarationId = submitAddressedTo(pipeline, IMPORTER, "Osaka Denki Trading K.K.");
        String othersId = submitAddressedTo(pipeline, OTHER_IMPORTER, "Busan Other Trading Co.");
        JsonNode view = pipeline.awaitView(declarationId,
                v -> "ISSUED".equals(SharedPipeline.text(v, "/issuance/current/status")));
        String certificate = SharedPipeline.text(view, "/issuance/current/certificateNumber");
        assertThat(certificate).isNotBlank();
        pipeline.awaitView(othersId, v -> "ISSUED".equals(SharedPipeline.text(v, "/issuance/current/status")));
        String portal = pipeline.url("status-query") + "/portal";

        browser.go(portal);
        WebElement username = browser.await(By.id("username"));
        assertThat(browser.driver().getCurrentUrl()).startsWith(RealAuthServer.shared().issuer() + "/login");
        username.sendKeys(USER);
        browser.driver().findElement(By.id("password")).sendKeys(RealAuthServer.shared().initialPassword(USER));
        browser.screenshot("portal-sign-in");
        browser.driver().findElement(By.cssSelector("button[type=submit]")).click();

        WebElement row = browser.await(By.cssSelector("tr[data-declaration='" + declarationId + "']"));
        assertThat(browser.driver().getCurrentUrl()).startsWith(portal);
        assertThat(browser.driver().findElement(By.id("importer")).getText()).isEqualTo(IMPORTER);
        assertThat(row.getText()).contains(certificate, "Issued");
        assertThat(browser.driver().findElements(By.cssSelector("tr[data-declaration='" + othersId + "']"))).isEmpty();
        assertThat(Axe.seriousViolations(browser)).as("portal list").isEmpty();
        browser.screenshot("portal-list");

        row.findElement(By.tagName("a")).click();
        assertThat(browser.await(By.id("certificate-number")).getText()).isEqualTo(certificate);
        assertThat(Axe.seriousViolations(browser)).as("portal e-CO page").isEmpty();
        browser.screenshot("portal-eco");

        String pdfUrl = browser.await(By.id("download-pdf")).getAttribute("href");
        try (PDDocument pdf = Loader.loadPDF(download(browser, pdfUrl))) {
            assertThat(new PDFTextStripper().getText(pdf)).contains(certificate, "Osaka");
        }

        String copyUrl = browser.await(By.id("download-signed")).getAttribute("href");
        JsonNode copy = JSON.readTree(new String(download(browser, copyUrl), StandardCharsets.UTF_8));
        assertThat(copy.path("format").asString()).isEqualTo("originbridge-eco-copy/1");
        JWTClaimsSet claims = verifyAgainstPublishedKeys(pipeline, copy.path("jws").asString());
        assertThat(claims.getSubject()).isEqualTo(declarationId);
        assertThat(JSON.readTree(JSON.writeValueAsString(claims.getJSONObjectClaim("eco")))).isEqualTo(copy.path("eco"));
        assertThat(copy.path("eco").path("certificateNumber").asString()).isEqualTo(certificate);

        // hostile: the same signed-in importer asks for another importer's e-CO by its id
        for (String path : new String[] {"/ecos/" + othersId, "/ecos/" + othersId + "/certificate.pdf",
                "/ecos/" + othersId + "/signed-copy.json"}) {
            assertThat(status(browser, portal + path)).as(path).isEqualTo(404);
        }
        browser.go(portal + "/ecos/" + othersId);
        assertThat(browser.driver().getPageSource()).doesNotContain("Busan Other Trading");

        // the portal in Chinese (the same session): the list's heading is translated
        browser.go(portal + "?lang=zh");
        assertThat(browser.await(By.tagName("h1")).getText()).isEqualTo("发给贵公司的原产地证书");
        assertThat(browser.driver().findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("zh");
        browser.screenshot("portal-list-zh");
    }

    @Test
    void anExportersTokenOpensNothingOfThePortal(SharedPipeline pipeline) throws Exception {
        // the auth server's login form knows importer users only (users.json); what an exporter holds is a
        // client_credentials token: the portal's chain takes no bearer tokens and sends it to sign in instead
        String exporter = RealAuthServer.shared().exporter("SUP-E2E-1");
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        for (String path : new String[] {"/portal", "/portal/ecos/E2E-ANY/certificate.pdf"}) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(pipeline.url("status-query") + path))
                    .header("Authorization", RealAuthServer.bearer(exporter)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(path).isEqualTo(302);
            assertThat(response.headers().firstValue("Location").orElse("")).as(path)
                    .contains("/oauth2/authorization/originbridge");
        }
    }

    /** The bytes of a same-origin download, fetched by the page with its session cookie. */
    private static byte[] download(Browser browser, String url) {
        Object fetched = browser.asyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0], {credentials: 'same-origin'})
                  .then(r => r.ok ? r.arrayBuffer() : Promise.reject('HTTP ' + r.status))
                  .then(b => { const a = new Uint8Array(b); let s = '';
                               for (let i = 0; i < a.length; i++) s += String.fromCharCode(a[i]);
                               done(btoa(s)); })
                  .catch(e => done('ERROR ' + e));""", url);
        assertThat(fetched).isInstanceOf(String.class);
        assertThat((String) fetched).as(url).doesNotStartWith("ERROR");
        return Base64.getDecoder().decode((String) fetched);
    }

    /** The HTTP status of a same-origin GET made by the page with its session cookie. */
    private static long status(Browser browser, String url) {
        Object status = browser.asyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0], {credentials: 'same-origin', redirect: 'manual'})
                  .then(r => done(r.status)).catch(e => done(-1));""", url);
        return ((Number) status).longValue();
    }

    /** docs/verifying-codes.md "A signed e-CO copy", with nimbus against the JWKS status-query serves. */
    private static JWTClaimsSet verifyAgainstPublishedKeys(SharedPipeline pipeline, String jws) throws Exception {
        String kid = SignedJWT.parse(jws).getHeader().getKeyID();
        assertThat(kid).startsWith("status-query-");
        URL jwksUrl = URI.create(pipeline.url("status-query") + "/.well-known/jwks.json").toURL();
        JWKSet jwks = Awaitility.await("status-query's key in its JWKS").atMost(SharedPipeline.PIPELINE)
                .pollInterval(Duration.ofMillis(500))
                .until(() -> JWKSet.load(jwksUrl), set -> set.getKeyByKeyId(kid) != null);
        DefaultJWTProcessor<SecurityContext> verifier = new DefaultJWTProcessor<>();
        verifier.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(new JOSEObjectType("originbridge-eco-copy")));
        verifier.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.ES256, new ImmutableJWKSet<>(jwks)));
        JWTClaimsSet claims = verifier.process(jws, null);
        assertThat(claims.getIssuer()).isEqualTo("originbridge");
        return claims;
    }

    /** A complete CN -> VN certificate of origin whose importer party is the given importer. */
    private static String submitAddressedTo(SharedPipeline pipeline, String importerId, String importerName) {
        return pipeline.submit("SUP-E2E-1", "RCEP-CN-2026-P", declaration -> {
            GenericRecord importer = (GenericRecord) declaration.get("importer");
            importer.put("name", importerName);
            importer.put("identifier", importerId);
        }).declarationId();
    }
}
