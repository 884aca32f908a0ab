package org.originbridge.status.adapter.mongo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.nor;
import static com.mongodb.client.model.Filters.not;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.originbridge.status.domain.DeclarationData;
import org.originbridge.status.domain.DeclarationFilter;
import org.originbridge.status.domain.DeclarationProjection;
import org.originbridge.status.domain.IntakeRecord;
import org.originbridge.status.domain.IssuanceRecord;
import org.originbridge.status.domain.LogisticsEvent;
import org.originbridge.status.domain.ProjectionResult;
import org.originbridge.status.domain.ProjectionStore;
import org.originbridge.status.domain.StatusReadStore;
import org.originbridge.status.domain.SigningKeyRecord;
import org.originbridge.status.domain.SupplierScore;
import org.originbridge.status.domain.VerificationRecord;

/**
 * The read model in MongoDB, written with single-document guarded upserts only (no transactions,
 * no change streams), so it behaves the same on a real MongoDB 7 and on the embedded wire server.
 * <p>
 * A guarded upsert has the filter {@code {_id: X, <guard>: {$not: {$gte: N}}}}: it updates a
 * document whose guard is older or absent, inserts one when {@code X} does not exist, and when
 * {@code X} exists with a newer guard the insert attempt fails with a duplicate key (11000),
 * which means "stale". One retry covers the race where two first facts of a declaration insert
 * it concurrently.
 * <p>
 * Tenancy: a declaration belongs to the supplier (exporter tenant) of its first fact. Every
 * declaration write also matches {@code supplierId}, so a fact naming another supplier for an
 * existing declaration matches nothing, its insert attempt is a duplicate key, and it is ignored
 * ({@link ProjectionResult#STALE}): one tenant's events never change another tenant's declaration.
 * <p>
 * Cost per event: one targeted update (an insert for a logistics event), whatever the document
 * holds; nothing is read back. Only the stale paths write twice: a retried insert race, an older
 * intake fact filling in missing declaration data, an older issuance change adding its history entry.
 * <p>
 * Collections: {@code declarations} (one document per declaration: intake, declaration data,
 * verification, issuance and its history), {@code logisticsEvents} (one per event id, tagged
 * join references, joined at read time so events may come before their declaration),
 * {@code supplierScores} (one per supplier), {@code signingKeys} (one per kid: the public keys
 * served as the JWKS).
 */
public class MongoStatusStore implements ProjectionStore, StatusReadStore {

    static final String DECLARATIONS = "declarations";
    static final String LOGISTICS_EVENTS = "logisticsEvents";
    static final String SUPPLIER_SCORES = "supplierScores";
    static final String SIGNING_KEYS = "signingKeys";

    private final MongoCollection<Document> declarations;
    private final MongoCollection<DeclarationDocument> declarationDocuments;
    private final MongoCollection<Document> logisticsEvents;
    private final MongoCollection<Document> scores;
    private final MongoCollection<Document> signingKeys;

    public MongoStatusStore(MongoDatabase database) {
        this.declarations = database.getCollection(DECLARATIONS);
        this.declarationDocuments = database.getCollection(DECLARATIONS, DeclarationDocument.class);
        this.logisticsEvents = database.getCollection(LOGISTICS_EVENTS);
        this.scores = database.getCollection(SUPPLIER_SCORES);
        this.signingKeys = database.getCollection(SIGNING_KEYS);
    }

    /** Creates the indexes the queries use (idempotent). */
    public void createIndexes() {
        declarations.createIndex(Indexes.ascending("supplierId"));
        declarations.createIndex(Indexes.ascending("referenceNumber"));
        declarations.createIndex(Indexes.ascending("destinationCountry"));
        declarations.createIndex(Indexes.ascending("declaration.importer.identifier"), new IndexOptions().sparse(true));
        declarations.createIndex(Indexes.ascending("issuance.qrToken"), new IndexOptions().sparse(true));
        logisticsEvents.createIndex(Indexes.ascending("references"));
    }

    // ---------------------------------------------------------------- write side

    @Override
    public ProjectionResult recordIntake(String declarationId, String supplierId, String referenceNumber,
            IntakeRecord intake, DeclarationData declaration) {
        List<Bson> updates = new ArrayList<>();
        updates.add(Updates.set("intake", intake));
        if (declaration != null) {
            updates.add(Updates.set("declaration", declaration));
            if (declaration.destinationCountry() != null) {
                updates.add(Updates.set("destinationCountry", declaration.destinationCountry()));
            }
        }
        if (referenceNumber != null) {
            updates.add(Updates.set("referenceNumber", referenceNumber));
        }
        updates.add(Updates.max("updatedAt", intake.at()));
        ProjectionResult result = guardedUpsert(declarations, declarationId, supplierId,
                not(gte("intake.version", intake.version())), Updates.combine(updates));
        if (result == ProjectionResult.STALE && declaration != null) {
            // An older fact still fills in declaration data a newer one lacked (e.g. a rejection
            // without the declaration, read before the submission); it never overwrites data.
            List<Bson> fill = new ArrayList<>();
            fill.add(Updates.set("declaration", declaration));
            if (declaration.destinationCountry() != null) {
                fill.add(Updates.set("destinationCountry", declaration.destinationCountry()));
            }
            declarations.updateOne(and(eq("_id", declarationId), eq("supplierId", supplierId), exists("declaration", false)),
                    Updates.combine(fill));
        }
        return result;
    }

