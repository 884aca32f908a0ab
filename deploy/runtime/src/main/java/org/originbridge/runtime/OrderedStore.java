package org.originbridge.runtime;

import de.bwaldvogel.mongo.backend.AbstractUniqueIndex;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

/**
 * The H2 maps of {@link SnapshotRepliesBackend}, with key and value types that do not go through Java serialization.
 *
 * <p>mongo-java-server 1.47 opens every map with H2's default {@link ObjectDataType}. An index key
 * ({@link KeyValue}) is not {@link Comparable}, so that type compares two keys by Java-serialising both: every step
 * of every B-tree search of every index lookup (a find by {@code _id} included) wrote two object streams. A profile of
 * the local stack under load (issue 11) spent a fifth of the server's worker CPU there, and another fifth
 * Java-serialising documents when the store commits pages. Here:
 * <ul>
 * <li>keys (document ids in the data maps, {@link KeyValue}s in the index maps) are ordered by MongoDB's own value
 *     order ({@link ValueComparator}, element by element), and stored as before;</li>
 * <li>documents are stored as BSON, the wire format, instead of Java object streams.</li>
 * </ul>
 * The order of keys in a map is part of its file format, so a store written by the plain H2 backend cannot be read
 * with these types: the local stack keeps its data in a file of its own name ({@code bin/originbridge}).
 */
final class OrderedStore {

    private OrderedStore() {}

    /**
     * mongo-java-server's H2 unique index, on a map opened with {@link KeyType}, that also serves a query with more
     * conditions than its keys. mongo-java-server uses an index only for a query on exactly its keys, so an update
     * guarded by a version ({@code {_id: X, version: 3}}), the platform's usual write, scanned the whole collection:
     * its cost grew with the collection (issue 11). Here such a query takes the positions for its conditions on the
     * index's keys, and the collection then matches each of those documents against the whole query, as it does for
     * an exact one.
     */
    static final class UniqueIndex extends AbstractUniqueIndex<Object> {

        private final MVMap<KeyValue, Object> map;

        UniqueIndex(MVMap<KeyValue, Object> map, String name, List<IndexKey> keys, boolean sparse) {
            super(name, keys, sparse);
            this.map = map;
        }

        @Override
        public synchronized boolean canHandle(Document query) {
            if (super.canHandle(query)) {
                return true;
            }
            Document onKeys = conditionsOnKeys(query);
            return onKeys != null && super.canHandle(onKeys);
        }

        @Override
        public synchronized Iterable<Object> getPositions(Document query) {
            return super.canHandle(query) ? super.getPositions(query) : super.getPositions(conditionsOnKeys(query));
        }

        /**
         * The query's conditions on this index's keys alone (at its top level or in a top-level {@code $and}), when
         * it has exactly one for each key; else null.
         */
        private Document conditionsOnKeys(Document query) {
            Document onKeys = new Document();
            return collect(query, keySet(), onKeys) && onKeys.keySet().equals(keySet()) ? onKeys : null;
        }

        private static boolean collect(Document query, java.util.Set<String> keys, Document onKeys) {
            for (Map.Entry<String, Object> condition : query.entrySet()) {
                String field = condition.getKey();
                if (field.equals("$and") && condition.getValue() instanceof List<?> parts) {
                    for (Object part : parts) {
                        if (!(part instanceof Document d) || !collect(d, keys, onKeys)) {
                            return false;
                        }
                    }
                } else if (keys.contains(field)) {
                    if (onKeys.containsKey(field)) {
                        return false; // two conditions on one key: left to the collection
                    }
                    onKeys.put(field, condition.getValue());
                }
            }
            return true;
        }

        @Override
        protected Object removeDocument(KeyValue key) {
            return map.remove(key);
        }

        @Override
        protected boolean putKeyPosition(KeyValue key, Object position) {
            return map.putIfAbsent(key, Missing.ofNullable(position)) == null;
        }

        @Override
        protected Iterable<Map.Entry<KeyValue, Object>> getIterable() {
            return map.entrySet();
        }

        @Override
        protected Object getPosition(KeyValue key) {
            return map.get(key);
        }

        @Override
        public long getCount() {
            return map.sizeAsLong();
        }

        @Override
        public boolean isEmpty() {
            return map.isEmpty();
        }

        @Override
        public long getDataSize() {
            return getCount();
        }
    }

    /** Keys in MongoDB's value order; a {@link KeyValue} element by element, then the shorter first. */
    static final class KeyType extends BasicDataType<Object> {

        static final KeyType INSTANCE = new KeyType();
        private static final ObjectDataType STORED = new ObjectDataType();
        private static final ValueComparator ORDER = ValueComparator.asc();

        @Override
        public int compare(Object a, Object b) {
            if (a instanceof KeyValue x && b instanceof KeyValue y) {
                int n = Math.min(x.size(), y.size());
                for (int i = 0; i < n; i++) {
                    int c = ORDER.compare(x.get(i), y.get(i));
                    if (c != 0) {
                        return c;
                    }
                }
                return Integer.compare(x.size(), y.size());
            }
            return ORDER.compare(a, b);
        }

        @Override
        public int getMemory(Object key) {
            return STORED.getMemory(key);
        }

        @Override
        public void write(WriteBuffer buffer, Object key) {
            STORED.write(buffer, key);
        }

        @Override
        public Object read(ByteBuffer buffer) {
            return STORED.read(buffer);
        }

        @Override
        public Object[] createStorage(int size) {
            return new Object[size];
        }
    }

    /** Documents stored as BSON: a length, then the bytes mongo-java-server's own encoder writes. */
    static final class DocumentType extends BasicDataType<Document> {

        static final DocumentType INSTANCE = new DocumentType();

        @Override
        public int getMemory(Document document) {
            return 64 + 48 * document.size();
        }

        /**
         * Encodes on the store's background writer, while a command may be changing the same object (a document a
         * scan matched is updated in place): a {@link java.util.ConcurrentModificationException} there would close
         * the store, so the encoding is retried until it completes; the changed document is put back and written
         * again at the next commit anyway.
         */
        @Override
        public void write(WriteBuffer buffer, Document document) {
            long giveUpAt = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
            while (true) {
                ByteBuf bson = Unpooled.buffer();
                try {
                    BsonEncoder.encodeDocument(document, bson);
                    int length = bson.readableBytes();
                    buffer.putVarInt(length);
                    buffer.put(bson.nioBuffer(bson.readerIndex(), length));
                    return;
                } catch (java.util.ConcurrentModificationException changing) {
                    if (System.nanoTime() > giveUpAt) {
                        throw changing;
                    }
                    java.util.concurrent.locks.LockSupport.parkNanos(200_000);
                } finally {
                    bson.release();
                }
            }
        }

        @Override
        public Document read(ByteBuffer buffer) {
            int length = org.h2.mvstore.DataUtils.readVarInt(buffer);
            ByteBuf bson = Unpooled.wrappedBuffer(buffer.slice(buffer.position(), length));
            buffer.position(buffer.position() + length);
            return BsonDecoder.decodeBson(bson);
        }

        @Override
        public Document[] createStorage(int size) {
            return new Document[size];
        }
    }
}
