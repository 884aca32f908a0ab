package org.originbridge.subscriptions.adapter.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
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
import org.originbridge.testsupport.EmbeddedMongo;

/**
 * Recording is insert-if-absent on the fact's own id, with a unique {@code seq}: against the embedded
 * Mongo wire server, a redelivery, a counter that hands out a taken number, and concurrent records.
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
    void aCounterBehindTheRecordedSequenceTakesTheNextFreeNumberInsteadOfFailing() {
        StoredEvent first = log.recordIfAbsent(fact("accepted/D1", "D1"));
        StoredEvent second = log.recordIfAbsent(fact("accepted/D2", "D2"));
        // the counter falls back (as after losing its last write): its next numbers are already taken
        database.getCollection(MongoEventLog.COUNTERS).updateOne(Filters.eq("_id", "events"),
                Updates.set("value", first.seq() - 1));

        StoredEvent third = log.recordIfAbsent(fact("accepted/D3", "D3"));

        assertThat(third.seq()).isGreaterThan(second.seq());
        assertThat(database.getCollection(MongoEventLog.COLLECTION).countDocuments()).isEqualTo(3);
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
