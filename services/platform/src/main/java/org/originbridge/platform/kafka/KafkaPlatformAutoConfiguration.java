package org.originbridge.platform.kafka;

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
import org.originbridge.platform.errors.InvalidRecordException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * The shared Kafka behaviour of every service:
 * <ul>
 * <li>the public topics exist (created if missing), and so does the dead-letter topic
 *     {@code <topic>-<application>-dlt} of each topic this application listens to
 *     ({@link DeadLetterTopics});</li>
 * <li>a record that cannot be deserialized or carries bad data ({@link InvalidRecordException})
 *     goes to the dead-letter topic on the first attempt, with the reason in
 *     {@code kafka_dlt-exception-*} headers and its original bytes;</li>
 * <li>any other failure is retried with bounded exponential backoff, then dead-lettered: a
 *     record is never skipped silently.</li>
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
                .map(name -> new NewTopic(name, properties.partitions(), properties.replicationFactor()))
                .toArray(NewTopic[]::new));
    }

    @Bean
    static DeadLetterTopics originbridgeDeadLetterTopics() {
        return new DeadLetterTopics();
    }

    @Bean
    DefaultErrorHandler originbridgeErrorHandler(KafkaProperties kafkaProperties, KafkaTemplate<?, ?> template,
            KafkaPlatformProperties properties, @Value("${spring.application.name}") String application,
            org.springframework.beans.factory.ObjectProvider<ObservationRegistry> observations) {
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
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(templates,
                (record, exception) -> new TopicPartition(Topics.deadLetter(record.topic(), application), -1));

        KafkaPlatformProperties.Retry retry = properties.retry();
        ExponentialBackOff backOff = new ExponentialBackOff(retry.initialInterval().toMillis(), 2.0);
        backOff.setMaxInterval(retry.maxInterval().toMillis());
        backOff.setMaxAttempts(retry.maxAttempts());

        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, backOff);
        handler.addNotRetryableExceptions(InvalidRecordException.class, DeserializationException.class);
        return handler;
    }
}
