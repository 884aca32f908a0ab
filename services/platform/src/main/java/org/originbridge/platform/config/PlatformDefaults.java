package org.originbridge.platform.config;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import org.originbridge.platform.avro.AvroTrust;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;

/**
 * Defaults every OriginBridge service shares, added with the lowest precedence so a service's
 * application.yml, the environment or the command line can override any of them.
 * Environment variables named in docs/CONVENTIONS.md feed them.
 */
public class PlatformDefaults implements EnvironmentPostProcessor {

    public static final String SOURCE_NAME = "originbridgePlatformDefaults";

    static {
        AvroTrust.trustEventPackages();
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> defaults = defaults();
        defaults.putAll(otlpExport(environment));
        defaults.putAll(managementAddress(environment));
        defaults.putAll(kafkaCredentials(environment));
        defaults.putAll(registryCredentials(environment));
        environment.getPropertySources().addLast(new MapPropertySource(SOURCE_NAME, defaults));
    }

    /**
     * Where an application gives actuator its own port ({@code management.server.port}), that port
     * binds to {@code MANAGEMENT_ADDRESS}, loopback by default (Boot would bind it to every
     * interface). Not set otherwise: Boot refuses a management address without a separate port
     * (the sandbox, which shares the platform's classpath in the end-to-end tests, has none).
     */
    static Map<String, Object> managementAddress(ConfigurableEnvironment environment) {
        return environment.containsProperty("management.server.port")
                ? Map.of("management.server.address", "${MANAGEMENT_ADDRESS:127.0.0.1}") : Map.of();
    }

    /**
     * Kafka credentials (docs/security.md "Kafka: principals and ACLs"): with
     * {@code ORIGINBRIDGE_KAFKA_USERNAME} and {@code ORIGINBRIDGE_KAFKA_PASSWORD} (or
     * {@code ORIGINBRIDGE_KAFKA_PASSWORD_FILE}, a file holding it) set, every Kafka
     * client of the service (consumers, producers, the admin that declares topics) authenticates with
     * SASL/SCRAM-SHA-512 ({@code ORIGINBRIDGE_KAFKA_MECHANISM} overrides the mechanism,
     * {@code ORIGINBRIDGE_KAFKA_SECURITY_PROTOCOL} the protocol, default {@code SASL_PLAINTEXT}: the
     * local broker listens on loopback only). Without a user name nothing is set and the clients stay
     * PLAINTEXT, as the in-JVM test brokers expect. A user name without a password, or either holding
     * {@code ${} (Spring would read a placeholder), stops the start.
     * <p>A service with credentials does not administer topics ({@code spring.kafka.admin.auto-create=false}:
     * the catalogue's and dead-letter {@code NewTopic}s are neither created nor altered): on a broker
     * with ACLs the administrator creates them (local stack: {@code KafkaAccess} at {@code bin/originbridge up};
     * Kubernetes: Strimzi {@code KafkaTopic}s) and a service principal has no Create or AlterConfigs right.
     * The in-JVM test brokers (no credentials) keep the platform's topic declaration.
     */
    static Map<String, Object> kafkaCredentials(ConfigurableEnvironment environment) {
        String username = raw(environment, "ORIGINBRIDGE_KAFKA_USERNAME").strip();
        if (username.isEmpty()) {
            return Map.of();
        }
        String password = raw(environment, "ORIGINBRIDGE_KAFKA_PASSWORD");
        String passwordFile = raw(environment, "ORIGINBRIDGE_KAFKA_PASSWORD_FILE").strip();
        if (password.isEmpty() && !passwordFile.isEmpty()) {
            // a mounted secret (docker-compose.yml: the principal's own file, written by KafkaAccess)
            try {
                password = java.nio.file.Files.readString(java.nio.file.Path.of(passwordFile)).strip();
            } catch (java.io.IOException e) {
                throw new IllegalStateException("cannot read ORIGINBRIDGE_KAFKA_PASSWORD_FILE " + passwordFile + ": " + e.getMessage(), e);
            }
        }
        if (password.isEmpty()) {
            throw new IllegalStateException("ORIGINBRIDGE_KAFKA_USERNAME is set but ORIGINBRIDGE_KAFKA_PASSWORD is not");
        }
        if ((username + password).contains("${")) {
            // the value goes through Spring's placeholder resolution: "${" would be read as a placeholder
            throw new IllegalStateException("ORIGINBRIDGE_KAFKA_USERNAME/PASSWORD must not contain \"${\"");
        }
        String mechanism = environment.getProperty("ORIGINBRIDGE_KAFKA_MECHANISM", "SCRAM-SHA-512").strip();
        String module = mechanism.startsWith("SCRAM-") ? "org.apache.kafka.common.security.scram.ScramLoginModule"
                : "org.apache.kafka.common.security.plain.PlainLoginModule";
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("spring.kafka.security.protocol", environment.getProperty("ORIGINBRIDGE_KAFKA_SECURITY_PROTOCOL", "SASL_PLAINTEXT").strip());
        d.put("spring.kafka.properties.sasl.mechanism", mechanism);
        d.put("spring.kafka.properties.sasl.jaas.config",
                module + " required username=" + jaasQuoted(username) + " password=" + jaasQuoted(password) + ";");
        d.put("spring.kafka.admin.auto-create", "false");
        return d;
    }

