package org.originbridge.platform.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.originbridge.platform.Topics;
import org.slf4j.MDC;

class HopsTest {

    @Test
    void aRecordKeyedByADeclarationPutsItsIdInTheMdcOnlyWhileItIsHandled() {
        AtomicReference<String> seen = new AtomicReference<>();
        Hops.consume(new ConsumerRecord<>(Topics.DECLARATIONS_ACCEPTED, 0, 7L, "DECL-1", "v"),
                () -> seen.set(MDC.get(Hops.DECLARATION_ID)));

        assertThat(seen.get()).isEqualTo("DECL-1");
        assertThat(MDC.get(Hops.DECLARATION_ID)).isNull();
        assertThat(MDC.get(Hops.HOP)).isNull();
        assertThat(MDC.get(Hops.OUTCOME)).isNull();
    }

    @Test
    void otherTopicsAreNotTakenForDeclarations() {
        AtomicReference<String> seen = new AtomicReference<>("unset");
        Hops.consume(new ConsumerRecord<>(Topics.SUPPLIER_COMPLIANCE_SCORES, 0, 0L, "SUP-1", "v"),
                () -> seen.set(MDC.get(Hops.DECLARATION_ID)));

        assertThat(seen.get()).isNull();
    }

    @Test
    void aFailureIsRethrownUnchangedAndTheMdcIsCleared() {
        IllegalStateException boom = new IllegalStateException("boom");
        assertThatThrownBy(() -> Hops.consume(new ConsumerRecord<>(Topics.DECLARATIONS_SUBMITTED, 0, 0L, "DECL-2", "v"),
                () -> {
                    throw boom;
                })).isSameAs(boom);
        assertThat(MDC.get(Hops.DECLARATION_ID)).isNull();
    }

    @Test
    void hostileKeysNeverReachTheMdc() {
        assertThat(Hops.declarationId("DECL-OK_1.2")).isEqualTo("DECL-OK_1.2");
        assertThat(Hops.declarationId(null)).isNull();
        assertThat(Hops.declarationId("")).isNull();
        assertThat(Hops.declarationId(42)).isNull();
        assertThat(Hops.declarationId("x".repeat(Hops.MAX_ID_LENGTH + 1))).isNull();
        assertThat(Hops.declarationId("DECL-1\n{\"forged\":true}")).isNull();
        assertThat(Hops.declarationId("DECL 1")).isNull();
        assertThat(Hops.declarationId("DECL-\u202e1")).isNull();
        assertThat(Hops.declarationId("DECL-\u0000")).isNull();
    }

    @Test
    void declarationIdsAreFoundInPathsAndLocations() {
        assertThat(DeclarationHttpHops.declarationIn("/api/v1/declarations/DECL-9")).isEqualTo("DECL-9");
        assertThat(DeclarationHttpHops.declarationIn("/api/v1/declarations/DECL-9/qr.png")).isEqualTo("DECL-9");
        assertThat(DeclarationHttpHops.declarationIn("http://127.0.0.1:8080/api/v1/declarations/DECL-9?x=1"))
                .isEqualTo("DECL-9");
        assertThat(DeclarationHttpHops.declarationIn("/api/v1/declarations")).isNull();
        assertThat(DeclarationHttpHops.declarationIn("/api/v1/suppliers/SUP-1/score")).isNull();
        assertThat(DeclarationHttpHops.declarationIn(null)).isNull();
        assertThat(DeclarationHttpHops.declarationIn("/api/v1/declarations/" + "y".repeat(500))).isNull();
        assertThat(DeclarationHttpHops.declarationIn("/api/v1/declarations/%0a%7B")).isEqualTo("%0a%7B");
    }
}
