package org.originbridge.e2e.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What a machine without Chromium is told (BrowserTier fails the browser tests with it). */
class BrowserTest {

    @AfterEach
    void restore() {
        System.clearProperty("browser.chromium");
        System.clearProperty("browser.chromedriver");
    }

    @Test
    void aMissingBrowserIsNamedWithHowToInstallOrSkipIt() {
        System.setProperty("browser.chromium", "/nonexistent/chromium");
        System.setProperty("browser.chromedriver", "/nonexistent/chromedriver");

        String missing = Browser.missingBinaries();

        assertThat(missing).contains("/nonexistent/chromium").contains("/nonexistent/chromedriver")
                .contains("deploy/runtime/ensure-browser.sh").contains("-Dbrowser.skip=true");
    }
}
