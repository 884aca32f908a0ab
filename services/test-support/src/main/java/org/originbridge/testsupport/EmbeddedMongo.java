package org.originbridge.testsupport;

import java.net.InetSocketAddress;
import java.util.UUID;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;

import de.bwaldvogel.mongo.MongoServer;
import org.originbridge.runtime.SnapshotRepliesBackend;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A MongoDB wire-protocol server (mongo-java-server, speaking as MongoDB 5.0) on a free loopback port, one per JVM,
 * with the backend the local stack runs ({@link SnapshotRepliesBackend}), here in memory. Production points
 * MONGODB_URI at a real MongoDB instead.
 */
public final class EmbeddedMongo {

    private static MongoServer server;
    private static String connectionString;
    private static MongoClient client;

    private EmbeddedMongo() {
    }

    public static synchronized String connectionString() {
        if (server == null) {
            server = new MongoServer(SnapshotRepliesBackend.inMemory());
            InetSocketAddress address = server.bind();
            connectionString = "mongodb://127.0.0.1:" + address.getPort();
            Runtime.getRuntime().addShutdownHook(new Thread(server::shutdownNow, "embedded-mongo-stop"));
        }
        return connectionString;
    }

    /**
     * A database of its own for one test ({@code <prefix>-<random>}), on one driver client per JVM (closed when the JVM
     * ends): the setup every direct test of a Mongo adapter (its guards, leases, mapping) needs, written once.
     */
    public static synchronized MongoDatabase freshDatabase(String prefix) {
        if (client == null) {
            client = MongoClients.create(connectionString());
            MongoClient opened = client;
            Runtime.getRuntime().addShutdownHook(new Thread(opened::close, "embedded-mongo-client-close"));
        }
        return client.getDatabase(prefix + "-" + UUID.randomUUID());
    }

    /** Points spring.mongodb.uri at the server, with a database of the caller's choice. */
    public static void registerProperties(DynamicPropertyRegistry properties, String database) {
        properties.add("spring.mongodb.uri", () -> connectionString() + "/" + database);
    }
}
