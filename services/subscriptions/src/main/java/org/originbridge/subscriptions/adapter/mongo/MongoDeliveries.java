package org.originbridge.subscriptions.adapter.mongo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.originbridge.subscriptions.domain.Deliveries;
import org.originbridge.subscriptions.domain.Delivery;

/**
 * {@code subscription_deliveries}: the per-subscription queues, one document per (subscription,
 * event[, replay]). A claim is a conditional {@code updateOne} (PENDING and lease absent or past),
 * so two dispatchers never hold the same delivery; a dispatcher that dies leaves a lease that
 * simply lapses. Every other transition is a single-document update by id.
 */
public class MongoDeliveries implements Deliveries {

    public static final String COLLECTION = "subscription_deliveries";

    private final MongoCollection<Document> deliveries;

    public MongoDeliveries(MongoDatabase database) {
        this.deliveries = database.getCollection(COLLECTION);
        deliveries.createIndex(Indexes.ascending("state", "due", "seq"));
        deliveries.createIndex(Indexes.ascending("sub", "key", "state", "seq"));
        deliveries.createIndex(Indexes.ascending("sub", "state", "lease"));
    }

    @Override
    public boolean enqueueIfAbsent(Delivery d) {
        try {
            deliveries.insertOne(new Document("_id", d.id()).append("sub", d.subscriptionId()).append("event", d.eventId())
                    .append("key", d.key()).append("seq", d.seq()).append("attempts", d.attempts())
                    .append("due", Date.from(d.due())).append("state", d.state().name()).append("lease", null)
                    .append("lastError", d.lastError()));
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public List<Delivery> due(Instant now, int limit) {
        return deliveries.find(Filters.and(pending(), Filters.lte("due", Date.from(now)), unleased(now)))
                .sort(Sorts.ascending("seq", "_id")).limit(limit).map(MongoDeliveries::toDelivery).into(new ArrayList<>());
    }

    @Override
    public boolean isHeadOfKey(Delivery d) {
        return deliveries.countDocuments(Filters.and(Filters.eq("sub", d.subscriptionId()), Filters.eq("key", d.key()),
                pending(), Filters.or(Filters.lt("seq", d.seq()),
                        Filters.and(Filters.eq("seq", d.seq()), Filters.lt("_id", d.id()))))) == 0;
    }

    @Override
    public boolean inFlight(String subscriptionId, Instant now) {
        return deliveries.countDocuments(Filters.and(Filters.eq("sub", subscriptionId), pending(),
                Filters.gt("lease", Date.from(now)))) > 0;
    }

    @Override
    public boolean claim(String id, Instant now, Instant leaseUntil) {
        return deliveries.updateOne(Filters.and(Filters.eq("_id", id), pending(), unleased(now)),
                Updates.set("lease", Date.from(leaseUntil))).getModifiedCount() == 1;
    }

    @Override
    public void delivered(String id, Instant at) {
        deliveries.updateOne(Filters.eq("_id", id), Updates.combine(Updates.set("state", Delivery.State.DELIVERED.name()),
                Updates.set("deliveredAt", Date.from(at)), Updates.set("lease", null), Updates.inc("attempts", 1)));
    }

    @Override
    public void retryAt(String id, int attempts, Instant due, String error) {
        deliveries.updateOne(Filters.eq("_id", id), Updates.combine(Updates.set("attempts", attempts),
                Updates.set("due", Date.from(due)), Updates.set("lastError", truncate(error)), Updates.set("lease", null)));
    }

    @Override
    public void dead(String id, int attempts, String error) {
        deliveries.updateOne(Filters.eq("_id", id), Updates.combine(Updates.set("state", Delivery.State.DEAD.name()),
                Updates.set("attempts", attempts), Updates.set("lastError", truncate(error)), Updates.set("lease", null)));
    }

    @Override
    public void discard(String id) {
        deliveries.deleteOne(Filters.eq("_id", id));
    }

    @Override
    public List<Delivery> deadLetters(String subscriptionId, int limit) {
        return deliveries.find(Filters.and(Filters.eq("sub", subscriptionId), Filters.eq("state", Delivery.State.DEAD.name())))
                .sort(Sorts.ascending("seq")).limit(limit).map(MongoDeliveries::toDelivery).into(new ArrayList<>());
    }

    @Override
    public long replayDead(String subscriptionId, Instant now) {
        return deliveries.updateMany(Filters.and(Filters.eq("sub", subscriptionId), Filters.eq("state", Delivery.State.DEAD.name())),
                Updates.combine(Updates.set("state", Delivery.State.PENDING.name()), Updates.set("attempts", 0),
                        Updates.set("due", Date.from(now)), Updates.set("lease", null))).getModifiedCount();
    }

    @Override
    public void deleteAllOf(String subscriptionId) {
        deliveries.deleteMany(Filters.eq("sub", subscriptionId));
    }

    private static Bson pending() {
        return Filters.eq("state", Delivery.State.PENDING.name());
    }

    private static Bson unleased(Instant now) {
        return Filters.or(Filters.eq("lease", null), Filters.lte("lease", Date.from(now)));
    }

    private static String truncate(String s) {
        return s == null || s.length() <= 500 ? s : s.substring(0, 500);
    }

    private static Delivery toDelivery(Document d) {
        return new Delivery(d.getString("_id"), d.getString("sub"), d.getString("event"), d.getString("key"),
                d.get("seq", Number.class).longValue(), d.get("attempts", Number.class).intValue(),
                d.getDate("due").toInstant(), Delivery.State.valueOf(d.getString("state")), d.getString("lastError"));
    }
}
