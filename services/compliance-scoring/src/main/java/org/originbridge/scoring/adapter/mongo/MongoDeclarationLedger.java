package org.originbridge.scoring.adapter.mongo;

import static org.originbridge.scoring.adapter.mongo.EvidenceDocuments.number;

import java.util.Optional;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;
import org.originbridge.scoring.domain.DeclarationLedger;
import org.originbridge.scoring.domain.DeclarationRecord;

/**
 * {@code scoring_declarations}: one small document per declaration ({@code _id} = declaration id,
 * {@code supplierId} indexed for the rare recount), its evidence and the pending change, written
 * with {@code replaceOne} guarded by {@code version} (insert for the first; DUPLICATE_KEY = stale).
 */
public class MongoDeclarationLedger implements DeclarationLedger {

    public static final String COLLECTION = "scoring_declarations";

    private final MongoCollection<Document> declarations;

    public MongoDeclarationLedger(MongoDatabase database) {
        this.declarations = database.getCollection(COLLECTION);
        declarations.createIndex(Indexes.ascending("supplierId"));
    }

    @Override
    public Optional<DeclarationRecord> find(String declarationId) {
        return Optional.ofNullable(declarations.find(Filters.eq("_id", declarationId)).first())
                .map(MongoDeclarationLedger::toRecord);
    }

    @Override
    public boolean save(DeclarationRecord next, long expectedVersion) {
        Document doc = toDocument(next);
        if (expectedVersion == 0) {
            try {
                declarations.insertOne(doc);
                return true;
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                    return false;
                }
                throw e;
            }
        }
        return declarations.replaceOne(Filters.and(Filters.eq("_id", next.declarationId()),
                Filters.eq("version", expectedVersion)), doc, new ReplaceOptions()).getMatchedCount() == 1;
    }

    @Override
    public Stream<DeclarationRecord> ofSupplier(String supplierId) {
        MongoCursor<Document> cursor = declarations.find(Filters.eq("supplierId", supplierId)).iterator();
        Iterable<Document> iterable = () -> cursor;
        return StreamSupport.stream(iterable.spliterator(), false).map(MongoDeclarationLedger::toRecord)
                .onClose(cursor::close);
    }

    private static Document toDocument(DeclarationRecord r) {
        Document doc = new Document("_id", r.declarationId()).append("supplierId", r.supplierId())
                .append("version", r.version()).append("evidence", EvidenceDocuments.evidence(r.evidence()));
        if (r.pending() != null) {
            doc.append("pending", new Document("token", r.pending().token())
                    .append("targetRevision", r.pending().targetRevision())
                    .append("previous", EvidenceDocuments.evidence(r.pending().previous())));
        }
        return doc;
    }

    private static DeclarationRecord toRecord(Document d) {
        String id = d.getString("_id");
        Document p = d.get("pending", Document.class);
        return new DeclarationRecord(id, d.getString("supplierId"), number(d, "version"),
                EvidenceDocuments.evidence(id, d.get("evidence", Document.class)),
                p == null ? null : new DeclarationRecord.PendingChange(p.getString("token"),
                        EvidenceDocuments.evidence(id, p.get("previous", Document.class)), number(p, "targetRevision")));
    }
}
