package org.originbridge.e2e.browser;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.originbridge.e2e.SharedPipeline;

/**
 * The browser tier, for a test class: {@code @ExtendWith(BrowserTier.class)}.
 * <ul>
 *   <li>fails the class when Chromium or chromedriver is missing (with how to install them), or
 *       skips it when the run says {@code -Dbrowser.skip=true};</li>
 *   <li>starts (once per run) the {@link SharedPipeline} with its {@link ThirdPartySite};</li>
 *   <li>resolves test parameters: {@link SharedPipeline}, and {@link Browser} (a fresh headless
 *       browser per test, JavaScript on, English, closed after the test; a failing test leaves a
 *       screenshot {@code target/browser-screenshots/failed-*.png}).</li>
 * </ul>
 * A test that needs JavaScript off or another language opens its own with {@link Browser#open(Browser.Scripts, String)}.
 */
public final class BrowserTier implements BeforeAllCallback, ParameterResolver, AfterTestExecutionCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(BrowserTier.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        Assumptions.assumeFalse(Boolean.getBoolean(Browser.SKIP_PROPERTY),
                "browser tests skipped (-D" + Browser.SKIP_PROPERTY + "=true)");
        String missing = Browser.missingBinaries();
        if (missing != null) {
            Assertions.fail(missing);
        }
        SharedPipeline.in(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == Browser.class || type == SharedPipeline.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        if (parameter.getParameter().getType() == SharedPipeline.class) {
            return SharedPipeline.in(context);
        }
        // closed with the test's own store, after the test
        return context.getStore(NAMESPACE).computeIfAbsent(Browser.class, k -> Browser.open(), Browser.class);
    }

    /** A failed test leaves a picture of its browser (before the browser is closed with the test's store). */
    @Override
    public void afterTestExecution(ExtensionContext context) {
        Browser browser = context.getStore(NAMESPACE).get(Browser.class, Browser.class);
        if (browser == null || context.getExecutionException().isEmpty()) {
            return;
        }
        String name = context.getRequiredTestMethod().getName().replaceAll("([a-z0-9])([A-Z])", "$1-$2")
                .toLowerCase().replaceAll("[^a-z0-9-]", "");
        try {
            browser.screenshot("failed-" + name.substring(0, Math.min(50, name.length())));
        } catch (RuntimeException e) {
            context.getExecutionException().get().addSuppressed(e);
        }
    }
}
