package org.originbridge.subscriptions.adapter.mongo;

import java.net.URI;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.originbridge.subscriptions.domain.EventType;
import org.originbridge.subscriptions.domain.Subscription;
import org.originbridge.subscriptions.domain.Subscriptions;
import org.originbridge.subscriptions.domain.Viewer;

/**
 * {@code subscriptions}: one document per subscription, with its owner's viewer snapshot and its
 * secret (needed to sign every attempt; kept in the database, never returned after creation).
 */
public class MongoSubscriptions implements Subscriptions {

    public static final String COLLECTION = "subscriptions";

    private final MongoCollection<Document> subscriptions;

    public MongoSubscriptions(MongoDatabase database) {
        this.subscriptions = database.getCollection(COLLECTION);
        subscriptions.createIndex(Indexes.ascending("clientId"));
        subscriptions.createIndex(Indexes.ascending("types"));
    }

    @Override
    public void save(Subscription s) {
        Viewer v = s.viewer();
        subscriptions.insertOne(new Document("_id", s.id()).append("clientId", s.clientId())
                .append("all", v.all()).append("tenants", new ArrayList<>(v.tenants()))
                .append("importer", v.importerId()).append("scores", v.scores())
                .append("url", s.url().toString())
                .append("types", s.types().stream().map(EventType::wireName).sorted().toList())
                .append("secret", s.secret()).append("createdAt", Date.from(s.createdAt())));
    }

    @Override
    public Optional<Subscription> byId(String id) {
        return Optional.ofNullable(subscriptions.find(Filters.eq("_id", id)).first()).map(MongoSubscriptions::toSubscription);
    }

    @Override
    public List<Subscription> ownedBy(String clientId) {
        return subscriptions.find(Filters.eq("clientId", clientId)).sort(Sorts.ascending("createdAt"))
                .map(MongoSubscriptions::toSubscription).into(new ArrayList<>());
    }

    @Override
    public List<Subscription> listening(EventType type) {
        return subscriptions.find(Filters.eq("types", type.wireName())).map(MongoSubscriptions::toSubscription)
                .into(new ArrayList<>());
    }

    @Override
    public boolean delete(String id) {
        return subscriptions.deleteOne(Filters.eq("_id", id)).getDeletedCount() == 1;
    }

    @Override
    public long countOwnedBy(String clientId) {
        return subscriptions.countDocuments(Filters.eq("clientId", clientId));
    }

    private static Subscription toSubscription(Document d) {
        Set<EventType> types = new LinkedHashSet<>();
        for (String t : d.getList("types", String.class)) {
            EventType.fromWireName(t).ifPresent(types::add);
        }
        Viewer viewer = new Viewer(d.getBoolean("all", false), Set.copyOf(d.getList("tenants", String.class)),
                d.getString("importer"), d.getBoolean("scores", false));
        return new Subscription(d.getString("_id"), d.getString("clientId"), viewer, URI.create(d.getString("url")),
                types, d.getString("secret"), d.getDate("createdAt").toInstant());
    }
}
