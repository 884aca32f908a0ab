package org.originbridge.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.originbridge.sandbox.SandboxApplication;
import org.originbridge.testsupport.WithoutSecurity;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Every OriginBridge service and the sandbox as Spring applications in this JVM, each on a free
 * loopback port, wired to the given broker, registry and MongoDB exactly as bin/originbridge
 * wires the jars: same properties, same secrets (generated for the test), only the ports differ.
 * <p>
 * Each service's own classes are unpacked from its executable jar into its own directory (see
 * the pom), so each application reads its own {@code application.yml} through
 * {@code spring.config.location}; the settings are passed as command-line arguments, which
 * outrank the yml's {@code ${ENV:default}} placeholders as the environment does in production.
 */
public final class ServiceStack implements AutoCloseable {

    /** Where the platform's infrastructure lives. */
    public record Infrastructure(String bootstrapServers, String registryUrl, String mongoUri) {
    }

    static final String ASW_TOKEN = "e2e-asw-token";
    static final String DCSA_WEBHOOK_SECRET = "e2e-dcsa-webhook-secret-0123456789";

    /** Applicant (= supplier) ids the sandbox CCPIT accepts, with their tokens. */
    static final Map<String, String> CCPIT_APPLICANTS = new LinkedHashMap<>();

    static {
        for (String supplier : List.of("SUP-E2E-1", "SUP-E2E-2", "SUP-E2E-3")) {
            CCPIT_APPLICANTS.put(supplier, "ccpit-token-" + supplier.toLowerCase());
        }
    }

    private final List<ConfigurableApplicationContext> contexts = new ArrayList<>();
    private final Map<String, String> urls = new LinkedHashMap<>();
    private final Map<String, String> managementUrls = new LinkedHashMap<>();
    private final Map<String, List<String>> extraArguments;
    private String mongoUri;

    private ServiceStack(Map<String, List<String>> extraArguments) {
        this.extraArguments = Map.copyOf(extraArguments);
    }

    /** Starts the sandbox, then the services (readers before writers). */
    public static ServiceStack start(Infrastructure infra) {
        return start(infra, Map.of());
    }

    /**
     * As {@link #start(Infrastructure)}, with more command-line arguments for some applications,
     * keyed by application name ({@code "status-query"}, {@code "sandbox"}, ...); they come last,
     * so they outrank the stack's own.
     */
    public static ServiceStack start(Infrastructure infra, Map<String, List<String>> extraArguments) {
        ServiceStack stack = new ServiceStack(extraArguments);
        try {
            stack.startAll(infra);
            return stack;
        } catch (RuntimeException | Error e) {
            stack.close();
            throw e;
        }
    }

    private void startAll(Infrastructure infra) {
        this.mongoUri = infra.mongoUri();
        String ccpitTokens = String.join(",", CCPIT_APPLICANTS.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).toList());
        Path stateDir;
        Path keyDir;
        try {
            stateDir = Files.createTempDirectory("e2e-logistics-state");
            keyDir = Files.createTempDirectory("e2e-signing-keys");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }

        String sandbox = run("sandbox", new SpringApplicationBuilder(SandboxApplication.class), List.of(
                "--spring.config.location=classpath:/application.properties",
                "--sandbox.asw.client-tokens=" + ASW_TOKEN,
                "--sandbox.ccpit.applicant-tokens=" + ccpitTokens,
                "--sandbox.ccpit.step=300ms",
                "--sandbox.dcsa.step=300ms",
                "--sandbox.latency.min=0ms",
                "--sandbox.latency.max=5ms",
                // the sandbox shares this classpath with the services: keep it off Kafka and MongoDB
                "--spring.autoconfigure.exclude="
                        + "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration,"
                        + "org.originbridge.platform.kafka.KafkaPlatformAutoConfiguration,"
                        + "org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration,"
                        + WithoutSecurity.AUTOCONFIGURATIONS));

        List<String> common = new ArrayList<>(List.of(
                "--spring.kafka.bootstrap-servers=" + infra.bootstrapServers(),
                "--spring.kafka.properties.apicurio.registry.url=" + infra.registryUrl(),
                // a transiently failing record is retried quickly (bad data is dead-lettered at once)
                "--originbridge.kafka.retry.initial-interval=200ms"));
        // the services trust the test issuer (issuer + JWKS), as they trust the auth server in the runtime
        common.addAll(Tokens.ISSUER.springArguments());

