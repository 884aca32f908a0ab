package org.originbridge.status.adapter.mongo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.not;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.originbridge.status.domain.FailureStore;
import org.originbridge.status.domain.ProcessingFailure;
import org.originbridge.status.domain.ProjectionResult;

/**
 * Keeps the latest processing failure of a declaration in its document ({@code failure}), guarded
 * by {@code failure.failedAt}: a replayed or older failure changes nothing. A failure for a
 * declaration the read model has not seen yet creates its document (the other facts fill it later).
 */
public class MongoFailureStore implements FailureStore {

    private final MongoCollection<Document> declarations;

    public MongoFailureStore(MongoDatabase database) {
        this.declarations = database.getCollection(MongoStatusStore.DECLARATIONS);
    }

    @Override
    public ProjectionResult recordFailure(String declarationId, ProcessingFailure failure) {
        for (int attempt = 1; ; attempt++) {
            try {
                var result = declarations.updateOne(
                        and(eq("_id", declarationId), not(gte("failure.failedAt", failure.failedAt()))),
                        Updates.combine(Updates.set("failure", failure), Updates.max("updatedAt", failure.failedAt())),
                        new UpdateOptions().upsert(true));
                return result.getModifiedCount() > 0 || result.getUpsertedId() != null
                        ? ProjectionResult.APPLIED : ProjectionResult.STALE;
            } catch (MongoWriteException e) {
                if (ErrorCategory.fromErrorCode(e.getError().getCode()) != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
                // the document exists with a newer failure (stale), or a concurrent first write
                // created it between our match and our insert: the retry tells them apart
                if (attempt == 2) {
                    return ProjectionResult.STALE;
                }
            }
        }
    }
}
