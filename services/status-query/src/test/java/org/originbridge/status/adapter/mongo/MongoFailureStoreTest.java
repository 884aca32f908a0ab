package org.originbridge.status.adapter.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.originbridge.status.domain.Fixtures.T0;

import java.util.UUID;

import com.mongodb.client.MongoDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.originbridge.status.domain.Fixtures;
import org.originbridge.status.domain.IntakeRecord;
import org.originbridge.status.domain.ProcessingFailure;
import org.originbridge.status.domain.ProjectionResult;
import org.originbridge.testsupport.EmbeddedMongo;

/** Processing failures against a MongoDB wire server: kept once, the latest wins, superseded by a later fact. */
class MongoFailureStoreTest {

    private MongoStatusStore statusStore;
    private MongoFailureStore failures;
    private String id;

    @BeforeEach
    void freshDatabase() {
        MongoDatabase database = EmbeddedMongo.freshDatabase("failure-test");
        statusStore = new MongoStatusStore(database);
        statusStore.createIndexes();
        failures = new MongoFailureStore(database);
        id = "DECL-" + UUID.randomUUID();
    }

    @Test
    void aFailureIsRecordedOnceAndAnOlderOneChangesNothing() {
        ProcessingFailure failure = ProcessingFailure.of("asw-verification", "coo-declarations-accepted",
                "exporter.name: missing", T0.plusSeconds(10));

        assertThat(failures.recordFailure(id, failure)).isEqualTo(ProjectionResult.APPLIED);
        assertThat(failures.recordFailure(id, failure)).isEqualTo(ProjectionResult.STALE);
        assertThat(failures.recordFailure(id, ProcessingFailure.of("status-query", "asw-verifications", "older",
                T0.plusSeconds(5)))).isEqualTo(ProjectionResult.STALE);

        assertThat(statusStore.findDeclaration(id).orElseThrow().currentFailure()).isEqualTo(failure);
    }

    @Test
    void aFailureOfAKnownDeclarationIsShownUntilALaterFactSupersedesIt() {
        statusStore.recordIntake(id, "SUP-1", "REF-1", IntakeRecord.of(IntakeRecord.ACCEPTED, T0, null, null),
                Fixtures.declaration("REF-1"));
        failures.recordFailure(id, ProcessingFailure.of("asw-verification", "coo-declarations-accepted", "bad",
                T0.plusSeconds(10)));

        var failed = statusStore.findDeclaration(id).orElseThrow();
        assertThat(failed.intake().outcome()).isEqualTo(IntakeRecord.ACCEPTED);
        assertThat(failed.currentFailure().status()).isEqualTo("FAILED");
        assertThat(failed.currentFailure().reason()).isEqualTo("bad");

        // a re-submission after the failure supersedes it; the failure stays stored, no longer current
        statusStore.recordIntake(id, "SUP-1", "REF-1", IntakeRecord.of(IntakeRecord.ACCEPTED, T0.plusSeconds(20), null, null),
                Fixtures.declaration("REF-1"));
        var recovered = statusStore.findDeclaration(id).orElseThrow();
        assertThat(recovered.failure()).isNotNull();
        assertThat(recovered.currentFailure()).isNull();
    }
}
