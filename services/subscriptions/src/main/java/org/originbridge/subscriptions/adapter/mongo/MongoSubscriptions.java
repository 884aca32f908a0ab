package org.originbridge.subscriptions.adapter.mongo;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.Binary;
import org.originbridge.subscriptions.adapter.crypto.SecretKeyRing;
import org.originbridge.subscriptions.domain.EventType;
import org.originbridge.subscriptions.domain.Subscription;
import org.originbridge.subscriptions.domain.Subscriptions;
import org.originbridge.subscriptions.domain.Viewer;

/**
 * {@code subscriptions}: one document per subscription, with its owner's viewer snapshot and its
 * secrets, encrypted ({@link SecretKeyRing}: AES-256-GCM): {@code secret} and, during a rotation's
 * grace period, {@code previousSecret} (+ {@code previousSecretUntil}) are each
 * {@code {kid, nonce, ciphertext}}, the associated data being the subscription id and the field name.
 * {@code secretHash} (SHA-256 of the current secret: the secret is 256 random bits, so the hash
 * reveals nothing) is the compare-and-set guard of a rotation. The plaintext is never stored.
 * Documents written before encryption (a {@code secret} string) are read and encrypted by {@link #rewrap}.
 */
public class MongoSubscriptions implements Subscriptions {

    public static final String COLLECTION = "subscriptions";
    private static final String SECRET = "secret";
    private static final String PREVIOUS = "previousSecret";

    private final MongoCollection<Document> subscriptions;
    private final SecretKeyRing keys;

    public MongoSubscriptions(MongoDatabase database, SecretKeyRing keys) {
        this.subscriptions = database.getCollection(COLLECTION);
        this.keys = keys;
        subscriptions.createIndex(Indexes.ascending("clientId"));
        subscriptions.createIndex(Indexes.ascending("types"));
    }

    @Override
    public void save(Subscription s) {
        Viewer v = s.viewer();
        Document d = new Document("_id", s.id()).append("clientId", s.clientId())
                .append("all", v.all()).append("tenants", new ArrayList<>(v.tenants()))
                .append("importer", v.importerId()).append("scores", v.scores())
                .append("url", s.url().toString())
                .append("types", s.types().stream().map(EventType::wireName).sorted().toList())
                .append("createdAt", Date.from(s.createdAt()));
        secretFields(s).forEach(d::append);
        subscriptions.insertOne(d);
    }

    @Override
    public Optional<Subscription> byId(String id) {
        return Optional.ofNullable(subscriptions.find(Filters.eq("_id", id)).first()).map(this::toSubscription);
    }

    @Override
    public List<Subscription> ownedBy(String clientId) {
        return subscriptions.find(Filters.eq("clientId", clientId)).sort(Sorts.ascending("createdAt"))
                .map(this::toSubscription).into(new ArrayList<>());
    }

    @Override
    public List<Subscription> listening(EventType type) {
        return subscriptions.find(Filters.eq("types", type.wireName())).map(this::toSubscription).into(new ArrayList<>());
    }

    @Override
    public boolean delete(String id) {
        return subscriptions.deleteOne(Filters.eq("_id", id)).getDeletedCount() == 1;
    }

    @Override
    public long countOwnedBy(String clientId) {
        return subscriptions.countDocuments(Filters.eq("clientId", clientId));
    }

    @Override
    public boolean replaceSecrets(Subscription before, Subscription rotated) {
        return subscriptions.updateOne(Filters.and(Filters.eq("_id", before.id()), Filters.eq("secretHash", hash(before.secret()))),
                secretUpdate(rotated)).getModifiedCount() == 1;
    }

    /**
     * Re-encrypts every stored secret not under the current key (after a master key rotation) and
     * encrypts the plaintext secrets of documents written before encryption existed. Idempotent; each
     * document is updated only if its secrets are still what was read. Returns how many were rewritten.
     */
    public int rewrap() {
        int rewritten = 0;
        for (Document d : subscriptions.find().into(new ArrayList<>())) {
            if (!needsRewrap(d)) {
                continue;
            }
            Subscription s = toSubscription(d);
            // unchanged since read: the same current secret (its hash, or the legacy plaintext)
            Bson unchanged = Filters.and(Filters.eq("_id", d.get("_id")), d.getString("secretHash") != null
                    ? Filters.eq("secretHash", d.getString("secretHash")) : Filters.eq(SECRET, d.get(SECRET)));
            if (subscriptions.updateOne(unchanged, secretUpdate(s)).getModifiedCount() == 1) {
                rewritten++;
            }
        }
        return rewritten;
    }

    private boolean needsRewrap(Document d) {
        for (String field : List.of(SECRET, PREVIOUS)) {
            Object value = d.get(field);
            if (value instanceof String || value instanceof Document sealed && !keys.currentKeyId().equals(sealed.getString("kid"))) {
                return true;
            }
        }
        return d.getString("secretHash") == null;
    }

    private Document secretFields(Subscription s) {
        Document fields = new Document(SECRET, seal(s.id(), SECRET, s.secret())).append("secretHash", hash(s.secret()));
        if (s.previousSecret() != null) {
            fields.append(PREVIOUS, seal(s.id(), PREVIOUS, s.previousSecret()))
                    .append("previousSecretUntil", Date.from(s.previousSecretUntil()));
        }
        return fields;
    }

    private Bson secretUpdate(Subscription s) {
        List<Bson> updates = new ArrayList<>();
        secretFields(s).forEach((k, v) -> updates.add(Updates.set(k, v)));
        if (s.previousSecret() == null) {
            updates.add(Updates.unset(PREVIOUS));
            updates.add(Updates.unset("previousSecretUntil"));
        }
        return Updates.combine(updates);
    }

    private Document seal(String id, String field, String secret) {
        SecretKeyRing.Sealed sealed = keys.seal(secret, context(id, field));
        return new Document("kid", sealed.keyId()).append("nonce", new Binary(sealed.nonce()))
                .append("ciphertext", new Binary(sealed.ciphertext()));
    }

    private String open(Document d, String id, String field) {
        Object value = d.get(field);
        if (value == null) {
            return null;
        }
        if (value instanceof String legacy) {
            return legacy; // written before encryption; rewrap() encrypts it at start-up
        }
        Document sealed = (Document) value;
        return keys.open(new SecretKeyRing.Sealed(sealed.getString("kid"), sealed.get("nonce", Binary.class).getData(),
                sealed.get("ciphertext", Binary.class).getData()), context(id, field));
    }

    private static String context(String id, String field) {
        return "subscriptions/" + id + "/" + field;
    }

    static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private Subscription toSubscription(Document d) {
        Set<EventType> types = new LinkedHashSet<>();
        for (String t : d.getList("types", String.class)) {
            EventType.fromWireName(t).ifPresent(types::add);
        }
        String id = d.getString("_id");
        Viewer viewer = new Viewer(d.getBoolean("all", false), Set.copyOf(d.getList("tenants", String.class)),
                d.getString("importer"), d.getBoolean("scores", false));
        String previous = open(d, id, PREVIOUS);
        Date until = d.getDate("previousSecretUntil");
        return new Subscription(id, d.getString("clientId"), viewer, URI.create(d.getString("url")), types,
                open(d, id, SECRET), previous, previous == null ? null : until.toInstant(), d.getDate("createdAt").toInstant());
    }
}
