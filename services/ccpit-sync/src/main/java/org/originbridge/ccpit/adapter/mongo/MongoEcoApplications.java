package org.originbridge.ccpit.adapter.mongo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.originbridge.ccpit.domain.EcoApplication;
import org.originbridge.ccpit.domain.EcoApplications;
import org.originbridge.ccpit.domain.EcoRequest;
import org.originbridge.ccpit.domain.IssuanceStatus;

/**
 * {@code ccpit_applications}: one document per declaration ({@code _id} = declaration id). Status
 * changes are {@code updateOne} filtered on the previous {@code sequence}; the emitted sequence only
 * moves forward ({@code $lt} guard); polling claims an application with {@code findOneAndUpdate}
 * on its {@code nextCheckAt}, so two instances never poll it at once. No transactions needed.
 */
public class MongoEcoApplications implements EcoApplications {

    public static final String COLLECTION = "ccpit_applications";
    /** The authority of applications stored before routing by exporting Party. */
    public static final String LEGACY_AUTHORITY = "CN-CCPIT";

    private final MongoCollection<Document> applications;

    public MongoEcoApplications(MongoDatabase database) {
        this.applications = database.getCollection(COLLECTION);
        applications.createIndex(Indexes.ascending("nextCheckAt"));
        applications.createIndex(Indexes.ascending("pendingEmission", "changedAt"));
    }

    @Override
    public Optional<EcoApplication> find(String declarationId) {
        return Optional.ofNullable(applications.find(Filters.eq("_id", declarationId)).first())
                .map(MongoEcoApplications::toApplication);
    }

    @Override
    public boolean insert(EcoApplication application) {
        try {
            applications.insertOne(toDocument(application));
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public boolean update(EcoApplication next, int expectedSequence) {
        Document fields = toDocument(next);
        fields.remove("_id");
        fields.remove("emittedSequence");
        fields.put("pendingEmission", true);
        return applications.updateOne(
                Filters.and(Filters.eq("_id", next.declarationId()), Filters.eq("sequence", expectedSequence)),
                new Document("$set", fields)).getMatchedCount() == 1;
    }

    @Override
    public void reschedule(String declarationId, int sequence, Instant nextCheckAt) {
        applications.updateOne(Filters.and(Filters.eq("_id", declarationId), Filters.eq("sequence", sequence)),
                Updates.set("nextCheckAt", date(nextCheckAt)));
    }

    @Override
    public void markEmitted(String declarationId, int sequence) {
        // The newest change published: nothing pending any more.
        if (applications.updateOne(Filters.and(Filters.eq("_id", declarationId), Filters.eq("sequence", sequence),
                        Filters.lt("emittedSequence", sequence)),
                Updates.combine(Updates.set("emittedSequence", sequence), Updates.set("pendingEmission", false)))
                .getMatchedCount() == 1) {
            return; // the stored change is this one, so it is not a newer one: one round trip (issue 11)
        }
        // An older change published while a newer one was stored: the newer one stays pending.
        applications.updateOne(Filters.and(Filters.eq("_id", declarationId), Filters.gt("sequence", sequence),
                        Filters.lt("emittedSequence", sequence)),
                Updates.set("emittedSequence", sequence));
    }

    @Override
    public List<EcoApplication> claimDue(Instant now, Instant leaseUntil, int limit) {
        List<EcoApplication> claimed = new ArrayList<>();
        List<Document> due = applications.find(Filters.lte("nextCheckAt", date(now)))
                .sort(Sorts.ascending("nextCheckAt")).limit(limit).into(new ArrayList<>());
        for (Document candidate : due) {
            Document mine = applications.findOneAndUpdate(
                    Filters.and(Filters.eq("_id", candidate.get("_id")), Filters.eq("nextCheckAt", candidate.get("nextCheckAt"))),
                    Updates.set("nextCheckAt", date(leaseUntil)),
                    new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
            if (mine != null) {
                claimed.add(toApplication(mine));
            }
        }
        return claimed;
    }

    @Override
    public List<EcoApplication> pendingEmissions(Instant changedBefore, int limit) {
        return applications.find(Filters.and(Filters.eq("pendingEmission", true), Filters.lt("changedAt", date(changedBefore))))
                .sort(Sorts.ascending("changedAt")).limit(limit).map(MongoEcoApplications::toApplication)
                .into(new ArrayList<>());
    }

    // ------------------------------------------------------------------ mapping

    private static Document toDocument(EcoApplication a) {
        return new Document("_id", a.declarationId())
                .append("request", EcoRequestDocuments.toDocument(a.request()))
                .append("authorityId", a.authorityId())
                .append("applicationId", a.applicationId())
                .append("status", a.status().name())
                .append("previousStatus", a.previousStatus() == null ? null : a.previousStatus().name())
                .append("sequence", a.sequence())
                .append("certificateNumber", a.certificateNumber())
                .append("serialNumber", a.serialNumber())
                .append("queryUrl", a.queryUrl())
                .append("verificationCode", a.verificationCode())
                .append("documentSha256", a.documentSha256())
                .append("reason", a.reason())
                .append("changedAt", date(a.changedAt()))
                .append("nextCheckAt", date(a.nextCheckAt()))
                .append("emittedSequence", a.emittedSequence())
                .append("pendingEmission", a.emissionPending());
    }

    private static EcoApplication toApplication(Document d) {
        EcoRequest request = EcoRequestDocuments.toRequest(d.getString("_id"), d.get("request", Document.class));
        String previous = d.getString("previousStatus");
        // applications stored before routing by issuing body have no authorityId: they were all CCPIT's
        String authorityId = d.containsKey("authorityId") ? d.getString("authorityId") : LEGACY_AUTHORITY;
        return new EcoApplication(request, authorityId, d.getString("applicationId"),
                IssuanceStatus.valueOf(d.getString("status")), previous == null ? null : IssuanceStatus.valueOf(previous),
                d.getInteger("sequence", 1), d.getString("certificateNumber"), d.getString("serialNumber"),
                d.getString("queryUrl"), d.getString("verificationCode"), d.getString("documentSha256"),
                d.getString("reason"), instant(d.getDate("changedAt")), instant(d.getDate("nextCheckAt")),
                d.getInteger("emittedSequence", 0));
    }

    private static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
