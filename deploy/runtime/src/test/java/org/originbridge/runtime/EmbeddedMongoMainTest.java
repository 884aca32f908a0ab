package org.originbridge.runtime;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class EmbeddedMongoMainTest {

    @TempDir
    Path dataDir;

    @Test
    void documentsWrittenBeforeACleanStopAreReadBackAfterARestart() throws IOException {
        Path file = dataDir.resolve("mongo/originbridge.mv");
        int port = freePort();

        // Given a running server with one document written through the real driver
        EmbeddedMongoMain first = EmbeddedMongoMain.start(file, "127.0.0.1", port);
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + port)) {
            collection(client).insertOne(new Document("_id", "DEC-1").append("status", "ACCEPTED").append("version", 3));
        }

        // When it is stopped cleanly and started again on the same file
        first.stop();
        EmbeddedMongoMain second = EmbeddedMongoMain.start(file, "127.0.0.1", port);
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + port)) {
            // Then the document is still there
            Document found = collection(client).find(Filters.eq("_id", "DEC-1")).first();
            assertThat(found).isNotNull();
            assertThat(found.getString("status")).isEqualTo("ACCEPTED");
            assertThat(found.getInteger("version")).isEqualTo(3);
            assertThat(client.getDatabase("admin").runCommand(new Document("ping", 1)).get("ok")).isIn(1, 1.0);
        } finally {
            second.stop();
        }
    }

    @Test
    void idsOfEveryKindAndUniqueIndexesStillFindTheirDocumentsAfterARestart() throws IOException {
        Path file = dataDir.resolve("mongo/originbridge.mv");
        int port = freePort();
        org.bson.types.ObjectId objectId = new org.bson.types.ObjectId();
        java.util.List<Object> ids = java.util.List.of("DEC-2", 7, 8L, objectId, new Document("k", "v").append("n", 1));

        EmbeddedMongoMain first = EmbeddedMongoMain.start(file, "127.0.0.1", port);
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + port)) {
            MongoCollection<Document> docs = collection(client);
            docs.createIndex(new Document("owner", 1).append("seq", 1), new com.mongodb.client.model.IndexOptions().unique(true));
            for (int i = 0; i < ids.size(); i++) {
                docs.insertOne(new Document("_id", ids.get(i)).append("owner", "O-" + (i % 2)).append("seq", i)
                        .append("goods", java.util.List.of(new Document("hs", "8471.50").append("qty", 2.5)))
                        .append("at", new java.util.Date(1_700_000_000_000L + i)));
            }
            for (int i = 0; i < 300; i++) { // enough keys for the B-trees to split into several pages
                docs.insertOne(new Document("_id", "FILL-" + i).append("owner", "F").append("seq", i));
            }
        }
        first.stop();

        EmbeddedMongoMain second = EmbeddedMongoMain.start(file, "127.0.0.1", port);
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + port)) {
            MongoCollection<Document> docs = collection(client);
            for (int i = 0; i < ids.size(); i++) {
                Document found = docs.find(Filters.eq("_id", ids.get(i))).first();
                assertThat(found).as("_id %s", ids.get(i)).isNotNull();
                assertThat(found.getInteger("seq")).isEqualTo(i);
                assertThat(found.getList("goods", Document.class).get(0).getDouble("qty")).isEqualTo(2.5);
                assertThat(found.getDate("at")).isEqualTo(new java.util.Date(1_700_000_000_000L + i));
                assertThat(docs.find(Filters.and(Filters.eq("owner", "O-" + (i % 2)), Filters.eq("seq", i))).first())
                        .isNotNull();
            }
            assertThat(docs.find(Filters.eq("_id", "FILL-299")).first()).isNotNull();
            assertThat(docs.countDocuments()).isEqualTo(305);
            // the unique indexes were read back, not just the documents
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> docs.insertOne(new Document("_id", "DEC-2")))
                    .isInstanceOf(com.mongodb.MongoWriteException.class).hasMessageContaining("duplicate key");
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> docs.insertOne(
                    new Document("_id", "OTHER").append("owner", "F").append("seq", 17)))
                    .isInstanceOf(com.mongodb.MongoWriteException.class).hasMessageContaining("duplicate key");
        } finally {
            second.stop();
        }
    }

    private static MongoCollection<Document> collection(MongoClient client) {
        return client.getDatabase("originbridge").getCollection("declarations");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
