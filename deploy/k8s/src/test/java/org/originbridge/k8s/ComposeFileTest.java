package org.originbridge.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * docker-compose.yml validated offline (there is no Docker engine here; with one,
 * {@code docker compose config -q} is the real check and {@code deploy/docker/validate-compose.sh}
 * adds the Compose Specification schema): merge keys resolved, then the rules of issue 12 —
 * images from the one shared build (a target of deploy/docker/Dockerfile, named as the Jib profile
 * names them), memory limits, a stop grace longer than the 20 s graceful shutdown, healthchecks,
 * host ports only on 127.0.0.1 and none fixed for the services that scale, and the authorization
 * server as a service whose issuer every service trusts.
 */
@SuppressWarnings("unchecked")
class ComposeFileTest {

    static final List<String> SERVICES = KubernetesManifestsTest.SERVICES;
    private static final Path ROOT = Manifests.k8sDirectory().resolve("../..").normalize();

    private final Map<String, Object> compose = load(ROOT.resolve("docker-compose.yml"));
    private final Map<String, Map<String, Object>> services = (Map<String, Map<String, Object>>) compose.get("services");

    @Test
    void everyBuiltImageIsATargetOfTheSharedDockerfileNamedAsJibNamesIt() throws IOException {
        String dockerfile = Files.readString(ROOT.resolve("deploy/docker/Dockerfile"));
        Matcher targets = Pattern.compile("(?m)^FROM runtime AS ([a-z-]+)$").matcher(dockerfile);
        List<String> declared = new ArrayList<>();
        while (targets.find()) {
            declared.add(targets.group(1));
        }
        List<String> built = new ArrayList<>();
        services.forEach((name, service) -> {
            assertThat(service.containsKey("image") || service.containsKey("build")).as(name + " has an image").isTrue();
            Map<String, Object> build = (Map<String, Object>) service.get("build");
            if (build != null) {
                assertThat(build.get("dockerfile")).as(name).isEqualTo("deploy/docker/Dockerfile");
                assertThat(build).as(name + ": one shared build stage, no per-image Maven run").doesNotContainKey("args");
                assertThat(declared).as(name + " build target").contains((String) build.get("target"));
                assertThat(service.get("image")).as(name + " image").isEqualTo("originbridge/" + build.get("target") + ":0.1.0-SNAPSHOT");
                built.add(name);
            }
        });
        assertThat(built).containsAll(SERVICES).contains("auth-server", "sandbox");
    }

    @Test
    void everyContainerHasAMemoryLimitAndOriginBridgeOnesOutliveTheirGracefulShutdown() {
        services.forEach((name, service) -> {
            Map<String, Object> deploy = (Map<String, Object>) service.getOrDefault("deploy", Map.of());
            Map<String, Object> limits = (Map<String, Object>) ((Map<String, Object>) deploy.getOrDefault("resources", Map.of()))
                    .getOrDefault("limits", Map.of());
            assertThat(limits.get("memory")).as(name + " memory limit").isNotNull();
            if (service.containsKey("build")) {
                assertThat(seconds(String.valueOf(service.get("stop_grace_period")))).as(name + " stop_grace_period")
                        .isGreaterThan(20);
            }
        });
    }

    @Test
    void hostPortsAreLoopbackOnlyAndTheServicesThatScalePublishNoFixedOne() {
        assertThat(portProblems(services)).isEmpty();
    }

    static List<String> portProblems(Map<String, Map<String, Object>> services) {
        List<String> problems = new ArrayList<>();
        services.forEach((name, service) -> {
            for (Object port : (List<Object>) service.getOrDefault("ports", List.of())) {
                String mapping = String.valueOf(port);
                if (!mapping.startsWith("127.0.0.1:")) {
                    problems.add(name + ": port " + mapping + " is not bound to 127.0.0.1");
                } else if (SERVICES.contains(name) && !mapping.matches("127\\.0\\.0\\.1::\\d+")) {
                    problems.add(name + ": fixed host port " + mapping + " blocks --scale");
                }
            }
        });
        return problems;
    }

    @Test
    void infrastructureHasHealthchecksAndTheServicesWaitForThem() {
        for (String name : List.of("kafka", "registry", "mongodb", "auth-server")) {
            assertThat(services.get(name)).as(name).containsKey("healthcheck");
        }
        for (String name : SERVICES) {
            Map<String, Object> dependsOn = (Map<String, Object>) services.get(name).get("depends_on");
            for (String dependency : List.of("kafka", "registry", "mongodb", "auth-server")) {
                assertThat((Map<String, Object>) dependsOn.get(dependency)).as(name + " waits for " + dependency)
                        .containsEntry("condition", "service_healthy");
            }
        }
    }

