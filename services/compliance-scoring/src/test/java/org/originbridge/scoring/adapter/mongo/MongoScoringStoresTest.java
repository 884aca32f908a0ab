package org.originbridge.scoring.adapter.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import com.mongodb.client.MongoDatabase;
import org.junit.jupiter.api.Test;
import org.originbridge.scoring.domain.Consignment;
import org.originbridge.scoring.domain.DeclarationEvidence;
import org.originbridge.scoring.domain.DeclarationRecord;
import org.originbridge.scoring.domain.IntakeOutcome;
import org.originbridge.scoring.domain.LogisticsObservation;
import org.originbridge.scoring.domain.NodeEvent;
import org.originbridge.testsupport.EmbeddedMongo;
import org.originbridge.testsupport.Races;

/**
 * The other guards of compliance-scoring's MongoDB adapters against the embedded Mongo wire server: the declaration
 * ledger's first save under a race, the replay mark that only moves forward, and the consignment directory's
 * idempotent upserts (a replay rewrites the same documents; an event seen before its declaration is joined later).
 */
class MongoScoringStoresTest {

    static final Instant T0 = Instant.parse("2026-06-01T00:00:00Z");

    private final MongoDatabase database = EmbeddedMongo.freshDatabase("scoring-guards");

    @Test
    void concurrentFirstSavesOfADeclarationRecordHaveExactlyOneWinner() throws Exception {
        MongoDeclarationLedger ledger = new MongoDeclarationLedger(database);
        DeclarationEvidence evidence = DeclarationEvidence.none("D1").withIntake(new IntakeOutcome("D1", true, T0));

        assertThat(Races.winners(8, i -> ledger.save(new DeclarationRecord("D1", "S" + i, 1, evidence, null), 0)))
                .isEqualTo(1);
        // a stale writer (expecting version 0 again, or version 5 that never was) changes nothing
        DeclarationRecord stored = ledger.find("D1").orElseThrow();
        assertThat(ledger.save(new DeclarationRecord("D1", "S-LATE", 2, evidence, null), 0)).isFalse();
        assertThat(ledger.save(new DeclarationRecord("D1", "S-LATE", 6, evidence, null), 5)).isFalse();
        assertThat(ledger.find("D1").orElseThrow()).isEqualTo(stored);
    }

    @Test
    void theReplayMarkOnlyMovesForward() {
        assertThat(MongoReplayMark.effective(database, null)).isNull(); // never rebuilt

        assertThat(MongoReplayMark.effective(database, T0.plusSeconds(60))).isEqualTo(T0.plusSeconds(60));
        // an older rebuild's start (a restarted instance with an old setting) does not move it back
        assertThat(MongoReplayMark.effective(database, T0)).isEqualTo(T0.plusSeconds(60));
        assertThat(MongoReplayMark.effective(database, null)).isEqualTo(T0.plusSeconds(60));
        assertThat(MongoReplayMark.effective(database, T0.plusSeconds(120))).isEqualTo(T0.plusSeconds(120));
    }

    @Test
    void concurrentReplayMarksKeepTheNewest() throws Exception {
        Races.run(6, i -> MongoReplayMark.effective(database, T0.plusSeconds(i)));

        assertThat(MongoReplayMark.effective(database, null)).isEqualTo(T0.plusSeconds(5));
    }

    @Test
    void aReplayedConsignmentOrEventRewritesTheSameDocument() {
        MongoConsignmentDirectory directory = new MongoConsignmentDirectory(database);
        Consignment consignment = new Consignment("D1", "S1", "TD-1", "BK-1", List.of("CONT-1"), "CN SHA", "MYPKG", T0);
        LogisticsObservation event = new LogisticsObservation(new NodeEvent("E1", "DEPA", true, "cnsha", T0.plusSeconds(5), null),
                "TD-1", null, "CONT-1");

        for (int replay = 0; replay < 3; replay++) {
            directory.register(consignment);
            directory.remember(event);
        }

        assertThat(database.getCollection(MongoConsignmentDirectory.CONSIGNMENTS).countDocuments()).isEqualTo(1);
        assertThat(database.getCollection(MongoConsignmentDirectory.EVENTS).countDocuments()).isEqualTo(1);
        assertThat(directory.resolve(event)).contains(consignment);
        assertThat(directory.eventsFor(consignment)).containsExactly(event);
    }

    @Test
    void anEventSeenBeforeItsDeclarationIsJoinedWhenTheDeclarationArrives() {
        MongoConsignmentDirectory directory = new MongoConsignmentDirectory(database);
        LogisticsObservation early = new LogisticsObservation(new NodeEvent("E2", "LOAD", true, "CNSGH", T0, null),
                null, "BK-2", null);
        directory.remember(early);
        assertThat(directory.resolve(early)).isEmpty();

        Consignment consignment = new Consignment("D2", "S1", null, "BK-2", List.of(), "CNSGH", "JPTYO", T0.plusSeconds(10));
        directory.register(consignment);

        assertThat(directory.eventsFor(consignment)).containsExactly(early);
        assertThat(directory.resolve(early)).contains(consignment);
    }

    @Test
    void hostileReferencesAreValuesNotOperators() {
        MongoConsignmentDirectory directory = new MongoConsignmentDirectory(database);
        directory.register(new Consignment("D3", "S1", "TD-3", null, List.of(), null, null, T0));

        LogisticsObservation hostile = new LogisticsObservation(new NodeEvent("E3", "DEPA", true, null, T0, null),
                "{\"$ne\": null}", "{\"$gt\": \"\"}", null);
        assertThat(directory.resolve(hostile)).isEmpty();
    }
}