    /** What the serdes' token request can carry without encoding (RFC 3986 unreserved characters). */
    private static final Pattern FORM_SAFE = Pattern.compile("[A-Za-z0-9._~-]{1,256}");

    /**
     * Schema registry credentials (docs/security.md "Schema registry"): with
     * {@code ORIGINBRIDGE_REGISTRY_CLIENT_ID} and {@code ORIGINBRIDGE_REGISTRY_CLIENT_SECRET} set, the
     * Apicurio serdes of every Kafka client of the service get an access token with the
     * client-credentials grant from {@code ORIGINBRIDGE_REGISTRY_TOKEN_URL} (default: the auth
     * server's {@code /oauth2/token}) and send it to the registry as a bearer token. The serdes send
     * id and secret in the form body without encoding them, so both must be made of unreserved
     * characters ({@code [A-Za-z0-9._~-]}): anything else (an {@code &} that would add a form
     * parameter, a {@code ${} Spring would read as a placeholder) stops the start, as does an id
     * without a secret. Without a client id nothing is set and the serdes call the registry
     * anonymously, as the tests' registry expects.
     */
    static Map<String, Object> registryCredentials(ConfigurableEnvironment environment) {
        String clientId = raw(environment, "ORIGINBRIDGE_REGISTRY_CLIENT_ID").strip();
        if (clientId.isEmpty()) {
            return Map.of();
        }
        String secret = raw(environment, "ORIGINBRIDGE_REGISTRY_CLIENT_SECRET");
        if (secret.isEmpty()) {
            throw new IllegalStateException("ORIGINBRIDGE_REGISTRY_CLIENT_ID is set but ORIGINBRIDGE_REGISTRY_CLIENT_SECRET is not");
        }
        if (!FORM_SAFE.matcher(clientId).matches() || !FORM_SAFE.matcher(secret).matches()) {
            throw new IllegalStateException(
                    "ORIGINBRIDGE_REGISTRY_CLIENT_ID/SECRET must consist of the characters A-Z a-z 0-9 . _ ~ - only");
        }
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("spring.kafka.properties.apicurio.auth.service.token.endpoint",
                "${ORIGINBRIDGE_REGISTRY_TOKEN_URL:${ORIGINBRIDGE_AUTH_ISSUER:http://127.0.0.1:8088}/oauth2/token}");
        d.put("spring.kafka.properties.apicurio.auth.client.id", clientId);
        d.put("spring.kafka.properties.apicurio.auth.client.secret", secret);
        return d;
    }

    /** A property's value as given, without placeholder resolution; "" when absent. */
    private static String raw(ConfigurableEnvironment environment, String name) {
        for (PropertySource<?> source : environment.getPropertySources()) {
            Object value = source.getProperty(name);
            if (value != null) {
                return value.toString();
            }
        }
        return "";
    }

