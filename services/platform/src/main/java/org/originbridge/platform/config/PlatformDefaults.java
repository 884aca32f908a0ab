package org.originbridge.platform.config;

import java.util.LinkedHashMap;
import java.util.Map;

import org.originbridge.platform.avro.AvroTrust;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

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
        environment.getPropertySources().addLast(new MapPropertySource(SOURCE_NAME, defaults()));
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

        // Actuator + Prometheus with a common application tag.
        d.put("management.endpoints.web.exposure.include", "health,info,prometheus");
        d.put("management.endpoint.health.probes.enabled", "true");
        d.put("management.metrics.tags.application", "${spring.application.name}");
        // Histogram buckets for the project's timers, listener/template observations and HTTP, so
        // dashboards and alerts compute p50/p99 across instances (deploy/grafana, deploy/prometheus).
        d.put("management.metrics.distribution.percentiles-histogram.originbridge", "true");
        d.put("management.metrics.distribution.percentiles-histogram.spring.kafka", "true");
        d.put("management.metrics.distribution.percentiles-histogram.http.server.requests", "true");
        // The ASW verification latency SLO (99% within 1 s, deploy/prometheus/rules) needs an exact 1 s bucket.
        d.put("management.metrics.distribution.slo.originbridge.asw.verifications", "1s");

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
