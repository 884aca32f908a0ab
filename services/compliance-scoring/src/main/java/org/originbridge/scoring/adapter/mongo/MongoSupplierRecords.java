package org.originbridge.scoring.adapter.mongo;

import static org.originbridge.scoring.adapter.mongo.EvidenceDocuments.date;
import static org.originbridge.scoring.adapter.mongo.EvidenceDocuments.instant;
import static org.originbridge.scoring.adapter.mongo.EvidenceDocuments.number;

import java.util.ArrayList;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.originbridge.scoring.domain.SupplierRecord;
import org.originbridge.scoring.domain.SupplierRecords;

/**
 * One bounded document per supplier in {@code scoring_suppliers}: {@code _id} = supplier id, a
 * {@code revision} guarding every write (insert for the first, one {@code updateOne} filtered on
 * the expected revision after that), the counters ({@code tally}), {@code asOf}, the latest score,
 * the emitted version (which only {@link #markEmitted} changes, so a concurrent write never moves
 * it back) and, in {@code applied.s<revision mod 128>}, the change token of each of the last 128
 * revisions: an update sets one slot, so the document never grows.
 */
public class MongoSupplierRecords implements SupplierRecords {

    public static final String COLLECTION = "scoring_suppliers";

    private final MongoCollection<Document> suppliers;

    public MongoSupplierRecords(MongoDatabase database) {
        this.suppliers = database.getCollection(COLLECTION);
    }

    @Override
    public Optional<SupplierRecord> find(String supplierId) {
        return Optional.ofNullable(suppliers.find(Filters.eq("_id", supplierId)).first()).map(MongoSupplierRecords::toRecord);
    }

    @Override
    public boolean save(SupplierRecord next, long expectedRevision) {
        String token = next.applied().get(next.revision());
        if (expectedRevision == 0) {
            try {
                Document applied = new Document();
                if (token != null) {
                    applied.append(slot(next.revision()), slotValue(next.revision(), token));
                }
                suppliers.insertOne(new Document("_id", next.supplierId())
                        .append("revision", next.revision())
                        .append("recountedAt", next.recountedAt())
                        .append("emittedVersion", next.emittedVersion())
                        .append("tally", EvidenceDocuments.tally(next.tally()))
                        .append("asOf", date(next.asOf()))
                        .append("latest", EvidenceDocuments.score(next.latest()))
                        .append("applied", applied));
                return true;
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                    return false; // created concurrently: stale
                }
                throw e;
            }
        }
        var changes = new ArrayList<Bson>();
        changes.add(Updates.set("revision", next.revision()));
        changes.add(Updates.set("recountedAt", next.recountedAt()));
        changes.add(Updates.set("tally", EvidenceDocuments.tally(next.tally())));
        changes.add(Updates.set("asOf", date(next.asOf())));
        changes.add(Updates.set("latest", EvidenceDocuments.score(next.latest())));
        if (next.recountedAt() == next.revision()) {
            changes.add(Updates.set("applied", new Document())); // a recount: no change token is meaningful before it
        } else if (token != null) {
            changes.add(Updates.set("applied." + slot(next.revision()), slotValue(next.revision(), token)));
        }
        return suppliers.updateOne(
                Filters.and(Filters.eq("_id", next.supplierId()), Filters.eq("revision", expectedRevision)),
                Updates.combine(changes)).getMatchedCount() == 1;
    }

    @Override
    public void markEmitted(String supplierId, long version) {
        suppliers.updateOne(Filters.and(Filters.eq("_id", supplierId), Filters.lt("emittedVersion", version)),
                Updates.set("emittedVersion", version));
    }

    private static String slot(long revision) {
        return "s" + Math.floorMod(revision, SupplierRecord.APPLIED_KEPT);
    }

    private static Document slotValue(long revision, String token) {
        return new Document("revision", revision).append("token", token);
    }

    private static SupplierRecord toRecord(Document d) {
        Map<Long, String> applied = new TreeMap<>();
        Document slots = d.get("applied", Document.class);
        if (slots != null) {
            slots.values().forEach(v -> {
                Document slot = (Document) v;
                applied.put(number(slot, "revision"), slot.getString("token"));
            });
        }
        return new SupplierRecord(d.getString("_id"), number(d, "revision"),
                EvidenceDocuments.tally(d.get("tally", Document.class)), instant(d.getDate("asOf")),
                EvidenceDocuments.score(d.get("latest", Document.class)), number(d, "emittedVersion"), applied,
                number(d, "recountedAt"));
    }
}
