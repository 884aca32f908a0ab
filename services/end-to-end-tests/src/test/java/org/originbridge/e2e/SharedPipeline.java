package org.originbridge.e2e;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.originbridge.e2e.browser.ThirdPartySite;
import org.originbridge.platform.Topics;
import org.originbridge.testsupport.AccessTokens;
import org.originbridge.testsupport.ConfluentWire;
import org.originbridge.testsupport.EmbeddedMongo;
import org.originbridge.testsupport.RealInfrastructure;
import org.originbridge.testsupport.TopicProbe;
import tools.jackson.databind.JsonNode;

/**
 * One running pipeline ({@link ServiceStack} on the in-JVM broker, the real registry and the
 * MongoDB wire server) shared by every test class of this JVM that registers {@link Extension}:
 * it starts with the first such class and stops when the whole test run ends (JUnit's root
 * store), so PipelineIT and the browser tests pay for one start. Next to it runs a
 * {@link ThirdPartySite} (another origin), which status-query's CORS policy allows.
 * <p>
 * Tests that share it must leave it as they found it (no sandbox chaos or clock changes left
 * behind) and use their own declaration ids ({@link #submit}).
 */
public final class SharedPipeline implements AutoCloseable {

    /** Registers the shared pipeline for a test class: {@code @ExtendWith(SharedPipeline.Extension.class)}. */
    public static final class Extension implements BeforeAllCallback {
        @Override
        public void beforeAll(ExtensionContext context) {
            SharedPipeline.in(context);
        }
    }

    /** A declaration this helper published, with the references its consignment carries. */
    public record Submitted(String declarationId, String supplierId, String referenceNumber,
            String transportDocument, String booking, String container) {
    }

