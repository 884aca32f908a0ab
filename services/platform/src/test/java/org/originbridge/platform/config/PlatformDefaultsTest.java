package org.originbridge.platform.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import javax.security.auth.login.AppConfigurationEntry;

import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.config.types.Password;
import org.apache.kafka.common.security.JaasContext;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.mock.env.MockPropertySource;

class PlatformDefaultsTest {

    @Test
    void defaultsBindToLoopbackAndConfluentWireFormat() {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MockPropertySource().withProperty("spring.application.name", "svc"));

        new PlatformDefaults().postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("server.address")).isEqualTo("127.0.0.1");
        assertThat(environment.getProperty("spring.kafka.consumer.group-id")).isEqualTo("svc");
        assertThat(environment.getProperty("management.metrics.tags.application")).isEqualTo("svc");
        assertThat(environment.getProperty("spring.kafka.properties.apicurio.registry.id-handler"))
                .isEqualTo("io.apicurio.registry.serde.Legacy4ByteIdHandler");
        assertThat(environment.getProperty("spring.kafka.properties.apicurio.registry.check-period-ms", Long.class))
                .as("schemas cached for the process's life, not re-registered every 30 s").isGreaterThanOrEqualTo(3_600_000L);
        assertThat(environment.getProperty("spring.security.oauth2.resourceserver.jwt.audiences")).isEqualTo("originbridge");
        assertThat(environment.getProperty("spring.security.oauth2.resourceserver.jwt.jws-algorithms")).isEqualTo("ES256");
        // a poll's work is bounded well inside the poll interval, so a slow counterpart cannot make a consumer
        // leave its group and redeliver its records over and over (chaos (a), issue 7)
        assertThat(environment.getProperty("spring.kafka.consumer.max-poll-records")).isEqualTo("100");
        assertThat(environment.getProperty("spring.kafka.consumer.properties.max.poll.interval.ms")).isEqualTo("600000");
        // no proxy is trusted unless configured: X-Forwarded-For from anyone is ignored
        assertThat(environment.getProperty("server.tomcat.remoteip.internal-proxies")).isEmpty();
    }

    @Test
    void anythingTheServiceSetsWins() {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MockPropertySource()
                .withProperty("spring.kafka.bootstrap-servers", "broker:29092")
                .withProperty("server.address", "0.0.0.0"));

        new PlatformDefaults().postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("spring.kafka.bootstrap-servers")).isEqualTo("broker:29092");
        assertThat(environment.getProperty("server.address")).isEqualTo("0.0.0.0");
    }

    @Test
    void spansAreExportedOnlyWhenAnOtlpEndpointIsConfigured() {
        StandardEnvironment none = new StandardEnvironment();
        new PlatformDefaults().postProcessEnvironment(none, new SpringApplication());
        assertThat(none.containsProperty("management.opentelemetry.tracing.export.otlp.endpoint")).isFalse();
        assertThat(none.getProperty("management.tracing.sampling.probability")).isEqualTo("1.0");
        assertThat(none.getProperty("management.otlp.metrics.export.enabled")).isEqualTo("false");
        assertThat(none.containsProperty("management.server.address")).as("no separate management port").isFalse();

        StandardEnvironment ownPort = new StandardEnvironment();
        ownPort.getPropertySources().addFirst(new MockPropertySource().withProperty("management.server.port", "9101"));
        new PlatformDefaults().postProcessEnvironment(ownPort, new SpringApplication());
        assertThat(ownPort.getProperty("management.server.address")).isEqualTo("127.0.0.1");

        StandardEnvironment base = new StandardEnvironment();
        base.getPropertySources().addFirst(new MockPropertySource().withProperty("OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4318/"));
        new PlatformDefaults().postProcessEnvironment(base, new SpringApplication());
        assertThat(base.getProperty("management.opentelemetry.tracing.export.otlp.endpoint"))
                .isEqualTo("http://collector:4318/v1/traces");

        StandardEnvironment full = new StandardEnvironment();
        full.getPropertySources().addFirst(new MockPropertySource()
                .withProperty("OTEL_EXPORTER_OTLP_ENDPOINT", "http://ignored:4318")
                .withProperty("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "http://traces:4318/custom"));
        new PlatformDefaults().postProcessEnvironment(full, new SpringApplication());
        assertThat(full.getProperty("management.opentelemetry.tracing.export.otlp.endpoint")).isEqualTo("http://traces:4318/custom");

        StandardEnvironment blank = new StandardEnvironment();
        blank.getPropertySources().addFirst(new MockPropertySource().withProperty("OTEL_EXPORTER_OTLP_ENDPOINT", "  "));
        new PlatformDefaults().postProcessEnvironment(blank, new SpringApplication());
        assertThat(blank.containsProperty("management.opentelemetry.tracing.export.otlp.endpoint")).isFalse();
    }

    @Test
    void kafkaClientsStayPlaintextWithoutCredentials() {
        StandardEnvironment none = new StandardEnvironment();
        new PlatformDefaults().postProcessEnvironment(none, new SpringApplication());
        assertThat(none.containsProperty("spring.kafka.security.protocol")).isFalse();
        assertThat(none.containsProperty("spring.kafka.properties.sasl.jaas.config")).isFalse();
        assertThat(none.containsProperty("spring.kafka.admin.auto-create")).as("test brokers: the platform declares topics").isFalse();
    }

    @Test
    void aKafkaPasswordFileIsReadWhenNoPasswordIsGiven(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path file = dir.resolve("password");
        java.nio.file.Files.writeString(file, "from-the-mounted-secret\n");
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MockPropertySource()
                .withProperty("ORIGINBRIDGE_KAFKA_USERNAME", "subscriptions")
                .withProperty("ORIGINBRIDGE_KAFKA_PASSWORD_FILE", file.toString()));
        new PlatformDefaults().postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("spring.kafka.properties.sasl.jaas.config"))
                .contains("username=\"subscriptions\" password=\"from-the-mounted-secret\";");

        StandardEnvironment missing = new StandardEnvironment();
        missing.getPropertySources().addFirst(new MockPropertySource()
                .withProperty("ORIGINBRIDGE_KAFKA_USERNAME", "subscriptions")
                .withProperty("ORIGINBRIDGE_KAFKA_PASSWORD_FILE", dir.resolve("absent").toString()));
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> new PlatformDefaults().postProcessEnvironment(missing, new SpringApplication()))
                .hasMessageContaining("ORIGINBRIDGE_KAFKA_PASSWORD_FILE");
    }

    @Test
    void kafkaCredentialsFromTheEnvironmentBecomeScramSettingsWithHostileCharactersEscaped() {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MockPropertySource()
                .withProperty("ORIGINBRIDGE_KAFKA_USERNAME", "status-query")
                .withProperty("ORIGINBRIDGE_KAFKA_PASSWORD", "p\"w;\\ x=\"y\" required"));
        new PlatformDefaults().postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("spring.kafka.security.protocol")).isEqualTo("SASL_PLAINTEXT");
        assertThat(environment.getProperty("spring.kafka.properties.sasl.mechanism")).isEqualTo("SCRAM-SHA-512");
        assertThat(environment.getProperty("spring.kafka.admin.auto-create"))
                .as("with credentials the administrator creates topics, not the service").isEqualTo("false");
        String jaas = environment.getProperty("spring.kafka.properties.sasl.jaas.config");
        // Kafka's own parser reads back exactly the user name and password: the quote, semicolon and
        // backslash in the password cannot end the value or add an option
        List<AppConfigurationEntry> entries = JaasContext.loadClientContext(
                Map.of(SaslConfigs.SASL_JAAS_CONFIG, new Password(jaas))).configurationEntries();
        assertThat(entries).hasSize(1);
        assertThat(entries.get(0).getLoginModuleName()).isEqualTo("org.apache.kafka.common.security.scram.ScramLoginModule");
        assertThat(Map.<String, Object>copyOf(entries.get(0).getOptions())).isEqualTo(Map.of("username", "status-query",
                "password", "p\"w;\\ x=\"y\" required"));
    }

    @Test
    void aKafkaUserWithoutPasswordOrWithAPlaceholderStopsTheStart() {
        StandardEnvironment noPassword = new StandardEnvironment();
        noPassword.getPropertySources().addFirst(new MockPropertySource().withProperty("ORIGINBRIDGE_KAFKA_USERNAME", "svc"));
        assertThatThrownBy(() -> new PlatformDefaults().postProcessEnvironment(noPassword, new SpringApplication()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("ORIGINBRIDGE_KAFKA_PASSWORD");

        StandardEnvironment placeholder = new StandardEnvironment();
        placeholder.getPropertySources().addFirst(new MockPropertySource()
                .withProperty("ORIGINBRIDGE_KAFKA_USERNAME", "svc").withProperty("ORIGINBRIDGE_KAFKA_PASSWORD", "${HOME}"));
        assertThatThrownBy(() -> new PlatformDefaults().postProcessEnvironment(placeholder, new SpringApplication()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("${");
    }

    @Test
    void theSerdesCallTheRegistryAnonymouslyWithoutAClient() {
        StandardEnvironment none = new StandardEnvironment();
        new PlatformDefaults().postProcessEnvironment(none, new SpringApplication());
        assertThat(none.containsProperty("spring.kafka.properties.apicurio.auth.client.id")).isFalse();
        assertThat(none.containsProperty("spring.kafka.properties.apicurio.auth.service.token.endpoint")).isFalse();
    }

    @Test
    void registryCredentialsFromTheEnvironmentBecomeTheSerdesClientCredentials() {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MockPropertySource()
                .withProperty("ORIGINBRIDGE_REGISTRY_CLIENT_ID", "subscriptions")
                .withProperty("ORIGINBRIDGE_REGISTRY_CLIENT_SECRET", "Xy_9-abc~def.ghi")
                .withProperty("ORIGINBRIDGE_AUTH_ISSUER", "http://127.0.0.1:27088"));
        new PlatformDefaults().postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("spring.kafka.properties.apicurio.auth.client.id")).isEqualTo("subscriptions");
        assertThat(environment.getProperty("spring.kafka.properties.apicurio.auth.client.secret")).isEqualTo("Xy_9-abc~def.ghi");
        assertThat(environment.getProperty("spring.kafka.properties.apicurio.auth.service.token.endpoint"))
                .isEqualTo("http://127.0.0.1:27088/oauth2/token");

        environment.getPropertySources().addFirst(new MockPropertySource()
                .withProperty("ORIGINBRIDGE_REGISTRY_TOKEN_URL", "https://idp.example/token"));
        assertThat(environment.getProperty("spring.kafka.properties.apicurio.auth.service.token.endpoint"))
                .isEqualTo("https://idp.example/token");
    }

    @Test
    void aRegistryClientWithoutSecretOrWithCharactersTheTokenFormCannotCarryStopsTheStart() {
        StandardEnvironment noSecret = new StandardEnvironment();
        noSecret.getPropertySources().addFirst(new MockPropertySource().withProperty("ORIGINBRIDGE_REGISTRY_CLIENT_ID", "svc"));
        assertThatThrownBy(() -> new PlatformDefaults().postProcessEnvironment(noSecret, new SpringApplication()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("ORIGINBRIDGE_REGISTRY_CLIENT_SECRET");

        // the serdes put id and secret into the token request's form body as they are: an "&" would add a
        // parameter (here: ask for another client), "${" would be read by Spring as a placeholder
        for (String[] hostile : new String[][] {{"svc&client_id=operator", "0123456789abcdef"},
                {"svc", "0123456789abcdef&scope=operator"}, {"svc", "${HOME}"}, {"svc", "pass word"}}) {
            StandardEnvironment environment = new StandardEnvironment();
            environment.getPropertySources().addFirst(new MockPropertySource()
                    .withProperty("ORIGINBRIDGE_REGISTRY_CLIENT_ID", hostile[0])
                    .withProperty("ORIGINBRIDGE_REGISTRY_CLIENT_SECRET", hostile[1]));
            assertThatThrownBy(() -> new PlatformDefaults().postProcessEnvironment(environment, new SpringApplication()))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("A-Z a-z 0-9")
                    .hasMessageNotContaining(hostile[1]);
        }
    }
}
