package org.originbridge.e2e.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.originbridge.e2e.SharedPipeline;

/**
 * The harness itself: a real Chromium opens a page of the third-party site (another origin), whose
 * script reads status-query's public JWKS cross-origin (allowed by the CORS policy the shared
 * pipeline configures); with JavaScript off the same page shows its no-script text instead.
 */
@ExtendWith(BrowserTier.class)
class BrowserHarnessIT {

    private static final String PAGE = """
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><title>Harness</title>
            <script type="module">
              const out = document.getElementById('out');
              fetch('%s/.well-known/jwks.json')
                .then(r => r.json())
                .then(jwks => { out.textContent = 'keys:' + Array.isArray(jwks.keys); })
                .catch(e => { out.textContent = 'refused:' + e; });
            </script></head>
            <body><h1>An exporter's page</h1><p id="out">waiting</p>
            <noscript><p id="noscript">scripts are off</p></noscript></body></html>
            """;

    @Test
    void aPageOfAnotherOriginReadsThePublicApiCrossOrigin(Browser browser, SharedPipeline pipeline) {
        String url = pipeline.site().putHtml("/harness.html", PAGE.formatted(pipeline.url("status-query")));
        assertThat(url).doesNotStartWith(pipeline.url("status-query"));

        browser.go(url);

        browser.await(d -> d.findElement(By.id("out")).getText().startsWith("keys:"));
        assertThat(browser.driver().findElement(By.id("out")).getText()).isEqualTo("keys:true");
        assertThat(browser.driver().findElements(By.id("noscript"))).isEmpty();
    }

    @Test
    void withScriptsOffThePageRunsNoScript(SharedPipeline pipeline) {
        String url = pipeline.site().putHtml("/harness-noscript.html", PAGE.formatted(pipeline.url("status-query")));
        try (Browser browser = Browser.open(Browser.Scripts.DISABLED, "en")) {
            browser.go(url);
            assertThat(browser.await(By.id("noscript")).getText()).isEqualTo("scripts are off");
            assertThat(browser.driver().findElement(By.id("out")).getText()).isEqualTo("waiting");
        }
    }
}
