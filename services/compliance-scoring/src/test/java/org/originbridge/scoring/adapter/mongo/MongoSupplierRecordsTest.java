package org.originbridge.scoring.adapter.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.originbridge.scoring.domain.NodeEvent;
import org.originbridge.scoring.domain.SupplierEvidence;
import org.originbridge.scoring.domain.SupplierRecord;
import org.originbridge.testsupport.EmbeddedMongo;

/**
 * The revision guard and the forward-only emitted version of {@link MongoSupplierRecords}, against the embedded
 * Mongo wire server, races included; and the one UN/LOCODE form in the stored evidence.
 */
class MongoSupplierRecordsTest {

    static final Instant T0 = Instant.parse("2026-06-01T00:00:00Z");
    private static MongoClient client;

    @BeforeAll
    static void connect() {
        client = MongoClients.create(EmbeddedMongo.connectionString());
    }

    @AfterAll
    static void close() {
        client.close();
    }

    private final MongoDatabase database = client.getDatabase("scoring-" + UUID.randomUUID());
    private final MongoSupplierRecords store = new MongoSupplierRecords(database);

    private static SupplierRecord record(String supplierId, long revision, String portOfLoading, long emittedVersion) {
        SupplierEvidence evidence = SupplierEvidence.NONE.withNodeEvents("D1", portOfLoading, "MYPKG",
                List.of(new NodeEvent("E1", "DEPA", true, "cnsha", T0, null)));
        return new SupplierRecord(supplierId, revision, evidence, null, emittedVersion);
    }

    @Test
    void theFirstSaveInsertsAndASecondFirstSaveIsStale() {
        assertThat(store.save(record("S1", 1, "CNSGH", 0), 0)).isTrue();
        assertThat(store.save(record("S1", 1, "VNCMT", 0), 0)).isFalse();

        assertThat(store.find("S1").orElseThrow().evidence().consignments().get(0).portOfLoading()).isEqualTo("CNSGH");
    }

    @Test
    void concurrentFirstSavesHaveExactlyOneWinner() throws Exception {
        assertThat(race(6, () -> store.save(record("S-RACE", 1, "CNSGH", 0), 0))).containsOnlyOnce(true);
    }

    @Test
    void anUpdateAppliesOnlyOnTheExpectedRevision() {
        store.save(record("S2", 1, "CNSGH", 0), 0);

        assertThat(store.save(record("S2", 2, "VNCMT", 0), 1)).isTrue();
        assertThat(store.save(record("S2", 2, "MYPKG", 0), 1)).isFalse(); // stale writer: nothing changes
        assertThat(store.save(record("S2", 3, "MYPKG", 0), 5)).isFalse();

        SupplierRecord stored = store.find("S2").orElseThrow();
        assertThat(stored.revision()).isEqualTo(2);
        assertThat(stored.evidence().consignments().get(0).portOfLoading()).isEqualTo("VNCMT");
    }

    @Test
    void concurrentUpdatesFromOneRevisionHaveExactlyOneWinner() throws Exception {
        store.save(record("S3", 1, "CNSGH", 0), 0);

        assertThat(race(6, () -> store.save(record("S3", 2, "VNCMT", 0), 1))).containsOnlyOnce(true);
        assertThat(store.find("S3").orElseThrow().revision()).isEqualTo(2);
    }

    @Test
    void theEmittedVersionOnlyMovesForwardAndAnEvidenceWriteNeverMovesIt() {
        store.save(record("S4", 1, "CNSGH", 0), 0);

        store.markEmitted("S4", 3);
        store.markEmitted("S4", 2); // a late confirmation of an older score
        assertThat(store.find("S4").orElseThrow().emittedVersion()).isEqualTo(3);

        store.save(record("S4", 2, "CNSGH", 0), 1); // the record read before the emission carries emittedVersion 0
        assertThat(store.find("S4").orElseThrow().emittedVersion()).isEqualTo(3);
    }

    @Test
    void everySpellingOfAPortIsStoredAsTheOneUnLocode() {
        store.save(record("S5", 1, "CN SHA", 0), 0);

        Document stored = database.getCollection(MongoSupplierRecords.COLLECTION).find(new Document("_id", "S5")).first();
        String json = stored.toJson();
        assertThat(json).contains("\"CNSGH\"").doesNotContain("CN SHA").doesNotContain("cnsha").doesNotContain("CNSHA");
        assertThat(store.find("S5").orElseThrow().evidence().consignments().get(0).events().get(0).location())
                .isEqualTo("CNSGH");
    }

    private static <T> List<T> race(int threads, java.util.concurrent.Callable<T> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get(60, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
