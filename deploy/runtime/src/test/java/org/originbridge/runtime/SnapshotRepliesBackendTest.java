package org.originbridge.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/**
 * Concurrent {@code findOneAndUpdate}s of one document, returning the document after the update: with the plain H2
 * or memory backend of mongo-java-server 1.47 one of them fails within a few hundred rounds ("Prematurely reached end of
 * stream": the server encodes the stored document while the other update changes it, and drops the connection).
 */
class SnapshotRepliesBackendTest {

    /** A sub-document of some size: the encoder's window, in which another update may change the stored object. */
    private static Document half(String name) {
        Document half = new Document("name", name);
        for (int i = 0; i < 20; i++) {
            half.append("field" + i, name + "-value-" + i);
        }
        return half.append("list", List.of("a", "b", "c"));
    }

    /**
     * Rounds of four concurrent upserts of one document in each collection at once, each returning the document after
     * it: every reply is the whole document, and the last writer of each collection sees all four halves.
     */
    private static void race(ExecutorService pool, List<MongoCollection<Document>> collections, int rounds)
            throws Exception {
        FindOneAndUpdateOptions after = new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER);
        for (int round = 0; round < rounds; round++) {
            String id = "D-" + round;
            CountDownLatch start = new CountDownLatch(1);
            List<List<Future<Document>>> replies = new ArrayList<>();
            for (MongoCollection<Document> docs : collections) {
                List<Future<Document>> ofCollection = new ArrayList<>();
                for (int writer = 0; writer < 4; writer++) {
                    String field = "half" + writer;
                    ofCollection.add(pool.submit(() -> {
                        start.await();
                        return docs.findOneAndUpdate(Filters.eq("_id", id), Updates.set(field, half(field)), after);
                    }));
                }
                replies.add(ofCollection);
            }
            start.countDown();
            for (List<Future<Document>> ofCollection : replies) {
                List<Document> seen = new ArrayList<>();
                for (Future<Document> reply : ofCollection) {
                    seen.add(reply.get(30, TimeUnit.SECONDS));
                }
                assertThat(seen).as("round %d", round).allSatisfy(d -> assertThat(d.getString("_id")).isEqualTo(id));
                assertThat(seen).as("the last writer sees all four halves, round %d", round)
                        .anySatisfy(d -> assertThat(d.keySet()).contains("half0", "half1", "half2", "half3"));
            }
        }
    }

    @Test
    void concurrentUpdatesOfOneDocumentEachGetAWholeReplyAndTheConnectionStaysUp() throws Exception {
        MongoServer server = new MongoServer(SnapshotRepliesBackend.inMemory());
        String uri = "mongodb://127.0.0.1:" + server.bind().getPort();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try (MongoClient client = MongoClients.create(uri)) {
            race(pool, List.of(client.getDatabase("race").getCollection("docs")), 100);
        } finally {
            pool.shutdownNow();
            server.shutdownNow();
        }
    }

    @Test
    void theProfileCountsEachCommandByCollectionAndFilterShapeWithoutValues() {
        SnapshotRepliesBackend backend = SnapshotRepliesBackend.inMemory();
        backend.profile().start();
        MongoServer server = new MongoServer(backend);
        String uri = "mongodb://127.0.0.1:" + server.bind().getPort();
        try (MongoClient client = MongoClients.create(uri)) {
            MongoCollection<Document> docs = client.getDatabase("prof").getCollection("docs");
            docs.insertOne(new Document("_id", "A").append("owner", "secret-owner").append("state", "open"));
            docs.find(Filters.and(Filters.eq("state", "open"), Filters.eq("owner", "secret-owner"))).first();
            docs.find(Filters.and(Filters.eq("state", "open"), Filters.eq("owner", "other"))).first();
            docs.findOneAndUpdate(Filters.eq("_id", "A"), Updates.set("state", "closed"));
            docs.deleteMany(Filters.eq("state", "closed"));
        } finally {
            server.shutdownNow();
        }
        List<CommandProfile.Line> lines = backend.profile().top(50);
        assertThat(lines).extracting(CommandProfile.Line::key)
                .contains("prof.docs find [owner, state]", "prof.docs findAndModify [_id]", "prof.docs delete [state]",
                        "prof.docs insert ")
                .noneMatch(key -> key.contains("secret-owner"));
        assertThat(lines).filteredOn(l -> l.key().equals("prof.docs find [owner, state]"))
                .singleElement().satisfies(l -> assertThat(l.count()).isEqualTo(2));
        assertThat(backend.profile().format(5)).contains("prof.docs find [owner, state]");
    }

    @Test
    void commandsNamingOneCollectionAreLockedByThatCollectionOthersByAll() {
        assertThat(SnapshotRepliesBackend.collectionOf("find", new de.bwaldvogel.mongo.bson.Document("find", "a")))
                .isEqualTo("a");
        assertThat(SnapshotRepliesBackend.collectionOf("getMore",
                new de.bwaldvogel.mongo.bson.Document("getMore", 7L).append("collection", "b"))).isEqualTo("b");
        assertThat(SnapshotRepliesBackend.collectionOf("aggregate",
                new de.bwaldvogel.mongo.bson.Document("aggregate", "a"))).as("may $lookup another").isNull();
        assertThat(SnapshotRepliesBackend.collectionOf("listCollections",
                new de.bwaldvogel.mongo.bson.Document("listCollections", 1))).isNull();
        assertThat(SnapshotRepliesBackend.collectionOf("find", new de.bwaldvogel.mongo.bson.Document("find", 1)))
                .as("not a name").isNull();
    }

    @Test
    void racesOnTwoCollectionsAtOnceKeepEveryReplyWhole() throws Exception {
        MongoServer server = new MongoServer(SnapshotRepliesBackend.inMemory());
        String uri = "mongodb://127.0.0.1:" + server.bind().getPort();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try (MongoClient client = MongoClients.create(uri)) {
            race(pool, List.of(client.getDatabase("race").getCollection("left"),
                    client.getDatabase("race").getCollection("right")), 50);
            for (String name : List.of("left", "right")) {
                assertThat(client.getDatabase("race").getCollection(name).countDocuments()).isEqualTo(50);
            }
        } finally {
            pool.shutdownNow();
            server.shutdownNow();
        }
    }
}