    @Override
    public ProjectionResult recordVerification(String declarationId, String supplierId, String referenceNumber,
            VerificationRecord verification) {
        List<Bson> updates = new ArrayList<>();
        updates.add(Updates.set("verification", verification));
        if (referenceNumber != null) {
            updates.add(Updates.setOnInsert("referenceNumber", referenceNumber));
        }
        updates.add(Updates.max("updatedAt", verification.verifiedAt()));
        int version = verification.version() == null ? 1 : verification.version();
        return guardedUpsert(declarations, declarationId, supplierId,
                nor(gt("verification.version", version),
                        and(eq("verification.version", version), gte("verification.verifiedAt", verification.verifiedAt()))),
                Updates.combine(updates));
    }

    @Override
    public ProjectionResult recordIssuance(String declarationId, String supplierId, String referenceNumber,
            IssuanceRecord issuance) {
        List<Bson> updates = new ArrayList<>();
        updates.add(Updates.set("issuance.status", issuance.status()));
        updates.add(Updates.set("issuance.previousStatus", issuance.previousStatus()));
        updates.add(Updates.set("issuance.sequence", issuance.sequence()));
        updates.add(Updates.set("issuance.reason", issuance.reason()));
        updates.add(Updates.set("issuance.changedAt", issuance.changedAt()));
        // Documents and references of the e-CO stay once known (a REVOKED change need not repeat them).
        setIfPresent(updates, "issuance.applicationId", issuance.applicationId());
        setIfPresent(updates, "issuance.certificateNumber", issuance.certificateNumber());
        setIfPresent(updates, "issuance.serialNumber", issuance.serialNumber());
        setIfPresent(updates, "issuance.queryUrl", issuance.queryUrl());
        setIfPresent(updates, "issuance.qrToken", issuance.qrToken());
        setIfPresent(updates, "issuance.issuingAuthority", issuance.issuingAuthority());
        setIfPresent(updates, "issuance.authorityVerificationCode", issuance.authorityVerificationCode());
        setIfPresent(updates, "issuance.documentSha256", issuance.documentSha256());
        setIfPresent(updates, "issuance.issuedContent", issuance.issuedContent());
        if (referenceNumber != null) {
            updates.add(Updates.setOnInsert("referenceNumber", referenceNumber));
        }
        updates.add(Updates.max("updatedAt", issuance.changedAt()));
        // The history keeps every change whatever the arrival order; identical entries collapse. In order
        // (the usual case) it is part of the one guarded update; a change older than the stored one
        // (stale) still adds its entry, with a second update of the tenant's existing document.
        updates.add(Updates.addToSet("issuanceHistory", issuance.historyEntry()));
        ProjectionResult result = guardedUpsert(declarations, declarationId, supplierId,
                not(gte("issuance.sequence", issuance.sequence())), Updates.combine(updates));
        if (result == ProjectionResult.STALE) {
            declarations.updateOne(and(eq("_id", declarationId), eq("supplierId", supplierId)),
                    Updates.addToSet("issuanceHistory", issuance.historyEntry()));
        }
        return result;
    }

    @Override
    public ProjectionResult recordLogisticsEvent(LogisticsEvent event) {
        Document document = new Document("_id", event.eventId())
                .append("references", event.references())
                .append("retractedEventId", event.retractedEventId())
                .append("event", event);
        try {
            logisticsEvents.withDocumentClass(Document.class).insertOne(document);
            return ProjectionResult.APPLIED;
        } catch (MongoWriteException e) {
            if (ErrorCategory.fromErrorCode(e.getError().getCode()) == ErrorCategory.DUPLICATE_KEY) {
                return ProjectionResult.STALE;
            }
            throw e;
        }
    }

    @Override
    public ProjectionResult recordScore(SupplierScore score) {
        Bson update = Updates.combine(Updates.set("version", score.version()), Updates.set("score", score));
        return guardedUpsert(scores, score.supplierId(), lt("version", score.version()), update);
    }

    @Override
    public ProjectionResult recordSigningKey(SigningKeyRecord key) {
        Bson update = Updates.combine(Updates.set("publishedAt", key.publishedAt()), Updates.set("key", key));
        return guardedUpsert(signingKeys, key.kid(), lt("publishedAt", key.publishedAt()), update);
    }

    private static void setIfPresent(List<Bson> updates, String field, Object value) {
        if (value != null) {
            updates.add(Updates.set(field, value));
        }
    }

    /** A guarded upsert of a declaration that also matches its tenant (see the class comment). */
    private static ProjectionResult guardedUpsert(MongoCollection<Document> collection, String id, String supplierId,
            Bson guard, Bson update) {
        return guardedUpsert(collection, id, and(eq("supplierId", supplierId), guard), update);
    }

