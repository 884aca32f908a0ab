package org.originbridge.scoring.adapter.mongo;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.originbridge.scoring.domain.AswOutcome;
import org.originbridge.scoring.domain.ConsignmentEvidence;
import org.originbridge.scoring.domain.IntakeOutcome;
import org.originbridge.scoring.domain.IssuanceOutcome;
import org.originbridge.scoring.domain.NodeEvent;
import org.originbridge.scoring.domain.ScoreBand;
import org.originbridge.scoring.domain.ScoreFactor;
import org.originbridge.scoring.domain.SupplierEvidence;
import org.originbridge.scoring.domain.SupplierRecord;
import org.originbridge.scoring.domain.SupplierRecords;
import org.originbridge.scoring.domain.SupplierScore;

/**
 * One document per supplier in {@code scoring_suppliers}: {@code _id} = supplier id, a
 * {@code revision} guarding every write (insert for the first, {@code updateOne} filtered on the
 * expected revision after that), the evidence, the latest score and the emitted version (which
 * only {@link #markEmitted} changes, so a concurrent evidence write never moves it back).
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
        if (expectedRevision == 0) {
            try {
                suppliers.insertOne(new Document("_id", next.supplierId())
                        .append("revision", next.revision())
                        .append("emittedVersion", next.emittedVersion())
                        .append("evidence", evidence(next.evidence()))
                        .append("latest", score(next.latest())));
                return true;
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                    return false; // created concurrently: stale
                }
                throw e;
            }
        }
        return suppliers.updateOne(
                Filters.and(Filters.eq("_id", next.supplierId()), Filters.eq("revision", expectedRevision)),
                Updates.combine(Updates.set("revision", next.revision()),
                        Updates.set("evidence", evidence(next.evidence())),
                        Updates.set("latest", score(next.latest()))))
                .getMatchedCount() == 1;
    }

    @Override
    public void markEmitted(String supplierId, long version) {
        suppliers.updateOne(Filters.and(Filters.eq("_id", supplierId), Filters.lt("emittedVersion", version)),
                Updates.set("emittedVersion", version));
    }

    // ------------------------------------------------------------------ mapping

    private static Document evidence(SupplierEvidence e) {
        return new Document("intake", e.intake().stream().map(i -> new Document("declarationId", i.declarationId())
                        .append("accepted", i.accepted()).append("at", date(i.at()))).toList())
                .append("asw", e.asw().stream().map(a -> new Document("declarationId", a.declarationId())
                        .append("result", a.result().name()).append("at", date(a.at()))).toList())
                .append("issuance", e.issuance().stream().map(i -> new Document("declarationId", i.declarationId())
                        .append("status", i.status().name()).append("sequence", i.sequence())
                        .append("at", date(i.at()))).toList())
                .append("consignments", e.consignments().stream().map(c -> new Document("declarationId", c.declarationId())
                        .append("portOfLoading", c.portOfLoading()).append("portOfDischarge", c.portOfDischarge())
                        .append("events", c.events().stream().map(MongoSupplierRecords::event).toList())).toList());
    }

    static Document event(NodeEvent n) {
        return new Document("eventId", n.eventId()).append("code", n.code()).append("actual", n.actual())
                .append("location", n.location()).append("at", date(n.at()))
                .append("retractedEventId", n.retractedEventId());
    }

    static NodeEvent event(Document d) {
        return new NodeEvent(d.getString("eventId"), d.getString("code"), d.getBoolean("actual", false),
                d.getString("location"), instant(d.getDate("at")), d.getString("retractedEventId"));
    }

    private static Document score(SupplierScore s) {
        if (s == null) {
            return null;
        }
        return new Document("supplierId", s.supplierId()).append("score", s.score()).append("band", s.band().name())
                .append("previousScore", s.previousScore()).append("version", s.version())
                .append("asOf", date(s.asOf())).append("validUntil", date(s.validUntil())).append("source", s.source())
                .append("factors", s.factors().stream().map(f -> new Document("code", f.code()).append("name", f.name())
                        .append("weight", f.weight()).append("value", f.value())
                        .append("explanation", f.explanation())).toList());
    }

    private static SupplierRecord toRecord(Document d) {
        Document e = d.get("evidence", Document.class);
        SupplierEvidence evidence = new SupplierEvidence(
                docs(e, "intake").stream().map(i -> new IntakeOutcome(i.getString("declarationId"),
                        i.getBoolean("accepted", false), instant(i.getDate("at")))).toList(),
                docs(e, "asw").stream().map(a -> new AswOutcome(a.getString("declarationId"),
                        AswOutcome.Result.valueOf(a.getString("result")), instant(a.getDate("at")))).toList(),
                docs(e, "issuance").stream().map(i -> new IssuanceOutcome(i.getString("declarationId"),
                        IssuanceOutcome.Status.valueOf(i.getString("status")), i.getInteger("sequence", 0),
                        instant(i.getDate("at")))).toList(),
                docs(e, "consignments").stream().map(c -> new ConsignmentEvidence(c.getString("declarationId"),
                        c.getString("portOfLoading"), c.getString("portOfDischarge"),
                        docs(c, "events").stream().map(MongoSupplierRecords::event).toList())).toList());
        Document l = d.get("latest", Document.class);
        SupplierScore latest = l == null ? null : new SupplierScore(l.getString("supplierId"), l.getInteger("score"),
                ScoreBand.valueOf(l.getString("band")), l.getInteger("previousScore"),
                docs(l, "factors").stream().map(f -> new ScoreFactor(f.getString("code"), f.getString("name"),
                        f.getInteger("weight"), f.getInteger("value"), f.getString("explanation"))).toList(),
                number(l, "version"), instant(l.getDate("asOf")), instant(l.getDate("validUntil")), l.getString("source"));
        return new SupplierRecord(d.getString("_id"), number(d, "revision"), evidence, latest, number(d, "emittedVersion"));
    }

    @SuppressWarnings("unchecked")
    static List<Document> docs(Document parent, String field) {
        Object value = parent == null ? null : parent.get(field);
        return value == null ? List.of() : (List<Document>) value;
    }

    static long number(Document d, String field) {
        Object value = d.get(field);
        return value == null ? 0 : ((Number) value).longValue();
    }

    static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
