package org.originbridge.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import java.util.List;
import org.bson.Document;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;

class OrderedStoreTest {

    private static de.bwaldvogel.mongo.bson.Document query(Object... pairs) {
        de.bwaldvogel.mongo.bson.Document d = new de.bwaldvogel.mongo.bson.Document();
        for (int i = 0; i < pairs.length; i += 2) {
            d.put((String) pairs[i], pairs[i + 1]);
        }
        return d;
    }

    private static OrderedStore.UniqueIndex idIndex() {
        MVMap<KeyValue, Object> map = MVStore.open(null).openMap("ids",
                new MVMap.Builder<KeyValue, Object>().keyType(OrderedStore.KeyType.INSTANCE));
        OrderedStore.UniqueIndex index = new OrderedStore.UniqueIndex(map, "_id_", List.of(new IndexKey("_id", true)), false);
        for (int i = 0; i < 50; i++) {
            index.add(query("_id", "D-" + i, "version", i), "D-" + i, null);
        }
        return index;
    }

    @Test
    void aQueryWithMoreConditionsThanTheIndexKeysIsServedByTheIndexNotAScan() {
        OrderedStore.UniqueIndex index = idIndex();
        de.bwaldvogel.mongo.bson.Document guarded = query("_id", "D-7", "version", 7, "supplierId", "S");
        assertThat(index.canHandle(guarded)).isTrue();
        assertThat(index.getPositions(guarded)).containsExactly("D-7");
        de.bwaldvogel.mongo.bson.Document and = query("$and", List.of(query("_id", "D-9"), query("version", query("$lt", 3))));
        assertThat(index.canHandle(and)).as("the driver's $and form").isTrue();
        assertThat(index.getPositions(and)).containsExactly("D-9");
        assertThat(index.getPositions(query("_id", query("$in", List.of("D-1", "D-2", "NONE")), "x", 1)))
                .containsExactlyInAnyOrder("D-1", "D-2");
    }

    @Test
    void queriesTheIndexCannotAnswerAreLeftToTheCollection() {
        OrderedStore.UniqueIndex index = idIndex();
        assertThat(index.canHandle(query("version", 3))).isFalse();
        assertThat(index.canHandle(query("_id", query("$gt", "D-1"), "version", 3))).isFalse();
        assertThat(index.canHandle(query("_id", "D-1", "$and", List.of(query("_id", "D-2"))))).as("two conditions on _id").isFalse();
        assertThat(index.canHandle(query("$or", List.of(query("_id", "D-1"), query("_id", "D-2"))))).isFalse();
    }

    @Test
    void guardedUpdatesMatchExactlyTheDocumentsTheWholeFilterMatches() {
        MongoServer server = new MongoServer(SnapshotRepliesBackend.inMemory());
        String uri = "mongodb://127.0.0.1:" + server.bind().getPort();
        try (MongoClient client = MongoClients.create(uri)) {
            MongoCollection<Document> docs = client.getDatabase("guard").getCollection("docs");
            for (int i = 0; i < 20; i++) {
                docs.insertOne(new Document("_id", "D-" + i).append("version", 1).append("owner", "S-" + (i % 3)));
            }
            assertThat(docs.updateOne(Filters.and(Filters.eq("_id", "D-4"), Filters.eq("version", 1)),
                    Updates.set("version", 2)).getModifiedCount()).isEqualTo(1);
            assertThat(docs.updateOne(Filters.and(Filters.eq("_id", "D-4"), Filters.eq("version", 1)),
                    Updates.set("version", 3)).getMatchedCount()).as("the guard lost").isZero();
            assertThat(docs.updateOne(Filters.and(Filters.eq("_id", "D-5"), Filters.eq("owner", "S-0")),
                    Updates.set("version", 9)).getMatchedCount()).as("D-5 belongs to S-2").isZero();
            assertThat(docs.updateOne(Filters.and(Filters.eq("_id", "D-5"), Filters.eq("owner", "S-2"),
                    Filters.lt("version", 5)), Updates.set("version", 9)).getModifiedCount()).isEqualTo(1);
            assertThat(docs.find(Filters.and(Filters.eq("_id", "D-5"), Filters.gt("version", 8))).first()).isNotNull();
            assertThat(docs.countDocuments(Filters.eq("version", 1))).isEqualTo(18);
            assertThat(docs.deleteOne(Filters.and(Filters.eq("_id", "D-6"), Filters.eq("version", 2))).getDeletedCount())
                    .isZero();
            assertThat(docs.deleteOne(Filters.and(Filters.eq("_id", "D-6"), Filters.eq("version", 1))).getDeletedCount())
                    .isEqualTo(1);
        } finally {
            server.shutdownNow();
        }
    }

    @Test
    void anUpdateReplacesTheStoredDocumentObjectInsteadOfChangingItUnderTheStoresWriter() {
        SnapshotRepliesBackend backend = SnapshotRepliesBackend.inMemory();
        MongoServer server = new MongoServer(backend);
        String uri = "mongodb://127.0.0.1:" + server.bind().getPort();
        try (MongoClient client = MongoClients.create(uri)) {
            MongoCollection<Document> docs = client.getDatabase("race").getCollection("docs");
            docs.insertOne(new Document("_id", "D-1").append("owner", "S-1").append("n", 0));
            MVMap<Object, de.bwaldvogel.mongo.bson.Document> stored = backend.getMvStore().openMap("databases.race.docs");
            de.bwaldvogel.mongo.bson.Document before = stored.get("D-1");

            docs.updateOne(Filters.eq("_id", "D-1"), Updates.inc("n", 1));

            // the object a background writer may be encoding right now was not touched
            assertThat(before.get("n")).isEqualTo(0);
            assertThat(stored.get("D-1").get("n")).isEqualTo(1);
        } finally {
            server.shutdownNow();
        }
    }

    @Test
    void aDocumentChangedWhileTheStoreEncodesItIsEncodedOnceItHoldsStill() throws Exception {
        de.bwaldvogel.mongo.bson.Document document = new de.bwaldvogel.mongo.bson.Document("_id", "D-1");
        for (int i = 0; i < 200; i++) {
            document.put("field" + i, "value-" + i);
        }
        java.util.concurrent.atomic.AtomicBoolean changing = new java.util.concurrent.atomic.AtomicBoolean(true);
        Thread mutator = new Thread(() -> {
            for (int i = 0; changing.get(); i++) {
                synchronized (document) {
                    document.put("extra" + (i % 3), i);
                    document.remove("extra" + ((i + 1) % 3));
                }
            }
        });
        mutator.start();
        try {
            for (int round = 0; round < 200; round++) {
                org.h2.mvstore.WriteBuffer buffer = new org.h2.mvstore.WriteBuffer();
                OrderedStore.DocumentType.INSTANCE.write(buffer, document); // would throw the CME that closes a store
                if (round == 150) {
                    changing.set(false);
                }
            }
        } finally {
            changing.set(false);
            mutator.join();
        }
        org.h2.mvstore.WriteBuffer buffer = new org.h2.mvstore.WriteBuffer();
        OrderedStore.DocumentType.INSTANCE.write(buffer, document);
        java.nio.ByteBuffer bytes = buffer.getBuffer();
        bytes.flip();
        assertThat(OrderedStore.DocumentType.INSTANCE.read(bytes)).isEqualTo(document);
    }
}
