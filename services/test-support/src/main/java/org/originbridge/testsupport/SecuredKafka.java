package org.originbridge.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.originbridge.runtime.KafkaClientSecurity;

/**
 * The local stack's broker with authentication on, for tests: a real {@code kafka.Kafka} process
 * run from the very configuration bin/originbridge uses (deploy/runtime/config/kafka-server.properties
 * rendered with free loopback ports, SASL/SCRAM-SHA-512 for clients, SASL/PLAIN for the controller,
 * StandardAuthorizer with no ACL = no access, the admin as the only super user), formatted with
 * the admin's SCRAM credential ({@code StorageTool format --add-scram}), in a temporary directory.
 * Close it to stop the process.
 */
public final class SecuredKafka implements AutoCloseable {

    public static final String ADMIN = "admin";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);

    private final Path data;
    private final String adminPassword;
    private final String bootstrap;
    private final Process broker;

    private SecuredKafka(Path data, String adminPassword, String bootstrap, Process broker) {
        this.data = data;
        this.adminPassword = adminPassword;
        this.bootstrap = bootstrap;
        this.broker = broker;
    }

    public static SecuredKafka start() {
        Properties runtime = runtimeProperties();
        try {
            Path data = Files.createTempDirectory("originbridge-secured-kafka-");
            String password = randomHex();
            int port = RealInfrastructure.freePort();
            int controllerPort = RealInfrastructure.freePort();
            Path template = Path.of(runtime.getProperty("kafka.server.properties.template"));
            String rendered = Files.readString(template)
                    .replace("@DATA_DIR@", data.toString())
                    .replace("@KAFKA_PORT@", Integer.toString(port))
                    .replace("@KAFKA_CONTROLLER_PORT@", Integer.toString(controllerPort))
                    .replace("@KAFKA_ADMIN_USER@", ADMIN)
                    .replace("@KAFKA_ADMIN_PASSWORD@", password);
            Path properties = data.resolve("server.properties");
            Files.writeString(properties, rendered);
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            String classpath = Files.readString(Path.of(runtime.getProperty("kafka.classpath.file"))).strip();
            Path log = data.resolve("kafka.log");
            Process format = new ProcessBuilder(java, "-cp", classpath, "kafka.tools.StorageTool", "format",
                    "-t", Uuid.randomUuid().toString(), "-c", properties.toString(), "--standalone",
                    "--add-scram", "SCRAM-SHA-512=[name=" + ADMIN + ",password=" + password + "]")
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!format.waitFor(120, TimeUnit.SECONDS) || format.exitValue() != 0) {
                throw new IllegalStateException("formatting the Kafka storage failed: " + Files.readString(log));
            }
            Path log4j = template.resolveSibling("kafka-log4j2.properties");
            Process broker = new ProcessBuilder(java, "-Xmx384m", "-XX:TieredStopAtLevel=1",
                    "-Dlog4j2.configurationFile=" + log4j, "-cp", classpath, "kafka.Kafka", properties.toString())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            SecuredKafka kafka = new SecuredKafka(data, password, "127.0.0.1:" + port, broker);
            Runtime.getRuntime().addShutdownHook(new Thread(kafka::close, "secured-kafka-stop"));
            kafka.waitUntilReady(log);
            return kafka;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void waitUntilReady(Path log) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!broker.isAlive()) {
                throw new IllegalStateException("the broker exited: " + Files.readString(log));
            }
            try (Admin admin = admin()) {
                if (!admin.describeCluster().nodes().get(10, TimeUnit.SECONDS).isEmpty()) {
                    return;
                }
            } catch (Exception e) {
                Thread.sleep(500);
            }
        }
        throw new IllegalStateException("the broker was not ready after " + START_TIMEOUT + "; see " + log);
    }

    public String bootstrapServers() {
        return bootstrap;
    }

    /** Client settings (bootstrap + SCRAM) of a user. */
    public Map<String, Object> clientConfig(String username, String password) {
        Map<String, Object> config = new HashMap<>(KafkaClientSecurity.settings(username, password));
        config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        return config;
    }

    /** An Admin client as the super user. */
    public Admin admin() {
        Map<String, Object> config = clientConfig(ADMIN, adminPassword);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 60_000);
        return Admin.create(config);
    }

    @Override
    public synchronized void close() {
        if (broker.isAlive()) {
            broker.destroy();
            try {
                if (!broker.waitFor(30, TimeUnit.SECONDS)) {
                    broker.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        deleteQuietly(data);
    }

    private static void deleteQuietly(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // a temporary directory; the OS cleans it
        }
    }

    private static String randomHex() {
        byte[] bytes = new byte[24];
        new java.security.SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static Properties runtimeProperties() {
        Properties runtime = new Properties();
        try (InputStream in = SecuredKafka.class.getResourceAsStream("/originbridge-runtime.properties")) {
            runtime.load(in);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("originbridge-runtime.properties missing: build deploy/runtime first", e);
        }
        return runtime;
    }
}
