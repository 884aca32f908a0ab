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

    private static MongoCollection<Document> collection(MongoClient client) {
        return client.getDatabase("originbridge").getCollection("declarations");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