    private static ProjectionResult guardedUpsert(MongoCollection<Document> collection, String id, Bson guard,
            Bson update) {
        for (int attempt = 1; ; attempt++) {
            try {
                collection.updateOne(and(eq("_id", id), guard), update, new UpdateOptions().upsert(true));
                return ProjectionResult.APPLIED;
            } catch (MongoWriteException e) {
                if (ErrorCategory.fromErrorCode(e.getError().getCode()) != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
                // Either the document exists with a newer guard (stale), or a concurrent first
                // write created it between our match and our insert: the retry tells them apart.
                if (attempt == 2) {
                    return ProjectionResult.STALE;
                }
            }
        }
    }

    // ---------------------------------------------------------------- read side

    @Override
    public Optional<DeclarationProjection> findDeclaration(String declarationId) {
        return Optional.ofNullable(declarationDocuments.find(eq("_id", declarationId)).first())
                .map(DeclarationDocument::toProjection);
    }

    @Override
    public Optional<DeclarationProjection> findByReferenceNumber(String referenceNumber) {
        return Optional.ofNullable(declarationDocuments.find(eq("referenceNumber", referenceNumber))
                .sort(Sorts.descending("updatedAt")).limit(1).first()).map(DeclarationDocument::toProjection);
    }

    @Override
    public Optional<DeclarationProjection> findByQrToken(String qrToken) {
        return Optional.ofNullable(declarationDocuments.find(eq("issuance.qrToken", qrToken)).first())
                .map(DeclarationDocument::toProjection);
    }

    @Override
    public List<LogisticsEvent> logisticsEvents(Collection<String> references) {
        List<LogisticsEvent> events = new ArrayList<>();
        logisticsEvents.withDocumentClass(LogisticsEventDocument.class).find(in("references", references))
                .forEach(d -> events.add(d.event()));
        return events;
    }

    @Override
    public Optional<SupplierScore> score(String supplierId) {
        return Optional.ofNullable(scores.withDocumentClass(ScoreDocument.class).find(eq("_id", supplierId)).first())
                .map(ScoreDocument::score);
    }

    @Override
    public Optional<SigningKeyRecord> signingKey(String kid) {
        return Optional.ofNullable(signingKeys.withDocumentClass(SigningKeyDocument.class).find(eq("_id", kid)).first())
                .map(SigningKeyDocument::key);
    }

    @Override
    public List<SigningKeyRecord> signingKeys() {
        List<SigningKeyRecord> keys = new ArrayList<>();
        signingKeys.withDocumentClass(SigningKeyDocument.class).find().sort(Sorts.ascending("_id")).forEach(d -> keys.add(d.key()));
        return keys;
    }

    @Override
    public List<DeclarationProjection> list(DeclarationFilter filter, String afterId, int limit) {
        List<Bson> conditions = new ArrayList<>();
        addEq(conditions, "supplierId", filter.supplierId());
        if (filter.tenants() != null) {
            conditions.add(in("supplierId", filter.tenants()));
        }
        addEq(conditions, "intake.outcome", filter.intakeOutcome());
        addEq(conditions, "destinationCountry", filter.destinationCountry());
        addEq(conditions, "verification.outcome", filter.verificationOutcome());
        addEq(conditions, "issuance.status", filter.issuanceStatus());
        if (afterId != null) {
            conditions.add(gt("_id", afterId));
        }
        Bson query = conditions.isEmpty() ? new Document() : and(conditions);
        List<DeclarationProjection> found = new ArrayList<>();
        declarationDocuments.find(query).sort(Sorts.ascending("_id")).limit(limit)
                .forEach(d -> found.add(d.toProjection()));
        return found;
    }

    @Override
    public List<DeclarationProjection> addressedTo(String importerId, int limit) {
        List<DeclarationProjection> found = new ArrayList<>();
        if (importerId == null || importerId.isBlank()) {
            return found;
        }
        // an exact string match: the id comes from the access token, and eq() never interprets operators
        declarationDocuments.find(eq("declaration.importer.identifier", importerId))
                .sort(Sorts.descending("updatedAt")).limit(limit).forEach(d -> found.add(d.toProjection()));
        return found;
    }

    private static void addEq(List<Bson> conditions, String field, String value) {
        if (value != null && !value.isBlank()) {
            conditions.add(eq(field, value));
        }
    }

    /** A document of {@code logisticsEvents}. */
    public record LogisticsEventDocument(@org.bson.codecs.pojo.annotations.BsonId String id, List<String> references,
            String retractedEventId, LogisticsEvent event) {
    }

    /** A document of {@code supplierScores}. */
    public record ScoreDocument(@org.bson.codecs.pojo.annotations.BsonId String id, Long version, SupplierScore score) {
    }

    /** A document of {@code signingKeys}. */
    public record SigningKeyDocument(@org.bson.codecs.pojo.annotations.BsonId String id, java.time.Instant publishedAt,
            SigningKeyRecord key) {
    }

    /** For tests and operators: the raw declaration document. */
    Document rawDeclaration(String declarationId) {
        return declarations.find(eq("_id", declarationId)).first();
    }
}
