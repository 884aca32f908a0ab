package org.originbridge.subscriptions.adapter.mongo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOptions;
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
 * <p>Cost per event (issue 11): the highest {@code seq} is found once by a sort over the collection, then kept as a
 * hint and confirmed by looking up {@code hint + 1}, {@code hint + 2}, ... in the unique {@code seq} index until one is
 * free (numbers are dense: n+1 exists only once n does), so another writer's numbers are still seen and a record
 * costs the same however long the log is (the MongoDB wire server of the local stack uses only unique indexes: a sort or
 * a query on any other field reads every event). The importer of each accepted declaration is kept by declaration id
 * in {@code subscription_importers} for the same reason ({@link #importerOf}).
 */
public class MongoEventLog implements EventLog {

    public static final String COLLECTION = "subscription_events";
    /** {@code _id} = declaration id, {@code importer} (null: accepted without one). */
    public static final String IMPORTERS = "subscription_importers";
    private static final int MAX_ATTEMPTS = 200;

    private final MongoCollection<Document> events;
    private final MongoCollection<Document> importers;
    /** A {@code seq} known to be recorded (-1: not read yet); the highest is found from it by index lookups. */
    private final AtomicLong knownSeq = new AtomicLong(-1);

    public MongoEventLog(MongoDatabase database) {
        this.events = database.getCollection(COLLECTION);
        this.importers = database.getCollection(IMPORTERS);
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
            if (fact.type() == EventType.DECLARATION_ACCEPTED) {
                // before the event: whoever sees the accepted event finds its importer by id
                importers.replaceOne(Filters.eq("_id", fact.key()), new Document("_id", fact.key())
                        .append("importer", fact.importer()), new ReplaceOptions().upsert(true));
            }
            long seq = lastSeq() + 1;
            Document doc = new Document("_id", id).append("seq", seq).append("type", fact.type().wireName())
                    .append("audience", fact.type().audience().name()).append("tenant", fact.tenant())
                    .append("key", fact.key()).append("importer", fact.importer())
                    .append("occurredAt", Date.from(fact.occurredAt())).append("recordedAt", new Date())
                    .append("payload", fact.payloadJson());
            try {
                events.insertOne(doc);
                knownSeq.accumulateAndGet(seq, Math::max);
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
        Document known = importers.find(Filters.eq("_id", declarationId)).first();
        if (known != null) {
            return Optional.ofNullable(known.getString("importer"));
        }
        // accepted before subscription_importers existed (or not seen yet): the events themselves
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
        long known = knownSeq.get();
        if (known < 0) {
            Document last = events.find().sort(Sorts.descending("seq")).limit(1).first();
            known = last == null ? 0 : last.get("seq", Number.class).longValue();
        }
        // numbers other writers recorded since: lookups in the unique seq index
        while (events.find(Filters.eq("seq", known + 1)).projection(Projections.include("_id")).first() != null) {
            known++;
        }
        return knownSeq.accumulateAndGet(known, Math::max);
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
