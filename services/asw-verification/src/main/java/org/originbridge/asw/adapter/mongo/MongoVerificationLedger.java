package org.originbridge.asw.adapter.mongo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.or;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.originbridge.asw.domain.Check;
import org.originbridge.asw.domain.Outcome;
import org.originbridge.asw.domain.VerificationLedger;
import org.originbridge.asw.domain.VerificationResult;

/**
 * The ledger in collection {@code verificationOutcomes}: one immutable document per declaration
 * and content, {@code _id = <declarationId>|<documentHash>} (a revocation of that content:
 * {@code <declarationId>|<documentHash>|revoked}), plus a unique index on
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
        outcomes.createIndex(Indexes.ascending("certificateNumber"));
        outcomes.createIndex(Indexes.ascending("referenceNumber"));
    }

    @Override
    public Optional<VerificationResult> find(String declarationId, String documentHash) {
        return Optional.ofNullable(outcomes.find(and(eq("declarationId", declarationId), eq("documentHash", documentHash)))
                .sort(Sorts.descending("version")).limit(1).first()).map(MongoVerificationLedger::toResult);
    }

    @Override
    public Optional<VerificationResult> latest(String declarationId) {
        return Optional.ofNullable(outcomes.find(eq("declarationId", declarationId)).sort(Sorts.descending("version")).limit(1)
                .first()).map(MongoVerificationLedger::toResult);
    }

    @Override
    public List<String> declarationsVerifying(String certificateOrReference) {
        Set<String> declarations = new LinkedHashSet<>();
        for (Document d : outcomes.find(and(eq("outcome", Outcome.VERIFIED.name()),
                or(eq("certificateNumber", certificateOrReference),
                        and(eq("certificateNumber", null), eq("referenceNumber", certificateOrReference))))).limit(100)) {
            declarations.add(d.getString("declarationId"));
        }
        List<String> verifying = new ArrayList<>();
        for (String declarationId : declarations) {
            latest(declarationId).filter(r -> r.outcome() == Outcome.VERIFIED).ifPresent(r -> verifying.add(declarationId));
        }
        return verifying;
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

    private static String id(VerificationResult r) {
        return r.declarationId() + "|" + r.documentHash() + (r.revocation() ? "|revoked" : "");
    }

    static Document toDocument(VerificationResult r) {
        return new Document("_id", id(r))
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
                .append("shortCode", r.shortCode())
                .append("channel", r.channel())
                .append("certificateNumber", r.certificateNumber())
                .append("issuingAuthority", r.issuingAuthority())
                .append("revocation", r.revocation());
    }

    static VerificationResult toResult(Document d) {
        return new VerificationResult(d.getString("declarationId"), d.getString("supplierId"), d.getString("referenceNumber"),
                Outcome.valueOf(d.getString("outcome")), d.getString("aswReference"), d.getString("documentHash"),
                check(d.get("documentIntegrity", Document.class)), check(d.get("issuanceStatus", Document.class)),
                check(d.get("issuerIdentity", Document.class)), d.getString("verificationCode"), d.getString("reason"),
                d.getDate("verifiedAt").toInstant(), d.getInteger("version"), d.getString("shortCode"),
                d.getString("channel"), d.getString("certificateNumber"), d.getString("issuingAuthority"),
                d.getBoolean("revocation", false));
    }

    private static Document check(Check c) {
        return new Document("status", c.status().name()).append("reason", c.reason());
    }

    private static Check check(Document d) {
        return new Check(Check.Status.valueOf(d.getString("status")), d.getString("reason"));
    }
}
