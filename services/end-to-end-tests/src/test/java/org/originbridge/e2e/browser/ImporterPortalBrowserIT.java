package org.originbridge.e2e.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Base64;
import java.util.UUID;

import org.apache.avro.generic.GenericRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.originbridge.e2e.Declarations;
import org.originbridge.e2e.RealAuthServer;
import org.originbridge.e2e.SharedPipeline;
import org.originbridge.platform.Topics;
import org.originbridge.testsupport.ConfluentWire;
import org.originbridge.testsupport.RealInfrastructure;
import org.originbridge.testsupport.TopicProbe;
import tools.jackson.databind.JsonNode;

/**
 * The importer portal in a real Chromium, through the real authorization server: a declaration
 * addressed to the importer JP-OSAKA-DENKI runs through the pipeline until CCPIT issues its e-CO;
 * the demo importer user (seeded by the auth server, password from its data directory) opens
 * status-query's /portal, is sent to the auth server's login form, signs in (authorization code
 * with PKCE), sees the e-CO in the list and on its page, and downloads the PDF (fetched by the
 * page with its session), whose text contains the certificate number. Screenshots of the login
 * form, the list and the e-CO page go to docs/screenshots with -Dscreenshots.update=true.
 */
@ExtendWith(BrowserTier.class)
class ImporterPortalBrowserIT {

    private static final String IMPORTER = "JP-OSAKA-DENKI";
    private static final String USER = "osaka-buyer";

    @Test
    void theImporterSignsInSeesItsEcoAndDownloadsThePdf(Browser browser, SharedPipeline pipeline) throws IOException {
        String declarationId = submitAddressedTo(IMPORTER);
        JsonNode view = pipeline.awaitView(declarationId,
                v -> "ISSUED".equals(SharedPipeline.text(v, "/issuance/current/status")));
        String certificate = SharedPipeline.text(view, "/issuance/current/certificateNumber");
        assertThat(certificate).isNotBlank();

        browser.go(pipeline.url("status-query") + "/portal");
        WebElement username = browser.await(By.id("username"));
        assertThat(browser.driver().getCurrentUrl()).startsWith(RealAuthServer.shared().issuer() + "/login");
        username.sendKeys(USER);
        browser.driver().findElement(By.id("password")).sendKeys(RealAuthServer.shared().initialPassword(USER));
        browser.screenshot("portal-sign-in");
        browser.driver().findElement(By.cssSelector("button[type=submit]")).click();

        WebElement row = browser.await(By.cssSelector("tr[data-declaration='" + declarationId + "']"));
        assertThat(browser.driver().getCurrentUrl()).startsWith(pipeline.url("status-query") + "/portal");
        assertThat(browser.driver().findElement(By.id("importer")).getText()).isEqualTo(IMPORTER);
        assertThat(row.getText()).contains(certificate, "ISSUED");
        browser.screenshot("portal-list");

        row.findElement(By.tagName("a")).click();
        assertThat(browser.await(By.id("certificate-number")).getText()).isEqualTo(certificate);
        browser.screenshot("portal-eco");

        String pdfUrl = browser.await(By.id("download-pdf")).getAttribute("href");
        Object fetched = browser.asyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0], {credentials: 'same-origin'})
                  .then(r => r.ok ? r.arrayBuffer() : Promise.reject('HTTP ' + r.status))
                  .then(b => { const a = new Uint8Array(b); let s = '';
                               for (let i = 0; i < a.length; i++) s += String.fromCharCode(a[i]);
                               done(btoa(s)); })
                  .catch(e => done('ERROR ' + e));""", pdfUrl);
        assertThat(fetched).isInstanceOf(String.class);
        assertThat((String) fetched).doesNotStartWith("ERROR");
        try (PDDocument pdf = Loader.loadPDF(Base64.getDecoder().decode((String) fetched))) {
            assertThat(new PDFTextStripper().getText(pdf)).contains(certificate, "Osaka");
        }
    }

    /** A complete CN -> JP certificate of origin whose importer party is the given importer. */
    private static String submitAddressedTo(String importerId) {
        String suffix = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String id = "E2E-PORTAL-" + suffix;
        GenericRecord declaration = Declarations.certificateOfOrigin(id, "SUP-E2E-1", "RCEP-CN-2026-P" + suffix,
                new Declarations.Consignment("TDP" + suffix, "BKP" + suffix, "CONTP" + suffix));
        GenericRecord importer = (GenericRecord) declaration.get("importer");
        importer.put("name", "Osaka Denki Trading K.K.");
        importer.put("identifier", importerId);
        ConfluentWire wire = new ConfluentWire(RealInfrastructure.confluentCompatibleUrl());
        int schemaId = wire.register(Topics.DECLARATIONS_SUBMITTED, Declarations.SCHEMA);
        TopicProbe.sendRaw(Topics.DECLARATIONS_SUBMITTED, id, wire.encode(schemaId, declaration));
        return id;
    }
}
