package org.originbridge.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.originbridge.events.failures.DeclarationProcessingFailed;
import org.originbridge.platform.Topics;
import org.originbridge.platform.errors.InvalidRecordException;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.ListenerExecutionFailedException;

class DeclarationFailureFactsTest {

    private static final Instant NOW = Instant.parse("2026-11-29T18:00:00Z");

    @SuppressWarnings("unchecked")
    private final DeclarationFailureFacts facts = new DeclarationFailureFacts(mock(KafkaOperations.class),
            "asw-verification", Clock.fixed(NOW, ZoneOffset.UTC), true);

    @Test
    void aDeadLetterKeyedByADeclarationBecomesAFailureFactWithTheReason() {
        var record = new ConsumerRecord<Object, Object>(Topics.DECLARATIONS_ACCEPTED, 0, 7L, "DECL-1", new byte[] {1});

        DeclarationProcessingFailed fact = facts.factFor(record, new ListenerExecutionFailedException("listener failed",
                new InvalidRecordException("exporter.name", "missing")));

        assertThat(fact.getDeclarationId()).isEqualTo("DECL-1");
        assertThat(fact.getService()).isEqualTo("asw-verification");
        assertThat(fact.getSourceTopic()).isEqualTo(Topics.DECLARATIONS_ACCEPTED);
        assertThat(fact.getReason()).contains("exporter.name").doesNotContain("listener failed");
        assertThat(fact.getFailedAt()).isEqualTo(NOW);
        assertThat(fact.getTenantId()).isEmpty();
    }

    @Test
    void recordsNotKeyedByADeclarationProduceNoFact() {
        var logistics = new ConsumerRecord<Object, Object>(Topics.LOGISTICS_NODE_EVENTS, 0, 1L, "TD-1", "x");
        var noKey = new ConsumerRecord<Object, Object>(Topics.DECLARATIONS_SUBMITTED, 0, 1L, null, "x");
        var failures = new ConsumerRecord<Object, Object>(Topics.DECLARATION_FAILURES, 0, 1L, "DECL-1", "x");

        assertThat(facts.factFor(logistics, new IllegalStateException("x"))).isNull();
        assertThat(facts.factFor(noKey, new IllegalStateException("x"))).isNull();
        assertThat(facts.factFor(failures, new IllegalStateException("x"))).as("no failure about a failure").isNull();
    }

    @Test
    void aReadSidesDeadLetterDoesNotFailTheDeclaration() {
        @SuppressWarnings("unchecked")
        var readSide = new DeclarationFailureFacts(mock(KafkaOperations.class), "compliance-scoring",
                Clock.fixed(NOW, ZoneOffset.UTC), false);
        var verification = new ConsumerRecord<Object, Object>(Topics.ASW_VERIFICATIONS, 0, 3L, "DECL-1", new byte[] {1});

        assertThat(readSide.factFor(verification, new InvalidRecordException("outcome", "unknown symbol")))
                .as("scoring could not read a fact about DECL-1: the declaration itself did not fail").isNull();
        assertThat(facts.factFor(verification, new InvalidRecordException("outcome", "unknown symbol")))
                .as("the same dead letter in a step of the declaration's processing does").isNotNull();
    }

    @Test
    void theReasonIsBounded() {
        assertThat(DeclarationFailureFacts.reason(new IllegalStateException("x".repeat(5000))))
                .hasSize(DeclarationFailureFacts.MAX_REASON);
        assertThat(DeclarationFailureFacts.reason(new NullPointerException())).isEqualTo("java.lang.NullPointerException");
    }
}
