package org.originbridge.scoring.adapter.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.originbridge.scoring.domain.DeclarationEvidence;
import org.originbridge.scoring.domain.DeclarationRecord;
import org.originbridge.scoring.domain.IntakeOutcome;
import org.originbridge.scoring.domain.NodeEvent;
import org.originbridge.scoring.domain.SupplierRecord;
import org.originbridge.scoring.domain.Tally;
import org.originbridge.testsupport.EmbeddedMongo;
import org.originbridge.testsupport.Races;

/**
 * The revision guard, the bounded change tokens and the forward-only emitted version of
 * {@link MongoSupplierRecords}, and the version guard of {@link MongoDeclarationLedger}, against the
 * embedded Mongo wire server, races included; and the one UN/LOCODE form in the stored evidence.
 */
class MongoSupplierRecordsTest {

    static final Instant T0 = Instant.parse("2026-06-01T00:00:00Z");

    private final MongoDatabase database = EmbeddedMongo.freshDatabase("scoring");
    private final MongoSupplierRecords store = new MongoSupplierRecords(database);
    private final MongoDeclarationLedger ledger = new MongoDeclarationLedger(database);

    private static Tally tally(long accepted) {
        return new Tally(accepted, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, Map.of("STRP at SG.$IN", 1L), Map.of(20_605L, accepted));
    }

    private static SupplierRecord record(String supplierId, long revision, long accepted, String token) {
        return new SupplierRecord(supplierId, revision, tally(accepted), T0, null, 0,
                token == null ? Map.of() : Map.of(revision, token), 0);
    }

    @Test
    void theFirstSaveInsertsAndASecondFirstSaveIsStale() {
        assertThat(store.save(record("S1", 1, 1, "D1#1"), 0)).isTrue();
        assertThat(store.save(record("S1", 1, 7, "D2#1"), 0)).isFalse();

        SupplierRecord stored = store.find("S1").orElseThrow();
        assertThat(stored.tally()).isEqualTo(tally(1)); // a handling key with '.' and '$' round-trips too
        assertThat(stored.applied()).isEqualTo(Map.of(1L, "D1#1"));
        assertThat(stored.asOf()).isEqualTo(T0);
    }

    @Test
    void concurrentFirstSavesHaveExactlyOneWinner() throws Exception {
        assertThat(Races.winners(8, i -> store.save(record("S2", 1, i, "D" + i + "#1"), 0))).isEqualTo(1);
    }

    @Test
    void anUpdateAppliesOnlyOnTheExpectedRevision() {
        store.save(record("S3", 1, 1, "D1#1"), 0);

        assertThat(store.save(record("S3", 2, 2, "D2#1"), 1)).isTrue();
        assertThat(store.save(record("S3", 3, 9, "D9#1"), 1)).isFalse(); // stale: the revision is 2 now

        SupplierRecord stored = store.find("S3").orElseThrow();
        assertThat(stored.revision()).isEqualTo(2);
        assertThat(stored.tally().intakeAccepted()).isEqualTo(2);
        assertThat(stored.applied()).isEqualTo(Map.of(1L, "D1#1", 2L, "D2#1"));
    }

    @Test
    void concurrentUpdatesFromOneRevisionHaveExactlyOneWinner() throws Exception {
        store.save(record("S4", 1, 1, "D1#1"), 0);
        assertThat(Races.winners(8, i -> store.save(record("S4", 2, i, "D" + i + "#2"), 1))).isEqualTo(1);
    }

    @Test
    void theChangeTokensKeepOnlyTheLastWindowSoTheDocumentDoesNotGrow() {
        store.save(record("S5", 1, 1, "D1#1"), 0);
        for (long revision = 2; revision <= 3 * SupplierRecord.APPLIED_KEPT; revision++) {
            assertThat(store.save(record("S5", revision, revision, "D" + revision + "#1"), revision - 1)).isTrue();
        }
        long last = 3L * SupplierRecord.APPLIED_KEPT;
        SupplierRecord stored = store.find("S5").orElseThrow();
        assertThat(stored.applied()).hasSize(SupplierRecord.APPLIED_KEPT)
                .containsEntry(last, "D" + last + "#1")
                .containsEntry(last - SupplierRecord.APPLIED_KEPT + 1, "D" + (last - SupplierRecord.APPLIED_KEPT + 1) + "#1")
                .doesNotContainKey(last - SupplierRecord.APPLIED_KEPT);
        Document raw = database.getCollection(MongoSupplierRecords.COLLECTION).find(new Document("_id", "S5")).first();
        assertThat(raw.get("applied", Document.class)).hasSize(SupplierRecord.APPLIED_KEPT);

        // a recount clears them and marks its revision
        SupplierRecord recount = new SupplierRecord("S5", last + 1, tally(5), T0, null, 0, Map.of(), last + 1);
        assertThat(store.save(recount, last)).isTrue();
        assertThat(store.find("S5").orElseThrow().applied()).isEmpty();
        assertThat(store.find("S5").orElseThrow().recountedAt()).isEqualTo(last + 1);
    }

    @Test
    void theEmittedVersionOnlyMovesForwardAndAnUpdateNeverMovesIt() {
        store.save(record("S6", 1, 1, null), 0);
        store.markEmitted("S6", 3);
        store.markEmitted("S6", 2);
        assertThat(store.find("S6").orElseThrow().emittedVersion()).isEqualTo(3);

        store.save(record("S6", 2, 2, null), 1); // carries emittedVersion 0
        assertThat(store.find("S6").orElseThrow().emittedVersion()).isEqualTo(3);
    }

    @Test
    void aDeclarationRecordRoundTripsWithItsPendingChangeAndIsGuardedByItsVersion() {
        DeclarationEvidence before = DeclarationEvidence.none("D1").withIntake(new IntakeOutcome("D1", true, T0));
        DeclarationEvidence after = before.withNodeEvents("cnsha", "MYPKG",
                List.of(new NodeEvent("E1", "DEPA", true, "CN SHA", T0, null)));
        DeclarationRecord first = new DeclarationRecord("D1", "S1", 1, before, null);
        DeclarationRecord second = new DeclarationRecord("D1", "S1", 2, after,
                new DeclarationRecord.PendingChange("D1#2", before, 7));

        assertThat(ledger.save(first, 0)).isTrue();
        assertThat(ledger.save(first, 0)).isFalse();
        assertThat(ledger.save(second, 1)).isTrue();
        assertThat(ledger.save(second, 1)).isFalse();

        DeclarationRecord stored = ledger.find("D1").orElseThrow();
        assertThat(stored).isEqualTo(second);
        assertThat(stored.evidence().consignment().portOfLoading()).isEqualTo("CNSGH"); // one UN/LOCODE form
        assertThat(stored.evidence().consignment().events().get(0).location()).isEqualTo("CNSGH");
        assertThat(stored.delta().consignmentsIncomplete()).isEqualTo(1);
        try (var all = ledger.ofSupplier("S1")) {
            assertThat(all.toList()).containsExactly(second);
        }
    }
}
