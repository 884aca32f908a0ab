package org.originbridge.platform.config;

import static org.assertj.core.api.Assertions.assertThat;

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
        assertThat(environment.getProperty("spring.security.oauth2.resourceserver.jwt.audiences")).isEqualTo("originbridge");
        assertThat(environment.getProperty("spring.security.oauth2.resourceserver.jwt.jws-algorithms")).isEqualTo("ES256");
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
}
