package org.originbridge.subscriptions.adapter.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.originbridge.subscriptions.domain.EventType;
import org.originbridge.subscriptions.domain.Fact;
import org.originbridge.subscriptions.domain.StoredEvent;
import org.originbridge.subscriptions.domain.Viewer;
import org.originbridge.testsupport.EmbeddedMongo;

/**
 * Recording is insert-if-absent on the fact's own id, with a unique {@code seq}: against the embedded
 * Mongo wire server, a redelivery, a number taken by another writer, concurrent records, and two writers
 * with a reader resuming after its last number (the SSE sequence race).
 */
class MongoEventLogTest {

    private static MongoClient client;

    @BeforeAll
    static void connect() {
        client = MongoClients.create(EmbeddedMongo.connectionString());
    }

    @AfterAll
    static void close() {
        client.close();
    }

    private final MongoDatabase database = client.getDatabase("subscriptions-" + UUID.randomUUID());
    private final MongoEventLog log = new MongoEventLog(database);

    private static Fact fact(String naturalId, String declarationId) {
        return new Fact(naturalId, EventType.DECLARATION_ACCEPTED, "SUP-1", declarationId, null,
                Instant.parse("2026-11-30T00:00:00Z"), "{\"declarationId\":\"" + declarationId + "\"}");
    }

    @Test
    void aRedeliveredFactIsTheEventAlreadyRecorded() {
        StoredEvent first = log.recordIfAbsent(fact("accepted/D1", "D1"));
        StoredEvent again = log.recordIfAbsent(fact("accepted/D1", "D1"));

        assertThat(again.id()).isEqualTo(first.id());
        assertThat(again.seq()).isEqualTo(first.seq());
        assertThat(database.getCollection(MongoEventLog.COLLECTION).countDocuments()).isEqualTo(1);
    }

    @Test
    void aNumberTakenByAnotherWriterMeanwhileMakesTheRecordTakeTheNextOne() {
        StoredEvent first = log.recordIfAbsent(fact("accepted/D1", "D1"));
        // another writer inserts the next number first (as a second instance would)
        database.getCollection(MongoEventLog.COLLECTION).insertOne(new Document("_id", "evt_other").append("seq", first.seq() + 1)
                .append("type", EventType.DECLARATION_ACCEPTED.wireName()).append("audience", "EXPORTER")
                .append("tenant", "SUP-1").append("key", "D9").append("occurredAt", new java.util.Date())
                .append("recordedAt", new java.util.Date()).append("payload", "{}"));

        StoredEvent third = log.recordIfAbsent(fact("accepted/D3", "D3"));

        assertThat(third.seq()).isEqualTo(first.seq() + 2);
        assertThat(database.getCollection(MongoEventLog.COLLECTION).countDocuments()).isEqualTo(3);
    }

    /**
     * Issue 11: recording an event costs the same however long the log is. After the first record (which finds the
     * highest number once), a record reads only by {@code _id} and by the unique {@code seq} (the local MongoDB wire
     * server uses no other index: a sort or a query on another field reads every event), and an e-CO fact finds its
     * importer by declaration id.
     */
    @Test
    void aRecordAndAnImporterLookupReadOnlyByIdOrUniqueSeq_notTheWholeLog() {
        List<Document> finds = new java.util.concurrent.CopyOnWriteArrayList<>();
        com.mongodb.MongoClientSettings settings = com.mongodb.MongoClientSettings.builder()
                .applyConnectionString(new com.mongodb.ConnectionString(EmbeddedMongo.connectionString()))
                .addCommandListener(new com.mongodb.event.CommandListener() {
                    @Override
                    public void commandStarted(com.mongodb.event.CommandStartedEvent event) {
                        if (event.getCommandName().equals("find")) {
                            finds.add(Document.parse(event.getCommand().toJson()));
                        }
                    }
                }).build();
        try (MongoClient watched = MongoClients.create(settings)) {
            MongoEventLog counted = new MongoEventLog(watched.getDatabase("subscriptions-cost-" + UUID.randomUUID()));
            for (int i = 0; i < 20; i++) {
                counted.recordIfAbsent(new Fact("accepted/D" + i, EventType.DECLARATION_ACCEPTED, "SUP-1", "D" + i,
                        i % 2 == 0 ? "JP-IMPORTER" : null, Instant.parse("2026-11-30T00:00:00Z"), "{}"));
            }
            finds.clear();

            counted.recordIfAbsent(fact("accepted/D20", "D20"));
            assertThat(counted.importerOf("D4")).contains("JP-IMPORTER");
            assertThat(counted.importerOf("D5")).as("accepted without an importer").isEmpty();

            assertThat(finds).isNotEmpty().allSatisfy(find -> {
                assertThat(find.containsKey("sort")).as("no sort: %s", find.toJson()).isFalse();
                Document filter = find.get("filter", Document.class);
                assertThat(filter.keySet()).as("filter %s", filter.toJson()).isSubsetOf("_id", "seq");
            });
        }
    }

