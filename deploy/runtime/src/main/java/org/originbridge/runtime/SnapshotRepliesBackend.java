package org.originbridge.runtime;

import de.bwaldvogel.mongo.ServerVersion;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
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
 * ({@code MongoPendingVerificationsTest}). Here each command runs, and its reply is deep-copied, under its
 * collection's lock, so no update of that collection can run while a reply is copied and the encoder only ever sees a
 * private copy. Commands on different collections run in parallel; a command that is not about one collection (an
 * aggregation, which may read others with {@code $lookup}, or an administrative command) runs alone. A real MongoDB
 * has none of this.
 *
 * <p>{@link #profile()}, once started, counts each command's time by collection, command and filter shape (field
 * names, no values): the local stack prints it ({@link EmbeddedMongoMain}, {@code MONGODB_PROFILE_SECONDS}) to find
 * what scans.
 */
public final class SnapshotRepliesBackend extends H2Backend {

    /** The commands about exactly one collection, named by the command's value ({@code getMore}: by "collection"). */
    private static final Set<String> ONE_COLLECTION = Set.of("find", "insert", "update", "delete", "findAndModify",
            "findandmodify", "count", "distinct", "getMore", "createIndexes", "listIndexes", "drop");

    private final ReadWriteLock allCollections = new ReentrantReadWriteLock();
    private final Map<String, Lock> collections = new ConcurrentHashMap<>();
    private final CommandProfile profile = new CommandProfile();

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

    /** Collections and indexes on maps whose keys and documents are not Java-serialised ({@link OrderedStore}). */
    @Override
    protected de.bwaldvogel.mongo.MongoDatabase openOrCreateDatabase(String databaseName) {
        return new Database(databaseName);
    }

    /**
     * A database whose collections and unique indexes use {@link OrderedStore}'s types. An inner class: the base
     * constructor already opens a collection (the namespaces), before a field of this class could be set.
     */
    private final class Database extends de.bwaldvogel.mongo.backend.h2.H2Database {

        Database(String name) {
            super(name, getMvStore(), getCursorRegistry());
        }

        @Override
        protected de.bwaldvogel.mongo.MongoCollection<Object> openOrCreateCollection(String collectionName,
                de.bwaldvogel.mongo.backend.CollectionOptions options) {
            String namespace = getFullCollectionNamespace(collectionName);
            org.h2.mvstore.MVMap<Object, Document> data = getMvStore().openMap("databases." + namespace,
                    new org.h2.mvstore.MVMap.Builder<Object, Document>().keyType(OrderedStore.KeyType.INSTANCE)
                            .valueType(OrderedStore.DocumentType.INSTANCE));
            org.h2.mvstore.MVMap<String, Object> meta = getMvStore().openMap("meta." + namespace);
            return new de.bwaldvogel.mongo.backend.h2.H2Collection(this, collectionName, options, data, meta,
                    getCursorRegistry()) {
                /**
                 * A copy: mongo-java-server updates the document it read in place before putting it back, and the
                 * store's background writer may be encoding that very object (a ConcurrentModificationException
                 * there closes the store for good). With a copy, a stored document is replaced, never changed.
                 */
                @Override
                protected Document getDocument(Object position) {
                    Document stored = super.getDocument(position);
                    return stored == null ? null : stored.cloneDeeply();
                }
            };
        }

        @Override
        protected de.bwaldvogel.mongo.backend.Index<Object> openOrCreateUniqueIndex(String collectionName,
                String indexName, List<de.bwaldvogel.mongo.backend.IndexKey> keys, boolean sparse) {
            org.h2.mvstore.MVMap<de.bwaldvogel.mongo.backend.KeyValue, Object> map = getMvStore().openMap(
                    getFullCollectionNamespace(collectionName) + "._index_" + indexName,
                    new org.h2.mvstore.MVMap.Builder<de.bwaldvogel.mongo.backend.KeyValue, Object>()
                            .keyType(OrderedStore.KeyType.INSTANCE));
            return new OrderedStore.UniqueIndex(map, indexName, keys, sparse);
        }
    }

    /** The time spent per collection, command and filter shape since the server started. */
    public CommandProfile profile() {
        return profile;
    }

    @Override
    public Document handleCommand(Channel channel, String database, String command, Document query) {
        String collection = collectionOf(command, query);
        boolean timed = profile.recording();
        long started = timed ? System.nanoTime() : 0;
        Lock shared = collection == null ? allCollections.writeLock() : allCollections.readLock();
        shared.lock();
        try {
            Lock own = collection == null ? null : collections.computeIfAbsent(database + "." + collection,
                    name -> new ReentrantLock());
            if (own != null) {
                own.lock();
            }
            try {
                Document reply = super.handleCommand(channel, database, command, query);
                return reply == null ? null : reply.cloneDeeply();
            } finally {
                if (own != null) {
                    own.unlock();
                }
            }
        } finally {
            shared.unlock();
            if (timed) {
                profile.record(database, collection, command, query, System.nanoTime() - started);
            }
        }
    }

    /** The one collection a command reads or writes, or null when it is not about exactly one. */
    static String collectionOf(String command, Document query) {
        if (!ONE_COLLECTION.contains(command)) {
            return null;
        }
        Object name = "getMore".equals(command) ? query.get("collection") : query.get(command);
        return name instanceof String s ? s : null;
    }
}
