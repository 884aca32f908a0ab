package org.originbridge.testsupport;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import org.originbridge.platform.avro.AvroTrust;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The real parts an integration test talks to, started once per JVM and stopped when it exits:
 * a KRaft Kafka broker in this JVM and an Apicurio Registry 2.6 process (the same assembly
 * bin/originbridge runs). Use from a test:
 *
 * <pre>{@code
 * @DynamicPropertySource
 * static void infrastructure(DynamicPropertyRegistry registry) {
 *     RealInfrastructure.registerProperties(registry);
 * }
 * }</pre>
 */
public final class RealInfrastructure {

    private static final Duration REGISTRY_START_TIMEOUT = Duration.ofSeconds(120);

    private static EmbeddedKafkaKraftBroker broker;
    private static Process registry;
    private static String registryBaseUrl;

    static {
        AvroTrust.trustEventPackages();
    }

    private RealInfrastructure() {
    }

    /** Starts the broker and the registry if this JVM has not yet. */
    public static synchronized void start() {
        if (broker != null) {
            return;
        }
        broker = new EmbeddedKafkaKraftBroker(1, 3);
        broker.brokerProperty("auto.create.topics.enable", "true");
        broker.afterPropertiesSet();
        registryBaseUrl = startRegistry();
        Runtime.getRuntime().addShutdownHook(new Thread(RealInfrastructure::stop, "real-infrastructure-stop"));
    }

    public static String bootstrapServers() {
        start();
        return broker.getBrokersAsString();
    }

    /** e.g. http://127.0.0.1:PORT */
    public static String registryBaseUrl() {
        start();
        return registryBaseUrl;
    }

    /** The Apicurio v2 API that our serdes use. */
    public static String registryUrl() {
        return registryBaseUrl() + "/apis/registry/v2";
    }

    /** The Confluent-compatible API that plain Confluent clients use. */
    public static String confluentCompatibleUrl() {
        return registryBaseUrl() + "/apis/ccompat/v7";
    }

    /** Points a Spring test's Kafka clients at the real broker and registry. */
    public static void registerProperties(DynamicPropertyRegistry properties) {
        properties.add("spring.kafka.bootstrap-servers", RealInfrastructure::bootstrapServers);
        properties.add("spring.kafka.properties.apicurio.registry.url", RealInfrastructure::registryUrl);
    }

    private static String startRegistry() {
        int port = freePort();
        String baseUrl = "http://127.0.0.1:" + port;
        try {
            Path log = Files.createTempFile("apicurio-registry-test-", ".log");
            registry = launchRegistry(port, List.of(), log);
            waitUntilReady(registry, baseUrl, log.toFile());
            return baseUrl;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start Apicurio Registry", e);
        }
    }

    /** The local runtime's build facts (deploy/runtime's originbridge-runtime.properties). */
    static Properties runtimeProperties() {
        Properties runtime = new Properties();
        try (InputStream in = RealInfrastructure.class.getResourceAsStream("/originbridge-runtime.properties")) {
            runtime.load(in);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("originbridge-runtime.properties missing: build deploy/runtime first", e);
        }
        return runtime;
    }

    /**
     * Starts an Apicurio Registry process on 127.0.0.1:{@code port} (the assembly deploy/runtime
     * unpacked, BACKWARD compatibility as a global rule) with extra {@code -D} system properties.
     */
    static Process launchRegistry(int port, List<String> systemProperties, Path log) throws IOException {
        Path jar = Path.of(runtimeProperties().getProperty("apicurio.runner.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("Apicurio Registry not unpacked at " + jar + ": run ./mvnw -pl deploy/runtime install");
        }
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-XX:TieredStopAtLevel=1",
                "-Dquarkus.http.host=127.0.0.1", "-Dquarkus.http.port=" + port,
                "-Dquarkus.log.level=WARN",
                // the registry itself refuses a schema version that is not backward compatible (409)
                "-Dregistry.rules.global.compatibility=BACKWARD"));
        command.addAll(systemProperties);
        command.addAll(List.of("-jar", jar.toString()));
        return new ProcessBuilder(command).directory(jar.getParent().toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    static void waitUntilReady(Process process, String baseUrl, File log) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(REGISTRY_START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Apicurio Registry exited; see " + log);
            }
            try {
                // open with and without authentication (the registry's name and version only)
                HttpResponse<String> response = http.send(
                        HttpRequest.newBuilder(URI.create(baseUrl + "/apis/registry/v2/system/info")).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(250);
        }
        throw new IllegalStateException("Apicurio Registry not ready after " + REGISTRY_START_TIMEOUT + "; see " + log);
    }

    private static synchronized void stop() {
        if (registry != null) {
            registry.destroy();
        }
        if (broker != null) {
            broker.destroy();
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