    @Test
    void everyServiceTrustsTheComposeAuthorizationServerAndKeepsSecretsInEnvFile() {
        Map<String, Object> auth = (Map<String, Object>) services.get("auth-server").get("environment");
        String issuer = String.valueOf(auth.get("ORIGINBRIDGE_AUTH_ISSUER"));
        assertThat(issuer).isEqualTo("http://auth-server:8088");
        assertThat(auth).containsKey("ORIGINBRIDGE_AUTH_DATA");
        Set<String> volumes = ((Map<String, Object>) compose.get("volumes")).keySet();
        assertThat((List<String>) services.get("auth-server").get("volumes"))
                .as("clients and signing keys survive a restart").anyMatch(v -> volumes.contains(v.split(":")[0]));
        for (String name : SERVICES) {
            Map<String, Object> service = services.get(name);
            Map<String, Object> env = (Map<String, Object>) service.get("environment");
            assertThat(env).as(name).containsEntry("ORIGINBRIDGE_AUTH_ISSUER", issuer)
                    .containsEntry("ORIGINBRIDGE_AUTH_JWKS", issuer + "/oauth2/jwks")
                    .containsKeys("KAFKA_BOOTSTRAP_SERVERS", "REGISTRY_URL", "MONGODB_URI", "SERVER_PORT");
            assertThat(service.get("env_file")).as(name + " secrets").isEqualTo(".env");
        }
        assertThat(ROOT.resolve(".env.example")).isRegularFile();
    }

    /**
     * Issue 13: Kafka with credentials in compose. Every service authenticates as its own principal
     * with a password generated at first start (never in the repository or .env), mounted from its own
     * subdirectory of the credentials volume only; the principal exists in the table KafkaAccess applies;
     * kafka-access has run before any service starts.
     */
    @Test
    void everyServiceConnectsToKafkaAsItsOwnPrincipalWithAGeneratedPasswordOnlyItCanRead() throws IOException {
        String table = Files.readString(ROOT.resolve("deploy/runtime/config/kafka-principals.conf"))
                + Files.readString(ROOT.resolve("deploy/compose/kafka-principals-compose.conf"));
        Map<String, String> ownerOfSubpath = new java.util.HashMap<>();
        for (String name : SERVICES) {
            Map<String, Object> service = services.get(name);
            Map<String, Object> env = (Map<String, Object>) service.get("environment");
            assertThat(env).as(name).containsEntry("ORIGINBRIDGE_KAFKA_USERNAME", name)
                    .containsEntry("ORIGINBRIDGE_KAFKA_PASSWORD_FILE", "/run/secrets/kafka/password")
                    .doesNotContainKey("ORIGINBRIDGE_KAFKA_PASSWORD");
            assertThat(table).as(name + " is a principal of the table").containsPattern("(?m)^" + Pattern.quote(name) + "\\s+service\\s");
            assertThat(credentialSubpaths(service)).as(name + " mounts its own credentials only").containsExactly(name);
            assertThat(ownerOfSubpath.put(name, name)).isNull();
            Map<String, Object> dependsOn = (Map<String, Object>) service.get("depends_on");
            assertThat((Map<String, Object>) dependsOn.get("kafka-access")).as(name + " starts after the ACLs exist")
                    .containsEntry("condition", "service_completed_successfully");
        }
        assertThat(credentialSubpaths(services.get("registry"))).containsExactly("schema-registry");
        assertThat(table).containsPattern("(?m)^schema-registry\\s+client\\s");
        // only kafka-access writes the whole credentials volume; nobody else mounts it whole
        services.forEach((name, service) -> {
            List<Object> volumes = (List<Object>) service.getOrDefault("volumes", List.of());
            for (Object v : volumes) {
                boolean whole = v instanceof String s && s.startsWith("kafka-credentials:")
                        || v instanceof Map<?, ?> m && "kafka-credentials".equals(m.get("source")) && m.get("volume") == null;
                if (whole) {
                    assertThat(name).as("mounts every principal's password").isEqualTo("kafka-access");
                }
            }
        });
        Map<String, Object> access = services.get("kafka-access");
        assertThat((List<String>) access.get("command")).contains("--principal-directories", "/app/config/kafka-principals.conf");
        assertThat((Map<String, Object>) access.get("environment")).containsEntry("ORIGINBRIDGE_KAFKA_USERNAME", "admin")
                .doesNotContainKey("ORIGINBRIDGE_KAFKA_PASSWORD");
    }

