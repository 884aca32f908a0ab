package org.originbridge.e2e.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.originbridge.e2e.RealAuthServer;
import org.originbridge.e2e.SharedPipeline;

/**
 * The embeddable importer module ({@code <originbridge-importer>}) on a procurement page of another
 * origin, in each of its languages: the page's {@code <html lang>} (or the element's {@code lang})
 * picks the texts; the list comes from status-query's importer API with a token the page's own
 * backend hands over ({@code token-url}), across origins (the bearer CORS policy).
 */
@ExtendWith(BrowserTier.class)
class ImporterModuleBrowserIT {

    @Test
    void theModuleSpeaksThePagesLanguage(Browser browser, SharedPipeline pipeline) {
        String token = RealAuthServer.shared().importer(RealAuthServer.IMPORTER_IDS.get(0));
        pipeline.site().put("/procurement/token", "application/json",
                ("{\"access_token\": \"" + token + "\"}").getBytes(StandardCharsets.UTF_8));
        String[][] languages = {
            {"en", "addressed to you"},
            {"zh", "发给您的电子原产地证书"},
            {"vi", "e-CO gửi cho bạn"},
            {"ms", "dialamatkan kepada anda"},
        };
        for (String[] language : languages) {
            String url = pipeline.site().putHtml("/procurement-" + language[0] + ".html", """
                    <!DOCTYPE html><html lang="%s"><head><meta charset="utf-8"><title>Buyer</title>
                    <script type="module" src="%s/embed/originbridge-importer.js"></script></head>
                    <body><main><originbridge-importer base-url="%s" token-url="/procurement/token"></originbridge-importer>
                    </main></body></html>""".formatted(language[0], pipeline.url("status-query"), pipeline.url("status-query")));
            browser.go(url);
            String status = browser.await(d -> {
                String text = (String) browser.script(
                        "const e = document.querySelector('originbridge-importer');"
                                + "return e && e.shadowRoot ? e.shadowRoot.querySelector('[role=status]').textContent : null;");
                return text != null && text.contains(language[1]) ? text : null;
            });
            assertThat(status).as(language[0]).contains(language[1]);
            if (!language[0].equals("en")) {
                assertThat(status).as(language[0]).doesNotContain("addressed to you");
            }
        }
    }
}
