package org.originbridge.scoring.adapter.mongo;

import java.time.Instant;
import java.util.Date;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;

/**
 * {@code scoring_meta}, document {@code replay}: the newest rebuild's start ({@code before}); facts
 * logged before it are replayed history. Stored so that a restart in the middle of a rebuild keeps
 * replaying quietly; only moves forward ({@code $max}).
 */
public final class MongoReplayMark {

    public static final String COLLECTION = "scoring_meta";

    private MongoReplayMark() {
    }

    /** Records {@code requested} (if any) and returns the newest mark stored (null: never rebuilt). */
    public static Instant effective(MongoDatabase database, Instant requested) {
        MongoCollection<Document> meta = database.getCollection(COLLECTION);
        if (requested != null) {
            meta.updateOne(Filters.eq("_id", "replay"), Updates.max("before", Date.from(requested)),
                    new UpdateOptions().upsert(true));
        }
        Document mark = meta.find(Filters.eq("_id", "replay")).first();
        return mark == null || mark.getDate("before") == null ? null : mark.getDate("before").toInstant();
    }
}
