package org.originbridge.e2e.browser;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The accessibility check of the browser tier: axe-core (the WebJar {@code org.webjars.npm:axe-core}
 * on the test classpath, nothing fetched at run time) is injected into the page under test by
 * WebDriver (so the page's own CSP does not apply to it) and run on the whole document, including
 * open shadow roots (the web components); frames are checked by opening their URL. A page passes
 * when axe reports no violation of impact {@code serious} or {@code critical}.
 */
public final class Axe {

    static final String VERSION = "4.6.3";
    private static final String RESOURCE = "META-INF/resources/webjars/axe-core/" + VERSION + "/axe.min.js";
    private static final Set<String> FAILING = Set.of("serious", "critical");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static volatile String source;

    private Axe() {
    }

    /**
     * The serious and critical violations axe finds in the current page, one line each:
     * {@code rule (impact): help -> the first elements}. Empty when the page passes.
     */
    public static List<String> seriousViolations(Browser browser) {
        browser.script(source() + "\nreturn true;");
        Object result = browser.asyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {iframes: false, resultTypes: ['violations']})
                  .then(r => done(JSON.stringify(r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                      nodes: v.nodes.slice(0, 5).map(n => JSON.stringify(n.target) + ' ' + (n.failureSummary || ''))})))))
                  .catch(e => done('ERROR ' + e));""");
        if (!(result instanceof String text) || text.startsWith("ERROR")) {
            throw new IllegalStateException("axe-core did not run: " + result);
        }
        List<String> serious = new ArrayList<>();
        for (JsonNode violation : JSON.readTree(text)) {
            if (FAILING.contains(violation.path("impact").asString())) {
                List<String> nodes = new ArrayList<>();
                violation.path("nodes").forEach(n -> nodes.add(n.asString().replace('\n', ' ')));
                serious.add(violation.path("id").asString() + " (" + violation.path("impact").asString() + "): "
                        + violation.path("help").asString() + " -> " + String.join(" | ", nodes));
            }
        }
        return serious;
    }

    private static String source() {
        String loaded = source;
        if (loaded == null) {
            try (InputStream in = Axe.class.getClassLoader().getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("missing " + RESOURCE + " (test dependency org.webjars.npm:axe-core:"
                            + VERSION + ")");
                }
                loaded = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            source = loaded;
        }
        return loaded;
    }
}
