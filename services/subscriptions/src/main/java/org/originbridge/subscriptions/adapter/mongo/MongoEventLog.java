package org.originbridge.subscriptions.adapter.mongo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.originbridge.subscriptions.domain.EventLog;
import org.originbridge.subscriptions.domain.EventType;
import org.originbridge.subscriptions.domain.Fact;
import org.originbridge.subscriptions.domain.StoredEvent;
import org.originbridge.subscriptions.domain.Viewer;

/**
 * {@code subscription_events}: one document per event, {@code _id} = the event id (so recording is
 * insert-if-absent: a duplicate key means "already recorded" and changes nothing), the fact's fields
 * and its JSON payload as a string (delivered byte for byte).
 * <p>{@code seq} (unique) is <b>insert-then-expose</b>: a writer takes the highest recorded
 * {@code seq} + 1 and inserts; if another writer inserted that number first, the unique index refuses
 * it and the writer takes the next one. So number n+1 exists only once n was inserted (a number is
 * never handed out before its event is in the log), and readers never see a later number before an
 * earlier one. A reader ({@link #after}) first reads the highest {@code seq} M and then only events
 * {@code <= M}: every one of them was inserted before M, so a stream or history that resumes after
 * its last seen number misses nothing, however many instances record at once (the race of the former
 * counter document, where a number was taken before the insert, is gone; {@code MongoEventLogTest}
 * checks it with two writers and a reader). {@link #visibleTo} is the query form of {@link Viewer#sees}.
 */
public class MongoEventLog implements EventLog {

    public static final String COLLECTION = "subscription_events";
    private static final int MAX_ATTEMPTS = 200;

    private final MongoCollection<Document> events;

    public MongoEventLog(MongoDatabase database) {
        this.events = database.getCollection(COLLECTION);
        events.createIndex(Indexes.ascending("seq"), new IndexOptions().unique(true));
        events.createIndex(Indexes.ascending("key", "seq"));
        events.createIndex(Indexes.ascending("recordedAt"));
    }

    @Override
    public StoredEvent recordIfAbsent(Fact fact) {
        String id = StoredEvent.idOf(fact.naturalId());
        for (int attempt = 1; ; attempt++) {
            Document existing = events.find(Filters.eq("_id", id)).first();
            if (existing != null) {
                return toEvent(existing); // already recorded (a redelivery or a concurrent record)
            }
            long seq = lastSeq() + 1;
            Document doc = new Document("_id", id).append("seq", seq).append("type", fact.type().wireName())
                    .append("audience", fact.type().audience().name()).append("tenant", fact.tenant())
                    .append("key", fact.key()).append("importer", fact.importer())
                    .append("occurredAt", Date.from(fact.occurredAt())).append("recordedAt", new Date())
                    .append("payload", fact.payloadJson());
            try {
                events.insertOne(doc);
                return toEvent(doc);
            } catch (MongoWriteException e) {
                // a duplicate _id: recorded concurrently (found on the next pass); a duplicate seq: another
                // writer inserted that number first: take the next one
                if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY || attempt >= MAX_ATTEMPTS) {
                    throw e;
                }
                if (attempt > 3) {
                    LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(1_000_000L * Math.min(attempt, 20)));
                }
            }
        }
    }

    @Override
    public Optional<String> importerOf(String declarationId) {
        Document d = events.find(Filters.and(Filters.eq("key", declarationId),
                Filters.eq("type", EventType.DECLARATION_ACCEPTED.wireName()), Filters.ne("importer", null))).first();
        return Optional.ofNullable(d).map(x -> x.getString("importer"));
    }

    @Override
    public List<StoredEvent> after(Viewer viewer, long afterSeq, String key, Set<EventType> types, int limit) {
        Optional<Bson> visible = visibleTo(viewer);
        if (visible.isEmpty()) {
            return List.of();
        }
        long upTo = lastSeq(); // first the highest number: everything up to it is in the log (see the class comment)
        if (upTo <= afterSeq) {
            return List.of();
        }
        List<Bson> and = new ArrayList<>(List.of(Filters.gt("seq", afterSeq), Filters.lte("seq", upTo), visible.get()));
        if (key != null) {
            and.add(Filters.eq("key", key));
        }
        if (types != null && !types.isEmpty()) {
            and.add(Filters.in("type", types.stream().map(EventType::wireName).toList()));
        }
        return events.find(Filters.and(and)).sort(Sorts.ascending("seq")).limit(limit)
                .map(MongoEventLog::toEvent).into(new ArrayList<>());
    }

    @Override
    public List<StoredEvent> since(Instant since, Set<EventType> types, int limit) {
        return events.find(Filters.and(Filters.gte("recordedAt", Date.from(since)),
                        Filters.in("type", types.stream().map(EventType::wireName).toList())))
                .sort(Sorts.ascending("seq")).limit(limit).map(MongoEventLog::toEvent).into(new ArrayList<>());
    }

    @Override
    public Optional<StoredEvent> byId(String id) {
        return Optional.ofNullable(events.find(Filters.eq("_id", id)).first()).map(MongoEventLog::toEvent);
    }

    @Override
    public long lastSeq() {
        Document last = events.find().sort(Sorts.descending("seq")).limit(1).first();
        return last == null ? 0 : last.get("seq", Number.class).longValue();
    }

    /** The events a viewer sees, as a filter; empty when it sees none. */
    static Optional<Bson> visibleTo(Viewer viewer) {
        if (viewer.all()) {
            return Optional.of(Filters.empty());
        }
        List<Bson> or = new ArrayList<>();
        if (!viewer.tenants().isEmpty()) {
            or.add(Filters.in("tenant", viewer.tenants()));
        }
        if (viewer.importerId() != null) {
            or.add(Filters.and(Filters.eq("audience", EventType.Audience.ECO.name()), Filters.eq("importer", viewer.importerId())));
        }
        if (viewer.scores()) {
            or.add(Filters.eq("audience", EventType.Audience.SCORE.name()));
        }
        return or.isEmpty() ? Optional.empty() : Optional.of(or.size() == 1 ? or.get(0) : Filters.or(or));
    }

    private static StoredEvent toEvent(Document d) {
        EventType type = EventType.fromWireName(d.getString("type")).orElseThrow();
        return new StoredEvent(d.getString("_id"), d.get("seq", Number.class).longValue(), type, d.getString("tenant"),
                d.getString("key"), d.getString("importer"), d.getDate("occurredAt").toInstant(),
                d.getDate("recordedAt").toInstant(), d.getString("payload"));
    }
}
