package org.originbridge.platform.signing;

import java.time.Clock;

import org.apache.kafka.clients.admin.NewTopic;
import org.originbridge.platform.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Asymmetric token signing. Every Kafka service declares the compacted topic {@code signing-keys}.
 * A service that sets {@code originbridge.signing.key-dir} (SIGNING_KEY_DIR in the services' application.yml) gets its
 * own {@link SigningKeys} (made on first start, rotated on request or by age), a {@link TokenSigner}
 * and, at start, the publication of its public keys on {@code signing-keys}; the start fails when
 * they cannot be published (a token whose key nobody can find would be worthless).
 */
@AutoConfiguration(after = KafkaAutoConfiguration.class)
@EnableConfigurationProperties(SigningProperties.class)
public class SigningAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SigningAutoConfiguration.class);

    @Bean
    @ConditionalOnClass(NewTopic.class)
    NewTopic signingKeysTopic(@Value("${originbridge.kafka.replication-factor:1}") short replicationFactor) {
        return TopicBuilder.name(Topics.SIGNING_KEYS).partitions(1).replicas(replicationFactor).compact().build();
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty("originbridge.signing.key-dir")
    static class Signer {

        @Bean
        @ConditionalOnMissingBean
        SigningKeys signingKeys(SigningProperties properties, @Value("${spring.application.name}") String application,
                ObjectProvider<Clock> clock) {
            String service = properties.service() == null || properties.service().isBlank() ? application : properties.service();
            if (properties.keyDir() == null || properties.keyDir().toString().isBlank()) {
                throw new IllegalStateException("originbridge.signing.key-dir (SIGNING_KEY_DIR) is required: the directory "
                        + "holding this service's private signing keys (created on first start)");
            }
            SigningKeys keys = new SigningKeys(properties.keyDir(), service, properties.keepRetiredFor(),
                    clock.getIfAvailable(Clock::systemUTC));
            if (properties.rotateNow()) {
                log.info("signing: rotated on request (originbridge.signing.rotate-now); current key {}", keys.rotate().kid());
            } else if (keys.rotateIfOlderThan(properties.rotateAfter())) {
                log.info("signing: current key older than {}, rotated; current key {}", properties.rotateAfter(), keys.current().kid());
            }
            log.info("signing: ES256 with key {} from {} ({} key(s) published)", keys.current().kid(), properties.keyDir(),
                    keys.published().size());
            return keys;
        }

        @Bean
        @ConditionalOnMissingBean
        TokenSigner tokenSigner(SigningKeys keys, ObjectProvider<Clock> clock) {
            return new TokenSigner(keys, clock.getIfAvailable(Clock::systemUTC));
        }

        @Bean
        @ConditionalOnBean(KafkaTemplate.class)
        SigningKeyPublisher signingKeyPublisher(SigningKeys keys, KafkaTemplate<String, Object> template,
                SigningProperties properties, ObjectProvider<Clock> clock) {
            return new SigningKeyPublisher(keys, template, properties.publishTimeout(), clock.getIfAvailable(Clock::systemUTC));
        }

        @Bean
        @ConditionalOnBean(SigningKeyPublisher.class)
        ApplicationRunner publishSigningKeys(SigningKeyPublisher publisher) {
            return args -> log.info("signing: published {} public key(s) on {}", publisher.publishAll(), Topics.SIGNING_KEYS);
        }
    }
}