    @Test
    void theHighestNumberFollowsAnotherInstancesRecords() {
        MongoEventLog other = new MongoEventLog(database);
        log.recordIfAbsent(fact("accepted/D1", "D1"));
        other.recordIfAbsent(fact("accepted/D2", "D2"));
        other.recordIfAbsent(fact("accepted/D3", "D3"));

        assertThat(log.lastSeq()).isEqualTo(3);
        assertThat(log.recordIfAbsent(fact("accepted/D4", "D4")).seq()).isEqualTo(4);
        assertThat(other.recordIfAbsent(fact("accepted/D5", "D5")).seq()).isEqualTo(5);
    }

    /**
     * The SSE sequence race: two instances record at once while a stream reads "everything after the
     * last number I sent" over and over. Every number a reader ever sees must come after every lower
     * number already being readable, or a resume after it skips an event for good. Each pass of the
     * reader must therefore continue the log exactly where the previous one ended (no gap), and the
     * reader ends up with every event once.
     */
    @Test
    void twoWritersRecordingAtOnceNeverLetAReaderSkipAnEvent() throws Exception {
        String name = "subscriptions-race-" + UUID.randomUUID();
        MongoClient second = MongoClients.create(EmbeddedMongo.connectionString());
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            MongoEventLog writerA = new MongoEventLog(client.getDatabase(name));
            MongoEventLog writerB = new MongoEventLog(second.getDatabase(name));
            MongoEventLog reader = new MongoEventLog(client.getDatabase(name));
            int each = 150;
            java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
            Future<?> a = pool.submit(() -> write(writerA, "A", each, go));
            Future<?> b = pool.submit(() -> write(writerB, "B", each, go));
            Viewer everything = new Viewer(true, Set.of(), null, false);
            List<Long> seen = new ArrayList<>();
            long last = 0;
            go.countDown();
            while (seen.size() < 2 * each) {
                for (StoredEvent e : reader.after(everything, last, null, Set.of(), 1000)) {
                    assertThat(e.seq()).as("the pass continues right after " + last + " (no number skipped)").isEqualTo(last + 1);
                    seen.add(e.seq());
                    last = e.seq();
                }
                if (a.isDone() && b.isDone() && reader.after(everything, last, null, Set.of(), 1).isEmpty()) {
                    break;
                }
            }
            a.get();
            b.get();
            assertThat(seen).hasSize(2 * each).doesNotHaveDuplicates();
            assertThat(client.getDatabase(name).getCollection(MongoEventLog.COLLECTION).countDocuments()).isEqualTo(2L * each);
        } finally {
            pool.shutdownNow();
            second.close();
        }
    }

    private static Void write(MongoEventLog log, String writer, int count, java.util.concurrent.CountDownLatch go) throws Exception {
        go.await();
        for (int i = 0; i < count; i++) {
            log.recordIfAbsent(fact("accepted/" + writer + i, writer + i));
        }
        return null;
    }

    @Test
    void concurrentRecordsOfTheSameAndOfDifferentFactsNeitherFailNorDuplicate() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<StoredEvent>> futures = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                String declarationId = "D" + (i % 10); // each fact four times
                futures.add(pool.submit(() -> log.recordIfAbsent(fact("accepted/" + declarationId, declarationId))));
            }
            Set<String> ids = new HashSet<>();
            for (Future<StoredEvent> f : futures) {
                ids.add(f.get().id());
            }
            assertThat(ids).hasSize(10);
        } finally {
            pool.shutdownNow();
        }
        List<Document> stored = database.getCollection(MongoEventLog.COLLECTION).find().into(new ArrayList<>());
        assertThat(stored).hasSize(10);
        assertThat(stored.stream().map(d -> d.get("seq")).distinct().count()).isEqualTo(10);
    }
}
