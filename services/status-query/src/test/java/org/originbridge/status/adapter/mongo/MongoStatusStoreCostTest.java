package org.originbridge.status.adapter.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.originbridge.status.domain.Fixtures.T0;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.originbridge.status.domain.Fixtures;
import org.originbridge.status.domain.IntakeRecord;
import org.originbridge.status.domain.ProjectionResult;
import org.originbridge.testsupport.MongoCommandCounter;

/**
 * Issue 11 part 2: the projection writes each event with ONE targeted command and reads nothing
 * back, however much the declaration's document already holds (here: after 200 issuance changes).
 * Counted with test-support's MongoCommandCounter.
 */
class MongoStatusStoreCostTest {

    private static MongoCommandCounter counter;

    @BeforeAll
    static void connect() {
        counter = new MongoCommandCounter();
    }

    @AfterAll
    static void close() {
        counter.close();
    }

    private static Map<String, Integer> commandsOf(Supplier<ProjectionResult> write, ProjectionResult expected) {
        MongoCommandCounter.Counted<ProjectionResult> counted = counter.count(write);
        assertThat(counted.result()).isEqualTo(expected);
        return counted.count().commands();
    }

    @Test
    void everyInOrderEventIsOneUpdateAndNoReadWhateverTheDocumentHolds() {
        MongoStatusStore store = new MongoStatusStore(counter.freshDatabase("store-cost"));
        store.createIndexes();
        String id = "DECL-" + UUID.randomUUID();
        Map<String, Integer> oneUpdate = Map.of("update", 1);

        assertThat(commandsOf(() -> store.recordIntake(id, "SUP-1", "REF-1",
                IntakeRecord.of(IntakeRecord.SUBMITTED, T0, null, null), Fixtures.declaration("REF-1")),
                ProjectionResult.APPLIED)).isEqualTo(oneUpdate);
        for (int sequence = 1; sequence <= 200; sequence++) {
            int s = sequence;
            assertThat(commandsOf(() -> store.recordIssuance(id, "SUP-1", "REF-1",
                    Fixtures.issuance(s, s % 2 == 0 ? "UNDER_REVIEW" : "SUBMITTED", T0.plusSeconds(s))),
                    ProjectionResult.APPLIED)).as("issuance change %d", s).isEqualTo(oneUpdate);
        }
        assertThat(commandsOf(() -> store.recordIntake(id, "SUP-1", "REF-1",
                IntakeRecord.of(IntakeRecord.ACCEPTED, T0.plusSeconds(1), null, null), Fixtures.declaration("REF-1")),
                ProjectionResult.APPLIED)).isEqualTo(oneUpdate);
        assertThat(commandsOf(() -> store.recordVerification(id, "SUP-1", "REF-1",
                Fixtures.verification("code-1", T0.plusSeconds(300))), ProjectionResult.APPLIED)).isEqualTo(oneUpdate);
        assertThat(commandsOf(() -> store.recordScore(Fixtures.score("SUP-1", 80, 1)), ProjectionResult.APPLIED))
                .isEqualTo(oneUpdate);
        assertThat(commandsOf(() -> store.recordLogisticsEvent(Fixtures.event("E1", "DEPA", T0, "TD-1", null)),
                ProjectionResult.APPLIED)).isEqualTo(Map.of("insert", 1));

        assertThat(store.findDeclaration(id).orElseThrow().issuanceHistory()).hasSize(200);
        // an older issuance change arriving late (stale) still adds its history entry: the one extra write
        assertThat(commandsOf(() -> store.recordIssuance(id, "SUP-1", "REF-1",
                Fixtures.issuance(0, "REQUESTED", T0)), ProjectionResult.STALE)).doesNotContainKey("find");
        assertThat(store.findDeclaration(id).orElseThrow().issuanceHistory()).hasSize(201);
        assertThat(List.of(store.findDeclaration(id).orElseThrow().issuance().sequence())).containsExactly(200);
    }
}