    public static final Duration PIPELINE = Duration.ofSeconds(90);
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SharedPipeline.class);
    private static volatile SharedPipeline current;

    private final ThirdPartySite site;
    private final ServiceStack stack;
    private final Http http = new Http();

    private SharedPipeline(ThirdPartySite site, ServiceStack stack) {
        this.site = site;
        this.stack = stack;
    }

    /** The pipeline of this test run, started on first use and closed when the run ends. */
    public static SharedPipeline in(ExtensionContext context) {
        SharedPipeline pipeline = context.getRoot().getStore(NAMESPACE)
                .computeIfAbsent(SharedPipeline.class, k -> start(), SharedPipeline.class);
        current = pipeline;
        return pipeline;
    }

    /** The pipeline started by {@link Extension} (call from {@code @BeforeAll} or a test). */
    public static SharedPipeline get() {
        SharedPipeline pipeline = current;
        if (pipeline == null) {
            throw new IllegalStateException("register @ExtendWith(SharedPipeline.Extension.class) on the test class");
        }
        return pipeline;
    }

    private static SharedPipeline start() {
        ThirdPartySite site = ThirdPartySite.start();
        try {
            ServiceStack stack = ServiceStack.start(new ServiceStack.Infrastructure(RealInfrastructure.bootstrapServers(),
                    RealInfrastructure.registryUrl(), EmbeddedMongo.connectionString()),
                    Map.of("status-query", statusQueryArguments(site)));
            return new SharedPipeline(site, stack);
        } catch (RuntimeException | Error e) {
            site.close();
            throw e;
        }
    }

    /** status-query: CORS for the third-party site, and its importer portal signing in at the real auth server. */
    private static List<String> statusQueryArguments(ThirdPartySite site) {
        List<String> arguments = new java.util.ArrayList<>();
        arguments.add("--originbridge.security.cors.allowed-origins=" + site.origin());
        // the embeddable importer module on the third-party site calls the importer API with a bearer token
        arguments.add("--originbridge.security.cors.bearer-origins=" + site.origin());
        // every browser of the run comes from 127.0.0.1: keep the per-address limit out of the way
        arguments.add("--originbridge.security.public-requests-per-minute=5000");
        arguments.add("--originbridge.web.live.poll-interval=300ms");
        arguments.addAll(RealAuthServer.shared().portalArguments());
        // its own signing key: the portal's signed e-CO copies (published on signing-keys like the others)
        try {
            arguments.add("--originbridge.signing.key-dir="
                    + java.nio.file.Files.createTempDirectory("e2e-signing-keys-status-query"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return arguments;
    }

    public ServiceStack stack() {
        return stack;
    }

    /** Base URL of a started application, e.g. {@code url("status-query")}. */
    public String url(String application) {
        return stack.url(application);
    }

    /** The "exporter's website": another origin, allowed by status-query's CORS policy. */
    public ThirdPartySite site() {
        return site;
    }

    /** Access tokens from the real authorization server. */
    public AccessTokens tokens() {
        return Tokens.ISSUER;
    }

    /**
     * Publishes a complete RCEP Certificate of Origin (CN -> VN, see {@link Declarations}) onto
     * coo-declarations-submitted as a plain Confluent-wire producer would, with fresh ids; the
     * reference number is {@code referencePrefix + 8 random symbols}.
     *
     * @param supplierId one of SUP-E2E-1, SUP-E2E-2, SUP-E2E-3 (the tenants the sandbox CCPIT knows)
     */
    public Submitted submit(String supplierId, String referencePrefix) {
        return submit(supplierId, referencePrefix, declaration -> { });
    }

    /**
     * As {@link #submit(String, String)}, with the Avro record adjusted before it is sent, e.g. to
     * address it to a given importer: {@code d -> ((GenericRecord) d.get("importer")).put("identifier", "JP-X")}.
     */
    public Submitted submit(String supplierId, String referencePrefix, java.util.function.Consumer<GenericRecord> adjust) {
        String suffix = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        Submitted submitted = new Submitted("E2E-" + suffix, supplierId, referencePrefix + suffix,
                "TD" + suffix, "BK" + suffix, "CONT" + suffix);
        GenericRecord declaration = Declarations.certificateOfOrigin(submitted.declarationId(), supplierId,
                submitted.referenceNumber(), new Declarations.Consignment(submitted.transportDocument(),
                        submitted.booking(), submitted.container()));
        adjust.accept(declaration);
        ConfluentWire wire = new ConfluentWire(RealInfrastructure.confluentCompatibleUrl());
        int schemaId = wire.register(Topics.DECLARATIONS_SUBMITTED, Declarations.SCHEMA);
        TopicProbe.sendRaw(Topics.DECLARATIONS_SUBMITTED, submitted.declarationId(), wire.encode(schemaId, declaration));
        return submitted;
    }

    /** {@link #submit(String, String)} with reference {@code RCEP-CN-2026-XXXXXXXX}. */
    public Submitted submit(String supplierId) {
        return submit(supplierId, "RCEP-CN-2026-");
    }

    /** Waits (at most {@link #PIPELINE}) until status-query's view of the declaration satisfies {@code done}. */
    public JsonNode awaitView(String declarationId, Predicate<JsonNode> done) {
        String url = stack.url("status-query") + "/api/v1/declarations/" + declarationId;
        JsonNode[] last = new JsonNode[1];
        try {
            await(declarationId).atMost(PIPELINE).pollInterval(Duration.ofMillis(300)).until(() -> {
                last[0] = http.json(url);
                return last[0] != null && done.test(last[0]);
            });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("declaration " + declarationId + " did not reach the expected state within "
                    + PIPELINE + "; status-query last answered: " + last[0], e);
        }
        return last[0];
    }

    /** The text at a JSON pointer, or null when absent. */
    public static String text(JsonNode node, String pointer) {
        JsonNode value = node.at(pointer);
        return value.isMissingNode() || value.isNull() ? null : value.asString();
    }

    @Override
    public void close() {
        current = null;
        try {
            stack.close();
        } finally {
            site.close();
        }
    }
}
