package org.originbridge.e2e.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.originbridge.e2e.SharedPipeline;
import org.originbridge.platform.signing.ShortCode;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The verification face in a real Chromium, on the real pipeline: the embeddable module on a page
 * of another origin turns to NOT_VERIFIED live when the destination revokes the certificate it had
 * verified (verification follows issuance, so a code exists only once issued); the /verify page works with and
 * without JavaScript; the iframe variant from the snippet generator renders in a third-party page.
 * Screenshots: docs/screenshots/ with -Dscreenshots.update=true.
 */
@ExtendWith(BrowserTier.class)
class VerificationBrowserIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void theModuleOnAThirdPartyPageTurnsToRevokedLiveWhenTheDestinationRevokesTheCertificate(Browser browser,
            SharedPipeline pipeline) throws Exception {
        // verification follows issuance: a code exists once CCPIT (sandbox) issued the e-CO and the
        // destination's channel (Viet Nam's national single window, ASW-VN) verified the issued certificate
        SharedPipeline.Submitted submitted = pipeline.submit("SUP-E2E-1", "RCEP-CN-2026-LIVE-");
        JsonNode verified = pipeline.awaitView(submitted.declarationId(),
                v -> "VERIFIED".equals(SharedPipeline.text(v, "/verification/outcome"))
                        && SharedPipeline.text(v, "/verification/shortCode") != null
                        && "ISSUED".equals(SharedPipeline.text(v, "/issuance/current/status")));
        String code = ShortCode.display(SharedPipeline.text(verified, "/verification/shortCode"));
        String certificate = SharedPipeline.text(verified, "/issuance/current/certificateNumber");
        assertThat(SharedPipeline.text(verified, "/verification/aswReference")).startsWith("ASW-VN-");
        String page = pipeline.site().putHtml("/certifications.html", exporterPage(pipeline.url("status-query"),
                "<originbridge-verification reference=\"" + submitted.referenceNumber() + "\" code=\"" + code
                        + "\"></originbridge-verification>"));

        browser.go(page);

        browser.await(d -> "VERIFIED".equals(d.findElement(By.tagName("originbridge-verification")).getAttribute("state")));
        WebElement status = browser.inShadow("originbridge-verification", "[part=status]");
        assertThat(status.getAttribute("aria-live")).isEqualTo("polite");
        assertThat(status.getText()).contains("Verified");
        assertThat(browser.inShadow("originbridge-verification", "[part=facts]").getText()).contains(code)
                .contains("Hangzhou West Lake Tea Co., Ltd.").contains("CCPIT Zhejiang").contains("CCPIT-RCEP-");
        browser.await(d -> (Boolean) browser.script("const img = document.querySelector('originbridge-verification')"
                + ".shadowRoot.querySelector('img'); return img !== null && img.complete && img.naturalWidth > 0;"));
        browser.screenshot("embed-module-verified");

        // Viet Nam's customs revoke it: the channel's revocation feed -> asw-verification (NOT_VERIFIED, next version)
        // -> asw-verifications -> status-query -> SSE -> the page
        HttpResponse<String> revoked = http.send(HttpRequest.newBuilder(URI.create(pipeline.url("sandbox")
                        + "/sandbox/verification-channels/ASW-VN/revocations"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"certificateNumber\":\"" + certificate
                        + "\",\"reason\":\"origin not confirmed by Viet Nam customs\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(revoked.statusCode()).as(revoked.body()).isEqualTo(200);

        browser.await(d -> "NOT_VERIFIED".equals(d.findElement(By.tagName("originbridge-verification")).getAttribute("state")));
        assertThat(browser.driver().getCurrentUrl()).as("no reload: a live update").isEqualTo(page);
        browser.screenshot("embed-module-revoked");
        assertThat(seriousConsoleErrors(browser)).isEmpty();

        browser.size(390, 844);
        browser.screenshot("embed-module-phone");
    }

    @Test
    void theVerificationPageWorksWithoutJavaScriptFromTheFormToTheResult(SharedPipeline pipeline) {
        Issued issued = issued(pipeline);
        try (Browser browser = Browser.open(Browser.Scripts.DISABLED, "en")) {
            browser.go(pipeline.url("status-query") + "/verify");
            browser.await(By.id("reference")).sendKeys(issued.reference());
            // as a person types it: lower case, spaces instead of dashes
            browser.driver().findElement(By.id("code")).sendKeys(issued.code().toLowerCase().replace('-', ' '));
            browser.screenshot("verify-form");
            browser.driver().findElement(By.cssSelector("button[type=submit]")).click();

            WebElement headline = browser.await(By.id("result-heading"));
            assertThat(headline.getText()).isEqualTo("Verified");
            assertThat(browser.driver().findElement(By.cssSelector(".checks")).getText())
                    .contains("Signature and integrity").contains("Verification at the customs channel")
                    .contains("Issuance status").contains("Issuer identity");
            assertThat(browser.driver().findElement(By.cssSelector("img.qr")).getDomProperty("complete")).isEqualTo("true");
            assertThat(browser.driver().findElement(By.cssSelector("img.qr")).getDomProperty("naturalWidth"))
                    .isNotEqualTo("0");
            browser.screenshot("verify-page");
        }
        try (Browser chinese = Browser.open(Browser.Scripts.DISABLED, "zh-CN,zh")) {
            chinese.go(pipeline.url("status-query") + "/verify/" + issued.reference() + "?code=" + issued.code());
            assertThat(chinese.await(By.id("result-heading")).getText()).isEqualTo("已验证");
            chinese.screenshot("verify-page-zh");
        }
    }

    @Test
    void theVerificationPageWithJavaScriptHasNoCspViolationAndTheBasicsOfAccessibility(Browser browser,
            SharedPipeline pipeline) {
        Issued issued = issued(pipeline);
        browser.go(pipeline.url("status-query") + "/verify/" + issued.reference() + "?code=" + issued.code() + "&lang=vi");

        assertThat(browser.await(By.id("result-heading")).getText()).isEqualTo("Đã xác minh");
        assertThat(browser.driver().findElements(By.tagName("h1"))).hasSize(1);
        assertThat(browser.driver().findElement(By.cssSelector("[role=status]")).getAttribute("aria-live")).isEqualTo("polite");
        for (WebElement input : browser.driver().findElements(By.cssSelector("input[type=text]"))) {
            assertThat(browser.driver().findElements(By.cssSelector("label[for='" + input.getAttribute("id") + "']")))
                    .as("label of " + input.getAttribute("id")).hasSize(1);
        }
        for (WebElement img : browser.driver().findElements(By.tagName("img"))) {
            assertThat(img.getAttribute("alt")).isNotBlank();
        }
        assertThat(browser.driver().findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("vi");
        assertThat(seriousConsoleErrors(browser)).as("CSP violations and script errors").isEmpty();
        browser.screenshot("verify-page-vi");
    }

    @Test
    void theIframeSnippetFromTheGeneratorRendersInAThirdPartyPage(Browser browser, SharedPipeline pipeline) throws Exception {
        Issued issued = issued(pipeline);
        HttpResponse<String> generated = http.send(HttpRequest.newBuilder(URI.create(pipeline.url("status-query")
                + "/api/v1/declarations/" + issued.declarationId() + "/embed-snippet"))
                .header("Authorization", "Bearer " + pipeline.tokens().exporter("SUP-E2E-2")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(generated.statusCode()).as(generated.body()).isEqualTo(200);
        JsonNode snippet = JSON.readTree(generated.body());
        String page = pipeline.site().putHtml("/certifications-iframe.html", exporterPage(null,
                snippet.at("/iframe").asString() + "\n<h2>Also as a module</h2>\n" + snippet.at("/snippet").asString()));

        browser.go(page);

        browser.driver().switchTo().frame(browser.await(By.tagName("iframe")));
        assertThat(browser.await(By.id("result-heading")).getText()).isEqualTo("Verified");
        browser.driver().switchTo().defaultContent();
        browser.await(d -> "VERIFIED".equals(d.findElement(By.tagName("originbridge-verification")).getAttribute("state")));
        browser.screenshot("embed-iframe-and-module");
        assertThat(seriousConsoleErrors(browser)).isEmpty();
    }

    /** An issued declaration of SUP-E2E-2, submitted once for the tests that need one. */
    private record Issued(String declarationId, String reference, String code) {
    }

    private static Issued issued;

    private static synchronized Issued issued(SharedPipeline pipeline) {
        if (issued == null) {
            SharedPipeline.Submitted submitted = pipeline.submit("SUP-E2E-2");
            JsonNode view = pipeline.awaitView(submitted.declarationId(),
                    v -> "ISSUED".equals(SharedPipeline.text(v, "/issuance/current/status"))
                            && SharedPipeline.text(v, "/verification/shortCode") != null);
            issued = new Issued(submitted.declarationId(), submitted.referenceNumber(),
                    ShortCode.display(SharedPipeline.text(view, "/verification/shortCode")));
        }
        return issued;
    }

    /** A plain exporter's "Certifications" page; {@code statusQuery} non-null adds the module's script tag. */
    private static String exporterPage(String statusQuery, String body) {
        String script = statusQuery == null ? ""
                : "<script type=\"module\" src=\"" + statusQuery + "/embed/originbridge.js\"></script>\n";
        return """
                <!doctype html>
                <html lang="en"><head><meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>Hangzhou West Lake Tea - Certifications</title>
                %s<style>
                  body { font-family: Georgia, serif; margin: 2rem auto; max-width: 44rem; padding: 0 1rem; color: #222; }
                  header { border-bottom: 3px solid #2e6b3f; margin-bottom: 1.5rem; }
                  originbridge-verification { --ob-accent: #2e6b3f; --ob-radius: 4px; }
                </style></head>
                <body><header><h1>Hangzhou West Lake Tea Co., Ltd.</h1><p>Certifications</p></header>
                <p>Our RCEP certificate of origin, verified live:</p>
                %s
                </body></html>
                """.formatted(script, body);
    }

    /** SEVERE console messages, except the third-party site's missing favicon. */
    private static List<String> seriousConsoleErrors(Browser browser) {
        return browser.consoleErrors().stream().filter(m -> !m.contains("favicon.ico")).toList();
    }
}
