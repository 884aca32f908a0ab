package org.originbridge.platform.kafka;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.micrometer.observation.ObservationRegistry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.originbridge.platform.Topics;
import org.originbridge.platform.avro.AvroTrust;
import org.originbridge.platform.resilience.ExternalCall;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.ContainerCustomizer;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.BatchMessageListener;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.MessageListener;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;

/**
 * The shared Kafka behaviour of every service:
 * <ul>
 * <li>the public topics exist (created if missing, with the configs of the catalogue
 *     {@link Topics#configs}), and so does the dead-letter topic {@code <topic>-<application>-dlt}
 *     of each topic this application listens to ({@link DeadLetterTopics});</li>
 * <li>failures are classified in one place, {@link FailureClassification}: a record that can never
 *     succeed (undecodable bytes, bad data, a permanent 4xx, too large, or an {@link Error} thrown
 *     while processing it) goes to the dead-letter topic on the first attempt, with the reason in
 *     {@code kafka_dlt-exception-*} headers and its original bytes, and the partition moves on;
 *     when the record is keyed by a declaration id the fact {@code DeclarationProcessingFailed} is
 *     published on {@code coo-declaration-failures} ({@link DeclarationFailureFacts});
 *     a transient failure (a dependency down or slow) is retried with bounded exponential backoff
 *     until it passes, keeping the offset: a record is never skipped and never dead-lettered
 *     because of an outage;</li>
 * <li>an {@link Error} from a listener never stops its container ({@link ErrorContainingListener});</li>
 * <li>listeners pause while an external system's circuit breaker is open ({@link BreakerDrivenPause});</li>
 * <li>health is DOWN when a listener container that should run does not
 *     ({@link ListenerContainersHealthIndicator}, component {@code kafkaListeners}), when the
 *     cluster does not answer within a few seconds ({@link KafkaBrokerHealthIndicator}, component {@code kafka}),
 *     and when a consumer with lag makes no progress while not paused
 *     ({@link ConsumerProgressHealthIndicator}, {@code originbridge.kafka.stuck-after});</li>
 * <li>every record handled is logged as a hop of its declaration, inside the listener observation
 *     (trace id in the MDC) ({@link ErrorContainingListener}, {@link org.originbridge.platform.observability.Hops}).</li>
 * </ul>
 */
@AutoConfiguration(after = KafkaAutoConfiguration.class)
@EnableConfigurationProperties(KafkaPlatformProperties.class)
public class KafkaPlatformAutoConfiguration {

    static {
        AvroTrust.trustEventPackages();
    }

    /** The public topics of the catalogue exist (created if missing, as a real cluster's operators would). */
    @Bean
    KafkaAdmin.NewTopics originbridgeTopics(KafkaPlatformProperties properties) {
        return new KafkaAdmin.NewTopics(Topics.ALL.stream()
                .map(name -> new NewTopic(name, properties.partitions(), properties.replicationFactor())
                        .configs(Topics.configs(name)))
                .toArray(NewTopic[]::new));
    }

    @Bean
    static DeadLetterTopics originbridgeDeadLetterTopics() {
        return new DeadLetterTopics();
    }

    @Bean
    DefaultErrorHandler originbridgeErrorHandler(KafkaProperties kafkaProperties, KafkaTemplate<?, ?> template,
            KafkaPlatformProperties properties, @Value("${spring.application.name}") String application,
            org.springframework.beans.factory.ObjectProvider<ObservationRegistry> observations,
            org.springframework.beans.factory.ObjectProvider<Clock> clock) {
        // Records that failed deserialization only have their original bytes: they need a byte[] producer.
        Map<String, Object> bytesConfig = new LinkedHashMap<>(kafkaProperties.buildProducerProperties());
        bytesConfig.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        bytesConfig.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        DefaultKafkaProducerFactory<String, byte[]> bytesFactory = new DefaultKafkaProducerFactory<>(bytesConfig);
        // Same producer listeners (Micrometer client metrics) and observation as Boot's template, so
        // every dead letter, decodable or not, counts in spring_kafka_template_seconds_count
        // {messaging_destination_name="<topic>-<application>-dlt"} (dashboards and alerts in deploy/).
        // (Micrometer's listener only reads a producer's metrics: its key/value types do not matter.)
        @SuppressWarnings("unchecked")
        List<org.springframework.kafka.core.ProducerFactory.Listener<String, byte[]>> clientMetrics =
                (List<org.springframework.kafka.core.ProducerFactory.Listener<String, byte[]>>) (List<?>)
                        template.getProducerFactory().getListeners();
        clientMetrics.forEach(bytesFactory::addListener);
        KafkaTemplate<String, byte[]> bytesTemplate = new KafkaTemplate<>(bytesFactory);
        bytesTemplate.setBeanName("originbridgeDeadLetterBytesTemplate");
        bytesTemplate.setObservationEnabled(true);
        bytesTemplate.setObservationRegistry(observations.getIfAvailable(() -> ObservationRegistry.NOOP));

        Map<Class<?>, KafkaTemplate<?, ?>> templates = new LinkedHashMap<>();
        templates.put(byte[].class, bytesTemplate);
        templates.put(Object.class, template);
        DeadLetterPublishingRecoverer deadLetters = new DeadLetterPublishingRecoverer(templates,
                (record, exception) -> new TopicPartition(Topics.deadLetter(record.topic(), application), -1));
        @SuppressWarnings("unchecked")
        DeclarationFailureFacts failureFacts = new DeclarationFailureFacts((KafkaOperations<Object, Object>) template,
                application, clock.getIfUnique(Clock::systemUTC), properties.declarationStep());

        // Dead-letter first (the original bytes are safe), then tell the declaration's status why.
        return errorHandler((record, exception) -> {
            deadLetters.accept(record, exception);
            failureFacts.report(record, exception);
        }, properties.retry());
    }

