package org.originbridge.scoring.adapter.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.originbridge.scoring.domain.AswOutcome;
import org.originbridge.scoring.domain.ComplianceScoring;
import org.originbridge.scoring.domain.Consignment;
import org.originbridge.scoring.domain.ScoringModel;
import org.originbridge.scoring.domain.ScoringPolicy;
import org.originbridge.scoring.domain.SupplierRecord;
import org.originbridge.scoring.domain.SupplierScore;
import org.originbridge.testsupport.EmbeddedMongo;

/**
 * The use case on the MongoDB adapters with real races: several listener threads record facts of one
 * supplier at once, each fact delivered twice (a redelivery on another thread). Every fact is counted
 * exactly once, nothing stays pending, the newest version is published and no version is published with
 * two different contents.
 */
class ComplianceScoringMongoTest {

    static final Instant T0 = Instant.parse("2026-06-01T00:00:00Z");

    @Test
    void concurrentFactsAndRedeliveriesOfOneSupplierAreEachCountedOnce() throws Exception {
        MongoDatabase database = EmbeddedMongo.freshDatabase("scoring-race");
        MongoSupplierRecords records = new MongoSupplierRecords(database);
        MongoDeclarationLedger ledger = new MongoDeclarationLedger(database);
        List<SupplierScore> sent = new CopyOnWriteArrayList<>();
        ComplianceScoring scoring = new ComplianceScoring(records, ledger, new MongoConsignmentDirectory(database),
                sent::add, new ScoringModel(ScoringPolicy.DEFAULT));

        int declarations = 40;
        List<Runnable> facts = new ArrayList<>();
        for (int n = 0; n < declarations; n++) {
            String id = "D" + n;
            Consignment c = new Consignment(id, "SUP-R", "TD-" + id, null, List.of(), "CNSGH", "MYPKG", T0.plusSeconds(n));
            AswOutcome a = new AswOutcome(id, n % 4 == 0 ? AswOutcome.Result.NOT_VERIFIED : AswOutcome.Result.VERIFIED,
                    T0.plusSeconds(1_000 + n));
            for (int copy = 0; copy < 2; copy++) {
                facts.add(() -> scoring.declarationAccepted(c));
                facts.add(() -> scoring.verificationCompleted("SUP-R", a));
            }
        }
        Collections.shuffle(facts, new java.util.Random(7));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> done = new ArrayList<>();
        for (Runnable fact : facts) {
            // a fact that lost too many races fails like a listener record would, and is redelivered
            done.add(pool.submit(() -> {
                for (int attempt = 0; ; attempt++) {
                    try {
                        fact.run();
                        return;
                    } catch (RuntimeException e) {
                        if (attempt > 20) {
                            throw e;
                        }
                    }
                }
            }));
        }
        for (Future<?> f : done) {
            f.get(120, TimeUnit.SECONDS);
        }
        pool.shutdownNow();

        SupplierRecord stored = records.find("SUP-R").orElseThrow();
        assertThat(stored.tally().intakeAccepted()).isEqualTo(declarations);
        assertThat(stored.tally().aswVerified()).isEqualTo(declarations * 3 / 4);
        assertThat(stored.tally().aswNotVerified()).isEqualTo(declarations / 4);
        try (var all = ledger.ofSupplier("SUP-R")) {
            assertThat(all.toList()).hasSize(declarations).allMatch(d -> d.pending() == null);
        }
        assertThat(stored.emittedVersion()).isEqualTo(stored.latest().version());
        // the newest version is sent; a version is only ever sent with one content (a writer sends the newest
        // stored when it sends, so a version overtaken before its send may be skipped: the topic is compacted)
        assertThat(sent).extracting(SupplierScore::version).contains(stored.latest().version())
                .allMatch(v -> v <= stored.latest().version());
        // and in order: a supplier's versions reach the (compacted) topic strictly increasing, so its newest
        // record is always its latest score (an older version sent after a newer one would stay as the latest)
        assertThat(sent).extracting(SupplierScore::version).isSorted().doesNotHaveDuplicates();
        assertThat(sent.stream().collect(java.util.stream.Collectors.groupingBy(SupplierScore::version,
                java.util.stream.Collectors.toSet())).values()).allMatch(contents -> contents.size() == 1);
        assertThat(stored.latest().factors()).filteredOn(f -> f.code().equals(ScoringModel.ASW_VERIFICATION))
                .singleElement().extracting(f -> f.value()).isEqualTo(75);
    }
}