        String statusQuery = service("status-query", "org.originbridge.status.StatusQueryApplication", common, List.of());
        service("compliance-scoring", "org.originbridge.scoring.ComplianceScoringApplication", common, List.of());
        // webhooks, streams and histories; its master key is made for this run (never a fixed key)
        service("subscriptions", "org.originbridge.subscriptions.SubscriptionsApplication", common, List.of(
                "--originbridge.subscriptions.encryption.key-file=" + keyDir.resolve("subscriptions").resolve("secret-keys")));
        service("logistics-ingestion", "org.originbridge.logistics.LogisticsIngestionApplication", common, List.of(
                "--originbridge.logistics.webhook-secret=" + DCSA_WEBHOOK_SECRET,
                "--originbridge.logistics.poll.enabled=false",
                "--originbridge.logistics.poll.base-url=" + sandbox,
                "--originbridge.logistics.poll.state-directory=" + stateDir));
        service("ccpit-sync", "org.originbridge.ccpit.CcpitSyncApplication", common, List.of(
                "--originbridge.ccpit.base-url=" + sandbox,
                "--originbridge.ccpit.applicant-tokens=" + ccpitTokens,
                "--originbridge.ccpit.poll-interval=300ms",
                "--originbridge.ccpit.qr.public-base-url=" + statusQuery,
                "--originbridge.signing.key-dir=" + keyDir.resolve("ccpit-sync")));
        service("asw-verification", "org.originbridge.asw.AswVerificationApplication", common, List.of(
                "--originbridge.asw.base-url=" + sandbox,
                "--originbridge.asw.client-token=" + ASW_TOKEN,
                // destination revocations (sandbox /sandbox/verification-channels/...) read every second
                "--originbridge.asw.revocation-poll-interval=1s",
                "--originbridge.signing.key-dir=" + keyDir.resolve("asw-verification")));
        service("declaration-intake", "org.originbridge.intake.DeclarationIntakeApplication", common, List.of(
                "--originbridge.intake.status-base-url=" + statusQuery));
    }

    private String service(String name, String applicationClass, List<String> common, List<String> own) {
        Class<?> application;
        try {
            application = Class.forName(applicationClass);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(applicationClass + " is not on the test classpath: build the services first "
                    + "(mvn -B -pl services/end-to-end-tests -am install -DskipTests)", e);
        }
        Path yml = servicesDirectory().resolve(name).resolve("BOOT-INF/classes/application.yml");
        if (!Files.isRegularFile(yml)) {
            throw new IllegalStateException("missing " + yml + ": run the e2e tests through Maven (failsafe), "
                    + "which unpacks each service's classes");
        }
        List<String> args = new ArrayList<>();
        args.add("--spring.config.location=file:" + yml);
        // one database per service; services that do not use MongoDB still see its
        // auto-configuration on this shared classpath, so they get a reachable URI too
        args.add("--spring.mongodb.uri=" + mongoUri + "/e2e-" + name);
        args.addAll(common);
        args.addAll(own);
        // actuator on its own random port, as management.server.port (MANAGEMENT_PORT) in the runtime
        args.add("--management.server.port=0");
        return run(name, new SpringApplicationBuilder(application), args);
    }

    private String run(String name, SpringApplicationBuilder builder, List<String> args) {
        List<String> all = new ArrayList<>(args);
        all.addAll(extraArguments.getOrDefault(name, List.of()));
        all.add("--server.port=0");
        all.add("--server.address=127.0.0.1");
        all.add("--spring.main.banner-mode=off");
        all.add("--spring.jmx.enabled=false");
        ConfigurableApplicationContext context = builder.run(all.toArray(String[]::new));
        contexts.add(context);
        String url = "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
        urls.put(name, url);
        String managementPort = context.getEnvironment().getProperty("local.management.port");
        managementUrls.put(name, managementPort == null ? url : "http://127.0.0.1:" + managementPort);
        return url;
    }

    private static Path servicesDirectory() {
        return Path.of(System.getProperty("e2e.services.dir", "target/services"));
    }

    /** Base URL of a started application, e.g. {@code url("status-query")}. */
    public String url(String application) {
        String url = urls.get(application);
        if (url == null) {
            throw new IllegalArgumentException("not started: " + application + "; started: " + urls.keySet());
        }
        return url;
    }

    /**
     * Base URL of a started application's actuator: its management port (services), or its
     * API port where actuator shares it (the sandbox).
     */
    public String managementUrl(String application) {
        String url = managementUrls.get(application);
        if (url == null) {
            throw new IllegalArgumentException("not started: " + application + "; started: " + managementUrls.keySet());
        }
        return url;
    }

    /** Stops the applications, writers first. */
    @Override
    public void close() {
        for (int i = contexts.size() - 1; i >= 0; i--) {
            try {
                contexts.get(i).close();
            } catch (RuntimeException e) {
                // keep closing the others
            }
        }
        contexts.clear();
    }
}