    /** Dead-letters permanent failures at once; retries transient ones with capped exponential backoff, for ever. */
    static DefaultErrorHandler errorHandler(org.springframework.kafka.listener.ConsumerRecordRecoverer recoverer,
            KafkaPlatformProperties.Retry retry) {
        ExponentialBackOff untilItPasses = new ExponentialBackOff(retry.initialInterval().toMillis(), 2.0);
        untilItPasses.setMaxInterval(retry.maxInterval().toMillis());
        untilItPasses.setMaxAttempts(Long.MAX_VALUE);
        untilItPasses.setMaxElapsedTime(Long.MAX_VALUE);
        FixedBackOff deadLetterAtOnce = new FixedBackOff(0L, 0L);

        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, untilItPasses);
        // FailureClassification is the only classifier: clear spring-kafka's own list (it would, for
        // instance, dead-letter a record whose deserialization failed only because the registry was down).
        handler.setClassifications(Map.of(), true);
        handler.setBackOffFunction((record, exception) ->
                FailureClassification.isTransient(exception) ? untilItPasses : deadLetterAtOnce);
        return handler;
    }

    /** Every record listener is wrapped so that an {@link Error} is dead-lettered instead of stopping the container. */
    @Bean
    ContainerCustomizer<Object, Object, ConcurrentMessageListenerContainer<Object, Object>> originbridgeErrorContainment() {
        return container -> {
            Object listener = container.getContainerProperties().getMessageListener();
            if (listener instanceof MessageListener<?, ?> record && !(listener instanceof BatchMessageListener<?, ?>)
                    && !(listener instanceof ErrorContainingListener<?, ?>)) {
                @SuppressWarnings("unchecked")
                MessageListener<Object, Object> typed = (MessageListener<Object, Object>) record;
                container.setupMessageListener(new ErrorContainingListener<>(typed));
            }
        };
    }

    @Bean
    BreakerDrivenPause originbridgeBreakerDrivenPause(ObjectProvider<ExternalCall> externalCalls,
            KafkaListenerEndpointRegistry registry, org.springframework.beans.factory.ListableBeanFactory beans) {
        return new BreakerDrivenPause(externalCalls, registry, beans);
    }

    @Bean
    ConsumerProgressHealthIndicator kafkaConsumerProgressHealthIndicator(KafkaListenerEndpointRegistry registry,
            KafkaAdmin kafkaAdmin, KafkaPlatformProperties properties,
            org.springframework.beans.factory.ObjectProvider<Clock> clock) {
        return new ConsumerProgressHealthIndicator(registry, kafkaAdmin,
                new ConsumerProgress(properties.stuckAfter(), clock.getIfUnique(Clock::systemUTC)));
    }

    /** Health component {@code kafka}: the cluster answers within {@link #KAFKA_HEALTH_TIMEOUT}. */
    @Bean
    KafkaBrokerHealthIndicator kafkaHealthIndicator(KafkaAdmin admin) {
        return new KafkaBrokerHealthIndicator(admin.getConfigurationProperties(), KAFKA_HEALTH_TIMEOUT);
    }

    static final java.time.Duration KAFKA_HEALTH_TIMEOUT = java.time.Duration.ofSeconds(3);

    @Bean
    ListenerContainersHealthIndicator kafkaListenersHealthIndicator(KafkaListenerEndpointRegistry registry,
            ObjectProvider<ExternalCall> externalCalls) {
        return new ListenerContainersHealthIndicator(registry, externalCalls);
    }
}
