package org.originbridge.platform.kafka;

import java.time.Clock;
import java.time.Duration;

import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.originbridge.events.failures.DeclarationProcessingFailed;
import org.originbridge.platform.Topics;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.ListenerExecutionFailedException;

/**
 * When a record keyed by a declaration id ({@link Topics#KEYED_BY_DECLARATION}) is dead-lettered,
 * publishes the fact {@link DeclarationProcessingFailed} on {@link Topics#DECLARATION_FAILURES}, so the
 * declaration's status says FAILED with the reason instead of staying SUBMITTED or ACCEPTED for ever.
 * The tenant is copied from the record's value when it carries a {@code tenantId}.
 *
 * <p>Only a service that is a step of the declaration's processing reports (see
 * {@link KafkaPlatformProperties#declarationStep()}): a read side's dead letter (status-query, scoring,
 * subscriptions) means one of its views lacks a fact, not that the declaration failed.
 */
final class DeclarationFailureFacts {

    static final int MAX_REASON = 1000;
    private static final Duration PUBLISH_TIMEOUT = Duration.ofSeconds(10);

    private final KafkaOperations<Object, Object> kafka;
    private final String application;
    private final Clock clock;
    private final boolean declarationStep;

    DeclarationFailureFacts(KafkaOperations<Object, Object> kafka, String application, Clock clock,
            boolean declarationStep) {
        this.kafka = kafka;
        this.application = application;
        this.clock = clock;
        this.declarationStep = declarationStep;
    }

    void report(ConsumerRecord<?, ?> record, Exception exception) {
        DeclarationProcessingFailed fact = factFor(record, exception);
        if (fact != null) {
            AcknowledgedSend.send(kafka, Topics.Catalogue.DECLARATION_FAILURES, fact.getDeclarationId(), fact, PUBLISH_TIMEOUT);
        }
    }

    /**
     * The fact for a dead-lettered record, or null when the record does not name a declaration or this service
     * is a read side, not a step of the declaration's processing.
     */
    DeclarationProcessingFailed factFor(ConsumerRecord<?, ?> record, Exception exception) {
        if (!declarationStep || !Topics.KEYED_BY_DECLARATION.contains(record.topic()) || !(record.key() instanceof String id)
                || id.isBlank()) {
            return null;
        }
        String tenant = "";
        if (record.value() instanceof GenericRecord value && value.getSchema().getField("tenantId") != null
                && value.get("tenantId") != null) {
            tenant = value.get("tenantId").toString();
        }
        return DeclarationProcessingFailed.newBuilder()
                .setDeclarationId(id)
                .setService(application)
                .setSourceTopic(record.topic())
                .setReason(reason(exception))
                .setFailedAt(clock.instant())
                .setTenantId(tenant)
                .build();
    }

    /** The failure's own message (the listener wrapper removed), at most {@value #MAX_REASON} characters. */
    static String reason(Throwable exception) {
        Throwable failure = exception;
        while (failure instanceof ListenerExecutionFailedException && failure.getCause() != null) {
            failure = failure.getCause();
        }
        String message = failure.getMessage() == null ? failure.getClass().getName() : failure.getMessage();
        return message.length() <= MAX_REASON ? message : message.substring(0, MAX_REASON - 3) + "...";
    }
}
