package org.originbridge.e2e.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.originbridge.e2e.SharedPipeline;
import org.originbridge.platform.signing.ShortCode;
import tools.jackson.databind.JsonNode;

/**
 * axe-core ({@link Axe}) against every public view of the website face: the verification form and
 * result page, the iframe card, the embeddable module on a third-party page and the route page
 * (the importer portal is checked in {@link ImporterPortalBrowserIT}, behind its sign-in). No
 * serious or critical violation is allowed. And one visitor who uses the keyboard only.
 */
@ExtendWith(BrowserTier.class)
class AccessibilityBrowserIT {

    private static Verified verified;

    private record Verified(String reference, String code) {
    }

    @Test
    void thePublicViewsHaveNoSeriousAccessibilityViolation(Browser browser, SharedPipeline pipeline) {
        Verified v = verified(pipeline);
        String base = pipeline.url("status-query");
        String query = "?code=" + URLEncoder.encode(v.code(), StandardCharsets.UTF_8);
        String[][] views = {
            {"verification form", base + "/verify"},
            {"verification result", base + "/verify/" + v.reference() + query},
            {"verification result (zh)", base + "/verify/" + v.reference() + query + "&lang=zh"},
            {"unknown reference", base + "/verify/RCEP-NOPE-1?code=0000-0000-000"},
            {"iframe card", base + "/embed/frame?reference=" + v.reference() + "&code="
                    + URLEncoder.encode(v.code(), StandardCharsets.UTF_8)},
            {"route page", base + "/routes/" + v.reference() + query},
        };
        for (String[] view : views) {
            browser.go(view[1]);
            browser.await(By.tagName("body"));
            assertThat(Axe.seriousViolations(browser)).as(view[0] + " " + view[1]).isEmpty();
        }

        String page = pipeline.site().putHtml("/a11y-module.html", """
                <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Exporter - Certifications</title>
                <script type="module" src="%s/embed/originbridge.js"></script></head>
                <body><main><h1>Certifications</h1>
                <originbridge-verification reference="%s" code="%s"></originbridge-verification></main></body></html>
                """.formatted(base, v.reference(), v.code()));
        browser.go(page);
        browser.await(d -> d.findElement(By.tagName("originbridge-verification")).getAttribute("state") != null);
        assertThat(Axe.seriousViolations(browser)).as("embeddable module").isEmpty();
    }

    @Test
    void aKeyboardOnlyVisitorTabsToTheFieldsAndSubmitsWithEnter(Browser browser, SharedPipeline pipeline) {
        Verified v = verified(pipeline);
        browser.go(pipeline.url("status-query") + "/verify");
        browser.await(By.id("reference"));
        Actions keys = new Actions(browser.driver());
        String focused = null;
        for (int i = 0; i < 10 && !"reference".equals(focused); i++) {
            keys.sendKeys(Keys.TAB).perform();
            focused = activeId(browser);
        }
        assertThat(focused).as("Tab reaches the reference field").isEqualTo("reference");
        keys.sendKeys(v.reference()).perform();
        keys.sendKeys(Keys.TAB).perform();
        assertThat(activeId(browser)).as("the next Tab is the code field").isEqualTo("code");
        keys.sendKeys(v.code()).sendKeys(Keys.ENTER).perform();

        WebElement heading = browser.await(By.id("result-heading"));
        assertThat(heading.getText()).isEqualTo("Verified");
    }

    private static String activeId(Browser browser) {
        return (String) browser.script("return document.activeElement ? document.activeElement.id : null;");
    }

    /** A declaration of SUP-E2E-3 verified by the pipeline (its e-CO may or may not be issued yet). */
    private static synchronized Verified verified(SharedPipeline pipeline) {
        if (verified == null) {
            SharedPipeline.Submitted s = pipeline.submit("SUP-E2E-3", "RCEP-CN-2026-A");
            JsonNode view = pipeline.awaitView(s.declarationId(),
                    v -> "ISSUED".equals(SharedPipeline.text(v, "/issuance/current/status"))
                            && SharedPipeline.text(v, "/verification/shortCode") != null);
            verified = new Verified(s.referenceNumber(), ShortCode.display(SharedPipeline.text(view, "/verification/shortCode")));
        }
        return verified;
    }
}