    /** No listener of the compose broker accepts a client without credentials, and no password is written down. */
    @Test
    void theComposeBrokerHasNoPlaintextListenerAndNoPasswordIsInTheRepository() throws IOException {
        java.util.Properties broker = new java.util.Properties();
        try (var in = Files.newBufferedReader(ROOT.resolve("deploy/compose/kafka-server.properties"))) {
            broker.load(in);
        }
        String map = broker.getProperty("listener.security.protocol.map");
        for (String entry : map.split(",")) {
            assertThat(entry.split(":")[1]).as(entry).isIn("SASL_PLAINTEXT", "SASL_SSL");
        }
        for (String listener : broker.getProperty("listeners").split(",")) {
            assertThat(map).as(listener).contains(listener.split(":")[0] + ":");
        }
        assertThat(broker.getProperty("authorizer.class.name")).isEqualTo("org.apache.kafka.metadata.authorizer.StandardAuthorizer");
        assertThat(broker.getProperty("allow.everyone.if.no.acl.found")).isEqualTo("false");
        assertThat(broker.getProperty("auto.create.topics.enable")).isEqualTo("false");
        assertThat(broker.stringPropertyNames()).allSatisfy(key -> {
            if (key.endsWith("jaas.config")) {
                assertThat(broker.getProperty(key)).as(key).doesNotContainPattern("password=\"(?!@KAFKA_ADMIN_PASSWORD@)");
            }
        });
        Map<String, Object> kafka = services.get("kafka");
        assertThat((List<String>) kafka.get("entrypoint")).contains("/mnt/config/server.properties");
        Map<String, Object> env = (Map<String, Object>) kafka.getOrDefault("environment", Map.of());
        assertThat(env.keySet()).as("the broker is configured by the rendered file only")
                .noneMatch(k -> k.startsWith("KAFKA_LISTENER") || k.startsWith("KAFKA_ADVERTISED"));
        assertThat(String.valueOf(((Map<String, Object>) kafka.get("healthcheck")).get("test"))).contains("--command-config");
        // no password value anywhere in the compose file or the example env file
        services.forEach((name, service) -> ((Map<String, Object>) service.getOrDefault("environment", Map.of()))
                .forEach((k, v) -> {
                    if (k.contains("PASSWORD") && !k.endsWith("_FILE")) {
                        assertThat(String.valueOf(v)).as(name + " " + k).startsWith("${");
                    }
                }));
        assertThat(Files.readString(ROOT.resolve(".env.example"))).doesNotContain("KAFKA_PASSWORD", "KAFKA_ADMIN");
        assertThat(Files.readString(ROOT.resolve(".gitignore"))).contains(".env");
    }

    private static List<String> credentialSubpaths(Map<String, Object> service) {
        List<String> subpaths = new ArrayList<>();
        for (Object v : (List<Object>) service.getOrDefault("volumes", List.of())) {
            if (v instanceof Map<?, ?> m && "kafka-credentials".equals(m.get("source"))) {
                assertThat(m.get("read_only")).as("read-only").isEqualTo(true);
                assertThat(m.get("target")).isEqualTo("/run/secrets/kafka");
                subpaths.add(String.valueOf(((Map<String, Object>) m.get("volume")).get("subpath")));
            }
        }
        return subpaths;
    }

    @Test
    void thePortRuleRefusesAFixedPortOnAScalingServiceAndAnyPortOnAllInterfaces() {
        Map<String, Object> broken = load("""
                services:
                  status-query:
                    ports: ["127.0.0.1:8080:8080"]
                  grafana:
                    ports: ["3000:3000"]
                  auth-server:
                    ports: ["127.0.0.1:8088:8088"]
                """);
        assertThat(portProblems((Map<String, Map<String, Object>>) broken.get("services"))).containsExactlyInAnyOrder(
                "status-query: fixed host port 127.0.0.1:8080:8080 blocks --scale",
                "grafana: port 3000:3000 is not bound to 127.0.0.1");
    }

    private static int seconds(String duration) {
        Matcher m = Pattern.compile("(?:(\\d+)m)?(?:(\\d+)s)?").matcher(duration);
        if (!m.matches()) {
            return 0;
        }
        return (m.group(1) == null ? 0 : Integer.parseInt(m.group(1)) * 60) + (m.group(2) == null ? 0 : Integer.parseInt(m.group(2)));
    }

    private static Map<String, Object> load(Path file) {
        try {
            return load(Files.readString(file));
        } catch (IOException e) {
            throw new AssertionError("cannot read " + file, e);
        }
    }

    private static Map<String, Object> load(String yaml) {
        return new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
    }
}
