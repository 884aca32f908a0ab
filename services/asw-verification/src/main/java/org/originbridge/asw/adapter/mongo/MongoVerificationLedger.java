package org.originbridge.asw.adapter.mongo;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import java.util.Date;
import java.util.Optional;
import org.bson.Document;
import org.originbridge.asw.domain.Check;
import org.originbridge.asw.domain.Outcome;
import org.originbridge.asw.domain.VerificationLedger;
import org.originbridge.asw.domain.VerificationResult;

/**
 * The ledger in collection {@code verificationOutcomes}: one immutable document per declaration
 * and content, {@code _id = <declarationId>|<documentHash>}, plus a unique index on
 * {@code (declarationId, version)}. Writes are plain inserts: a duplicate key (same content, or the
 * same version taken by other content) means someone recorded first, so nothing is ever replaced.
 * No transactions, so it behaves the same on MongoDB 7/8 and on the embedded wire server.
 */
public class MongoVerificationLedger implements VerificationLedger {

    static final String COLLECTION = "verificationOutcomes";

    private final MongoCollection<Document> outcomes;

    public MongoVerificationLedger(MongoDatabase database) {
        this.outcomes = database.getCollection(COLLECTION);
    }

    public void createIndexes() {
        outcomes.createIndex(Indexes.ascending("declarationId", "version"), new IndexOptions().unique(true));
    }

    @Override
    public Optional<VerificationResult> find(String declarationId, String documentHash) {
        return Optional.ofNullable(outcomes.find(eq("_id", id(declarationId, documentHash))).first())
                .map(MongoVerificationLedger::toResult);
    }

    @Override
    public int latestVersion(String declarationId) {
        Document latest = outcomes.find(eq("declarationId", declarationId)).sort(Sorts.descending("version")).limit(1).first();
        return latest == null ? 0 : latest.getInteger("version", 0);
    }

    @Override
    public boolean record(VerificationResult r) {
        try {
            outcomes.insertOne(toDocument(r));
            return true;
        } catch (MongoWriteException e) {
            if (ErrorCategory.fromErrorCode(e.getError().getCode()) == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    private static String id(String declarationId, String documentHash) {
        return declarationId + "|" + documentHash;
    }

    static Document toDocument(VerificationResult r) {
        return new Document("_id", id(r.declarationId(), r.documentHash()))
                .append("declarationId", r.declarationId())
                .append("supplierId", r.supplierId())
                .append("referenceNumber", r.referenceNumber())
                .append("outcome", r.outcome().name())
                .append("aswReference", r.aswReference())
                .append("documentHash", r.documentHash())
                .append("documentIntegrity", check(r.documentIntegrity()))
                .append("issuanceStatus", check(r.issuanceStatus()))
                .append("issuerIdentity", check(r.issuerIdentity()))
                .append("verificationCode", r.verificationCode())
                .append("reason", r.reason())
                .append("verifiedAt", Date.from(r.verifiedAt()))
                .append("version", r.version())
                .append("shortCode", r.shortCode());
    }

    static VerificationResult toResult(Document d) {
        return new VerificationResult(d.getString("declarationId"), d.getString("supplierId"), d.getString("referenceNumber"),
                Outcome.valueOf(d.getString("outcome")), d.getString("aswReference"), d.getString("documentHash"),
                check(d.get("documentIntegrity", Document.class)), check(d.get("issuanceStatus", Document.class)),
                check(d.get("issuerIdentity", Document.class)), d.getString("verificationCode"), d.getString("reason"),
                d.getDate("verifiedAt").toInstant(), d.getInteger("version"), d.getString("shortCode"));
    }

    private static Document check(Check c) {
        return new Document("status", c.status().name()).append("reason", c.reason());
    }

    private static Check check(Document d) {
        return new Check(Check.Status.valueOf(d.getString("status")), d.getString("reason"));
    }
}