    /** A JAAS option value in double quotes, with {@code \} and {@code "} escaped. */
    static String jaasQuoted(String value) {
        return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    /**
     * Spans are exported over OTLP (HTTP) only when an endpoint is configured, with the standard
     * OpenTelemetry variables: {@code OTEL_EXPORTER_OTLP_TRACES_ENDPOINT} (the full URL) or
     * {@code OTEL_EXPORTER_OTLP_ENDPOINT} (the collector's base URL, {@code /v1/traces} appended).
     * Without either, Boot creates no exporter: trace and span ids still travel in HTTP and Kafka
     * headers and appear in every log line. (An empty endpoint property would still create an
     * exporter, so the property is only set when there is a value.)
     */
    static Map<String, Object> otlpExport(ConfigurableEnvironment environment) {
        String traces = environment.getProperty("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "").strip();
        String base = environment.getProperty("OTEL_EXPORTER_OTLP_ENDPOINT", "").strip();
        if (traces.isEmpty() && !base.isEmpty()) {
            traces = (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/v1/traces";
        }
        return traces.isEmpty() ? Map.of()
                : Map.of("management.opentelemetry.tracing.export.otlp.endpoint", traces);
    }

    static Map<String, Object> defaults() {
        Map<String, Object> d = new LinkedHashMap<>();
        // HTTP: loopback unless told otherwise; problem+json errors; graceful shutdown.
        d.put("server.address", "${SERVER_ADDRESS:127.0.0.1}");
        d.put("server.shutdown", "graceful");
        d.put("spring.lifecycle.timeout-per-shutdown-phase", "20s");
        d.put("spring.mvc.problemdetails.enabled", "true");

        // OpenAPI (springdoc, platform OpenApiAutoConfiguration): keys in a stable order so the served
        // document and its checked-in copy in docs/api/ diff cleanly; the token URL is the auth server's.
        d.put("springdoc.writer-with-order-by-keys", "true");
        d.put("originbridge.openapi.token-url", "${ORIGINBRIDGE_AUTH_ISSUER:http://127.0.0.1:8088}/oauth2/token");

        // Kafka clients, all through Boot's spring.kafka.* (client metrics come for free).
        d.put("spring.kafka.bootstrap-servers", "${KAFKA_BOOTSTRAP_SERVERS:127.0.0.1:9092}");
        d.put("spring.kafka.producer.key-serializer", "org.apache.kafka.common.serialization.StringSerializer");
        d.put("spring.kafka.producer.value-serializer", "io.apicurio.registry.serde.avro.AvroKafkaSerializer");
        d.put("spring.kafka.producer.acks", "all");
        d.put("spring.kafka.producer.properties.enable.idempotence", "true");
        // Listeners wait for each send's acknowledgement, so batching delay is pure latency:
        // no linger (Kafka 4's default is 5 ms).
        d.put("spring.kafka.producer.properties.linger.ms", "0");
        // A send blocks for metadata at most this long (Kafka's default is 60 s): an HTTP submission
        // while the broker is down is answered 503 promptly instead of 500 after a minute.
        d.put("spring.kafka.producer.properties.max.block.ms", "5000");
        d.put("spring.kafka.consumer.group-id", "${spring.application.name}");
        d.put("spring.kafka.consumer.auto-offset-reset", "earliest");
        d.put("spring.kafka.consumer.key-deserializer", "org.apache.kafka.common.serialization.StringDeserializer");
        d.put("spring.kafka.consumer.value-deserializer",
                "org.springframework.kafka.support.serializer.ErrorHandlingDeserializer");
        d.put("spring.kafka.consumer.properties.spring.deserializer.value.delegate.class",
                "io.apicurio.registry.serde.avro.AvroKafkaDeserializer");
        d.put("spring.kafka.consumer.properties.apicurio.registry.use-specific-avro-reader", "true");
        // Bounded work per poll. A poll's records must be handled within max.poll.interval.ms, or the consumer
        // is put out of its group, its uncommitted records go to another member (or to itself again) and the
        // work starts over: the chaos suite's (a) on a machine at load 20-117 saw ccpit-sync leave its group
        // with "consumer poll timeout has expired" again and again while 500-record polls of slow authority
        // calls were worked off, and redeliver the same records five times (issue 7). 100 records per poll and
        // 10 minutes per poll leave a wide margin even for a counterpart answering in seconds.
        d.put("spring.kafka.consumer.max-poll-records", "100");
        d.put("spring.kafka.consumer.properties.max.poll.interval.ms", "600000");
        // One consumer thread per partition of the platform's topics: records of one key stay in order.
        d.put("spring.kafka.listener.concurrency", "${originbridge.kafka.partitions:3}");
        d.put("spring.kafka.listener.observation-enabled", "true");
        // Topic configs declared in the catalogue (Topics.configs: retention, compaction) are applied
        // to existing topics too, so a stack created before them converges.
        d.put("spring.kafka.admin.modify-topic-configs", "true");
        d.put("spring.kafka.template.observation-enabled", "true");

        // Apicurio serdes in Confluent mode: 0x00 + 4-byte content id + Avro binary, subject <topic>-value.
        d.put("spring.kafka.properties.apicurio.registry.url", "${REGISTRY_URL:http://127.0.0.1:8081/apis/registry/v2}");
        d.put("spring.kafka.properties.apicurio.registry.auto-register", "true");
        d.put("spring.kafka.properties.apicurio.registry.use-id", "contentId");
        d.put("spring.kafka.properties.apicurio.registry.id-handler", "io.apicurio.registry.serde.Legacy4ByteIdHandler");
        d.put("spring.kafka.properties.apicurio.registry.headers.enabled", "false");
        // The serdes' schema cache keeps an entry 30 s by default, then asks the registry again: every producer
        // re-registered each schema (a createArtifact, with a token) twice a minute per sending thread that missed,
        // 369 registrations in one 10-minute benchmark (issue 11). A producer's schema is its generated class's, and
        // a content id always names the same schema, so nothing is gained by asking again while the process runs.
        d.put("spring.kafka.properties.apicurio.registry.check-period-ms", "86400000");

        // Actuator + Prometheus with a common application tag. Actuator listens on its own port
        // (each service's application.yml: management.server.port: ${MANAGEMENT_PORT:<port>}),
        // bound to loopback like the API (managementAddress), never on the public API port.
        d.put("management.endpoints.web.exposure.include", "health,info,prometheus");
        // /actuator/info: the build (version, time: META-INF/build-info.properties from the
        // spring-boot-maven-plugin) and info.* properties, e.g. INFO_APP_COMMIT, the git commit
        // bin/originbridge built the jar from; `bin/originbridge status` prints them.
        d.put("management.info.env.enabled", "true");
        d.put("management.info.java.enabled", "true");
        d.put("management.endpoint.health.probes.enabled", "true");
        d.put("management.metrics.tags.application", "${spring.application.name}");
        // Histogram buckets for the project's timers, listener/template observations and HTTP, so
        // dashboards and alerts compute p50/p99 across instances (deploy/grafana, deploy/prometheus).
        d.put("management.metrics.distribution.percentiles-histogram.originbridge", "true");
        d.put("management.metrics.distribution.percentiles-histogram.spring.kafka", "true");
        d.put("management.metrics.distribution.percentiles-histogram.http.server.requests", "true");
        // The ASW verification latency SLO (99% within 1 s, deploy/prometheus/rules) needs an exact 1 s bucket.
        d.put("management.metrics.distribution.slo.originbridge.asw.verifications", "1s");

        // Tracing (Micrometer Tracing over OpenTelemetry): W3C traceparent in HTTP and Kafka headers
        // (listener and template observation above), trace/span ids in every log line (MDC), every
        // declaration sampled by default so it can be followed end to end (TRACING_SAMPLING_PROBABILITY
        // lowers it under load). OTLP export only with an endpoint: see otlpExport.
        d.put("management.tracing.sampling.probability", "${TRACING_SAMPLING_PROBABILITY:1.0}");
        d.put("management.tracing.propagation.produce", "W3C");
        // Metrics go to Prometheus (scraped); the OTLP metrics registry that comes with the
        // OpenTelemetry starter would otherwise push to localhost:4318 every minute.
        d.put("management.otlp.metrics.export.enabled", "${OTEL_METRICS_EXPORT_ENABLED:false}");
        d.put("management.logging.export.otlp.enabled", "${OTEL_LOGS_EXPORT_ENABLED:false}");

        // OAuth2 resource server (identity contract, docs/security.md): ES256 JWTs from the
        // authorization server, checked for signature (JWKS), issuer, audience and expiry.
        d.put("spring.security.oauth2.resourceserver.jwt.issuer-uri", "${ORIGINBRIDGE_AUTH_ISSUER:http://127.0.0.1:8088}");
        d.put("spring.security.oauth2.resourceserver.jwt.jwk-set-uri",
                "${ORIGINBRIDGE_AUTH_JWKS:http://127.0.0.1:8088/oauth2/jwks}");
        d.put("spring.security.oauth2.resourceserver.jwt.audiences", "originbridge");
        d.put("spring.security.oauth2.resourceserver.jwt.jws-algorithms", "ES256");
        // Client addresses (public rate limit): X-Forwarded-For is honoured only from the configured
        // trusted proxies (a regex; none by default, so the TCP peer is the client).
        d.put("server.forward-headers-strategy", "native");
        d.put("server.tomcat.remoteip.internal-proxies", "${ORIGINBRIDGE_TRUSTED_PROXIES:}");
        d.put("server.tomcat.remoteip.trusted-proxies", "");
        return d;
    }
}
