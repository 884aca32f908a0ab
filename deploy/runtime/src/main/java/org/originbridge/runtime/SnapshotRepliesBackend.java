package org.originbridge.runtime;

import de.bwaldvogel.mongo.ServerVersion;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import org.h2.mvstore.MVStore;

/**
 * mongo-java-server's H2 backend, with every command's reply copied before it leaves the backend: the MongoDB wire
 * server of the local stack ({@link EmbeddedMongoMain}) and of the tests ({@code EmbeddedMongo}).
 *
 * <p>Why: mongo-java-server 1.47 answers a {@code findAndModify} (and a {@code find}) with the stored document object
 * itself, and the wire encoder serialises it on a Netty thread after the collection's lock is released. A concurrent
 * update of the same document changes that object in place meanwhile; the encoder fails with a
 * {@code ConcurrentModificationException} and the server closes the connection, so the driver sees "Prematurely
 * reached end of stream" and clears its pool. Two consumers upserting the same declaration met it
 * ({@code MongoPendingVerificationsTest}). Here each command runs, and its reply is deep-copied, under one lock, so no
 * update can run while a reply is copied and the encoder only ever sees a private copy. The lock makes the embedded
 * server execute one command at a time (commands are in-memory and short; encoding and I/O stay parallel); a real
 * MongoDB has none of this.
 */
public final class SnapshotRepliesBackend extends H2Backend {

    private final Object commands = new Object();

    private SnapshotRepliesBackend(MVStore store) {
        super(store);
        // MongoDB driver 5.x refuses wire versions older than 4.2; version() does not chain.
        version(ServerVersion.MONGO_5_0);
    }

    /** Data in one MVStore file, committed in the background and on {@link #close()}. */
    public static SnapshotRepliesBackend onFile(String file) {
        return new SnapshotRepliesBackend(MVStore.open(file));
    }

    /** Data in memory only (the tests). */
    public static SnapshotRepliesBackend inMemory() {
        return new SnapshotRepliesBackend(MVStore.open(null));
    }

    @Override
    public Document handleCommand(Channel channel, String database, String command, Document query) {
        synchronized (commands) {
            Document reply = super.handleCommand(channel, database, command, query);
            return reply == null ? null : reply.cloneDeeply();
        }
    }
}
